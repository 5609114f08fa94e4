package tandem.golden.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TickTimerTest {

    @Test
    void countsMillisecondsAndFiresAlarmAtTarget() {
        AtomicBoolean line = new AtomicBoolean();
        TickTimer t = new TickTimer("ticktimer", 100_000_000L, line::set);
        t.store(0x1C, 1, 4);
        t.store(0x10, 5, 4);
        t.tick(400_000);
        assertEquals(4, t.load(0x8, 4));
        assertFalse(line.get());
        t.tick(100_000);
        assertTrue(line.get());
        t.store(0x18, 1, 4);
        assertFalse(line.get());
        t.store(0x0, 1, 4);
        assertEquals(0, t.load(0x8, 4));
    }
}
