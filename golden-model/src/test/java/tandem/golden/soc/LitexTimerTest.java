package tandem.golden.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LitexTimerTest {

    @Test
    void periodicReloadRaisesInterruptEveryReloadPlusOneCycles() {
        AtomicBoolean line = new AtomicBoolean();
        LitexTimer t = new LitexTimer("timer0", LitexTimer.Layout.RENODE, line::set);
        t.store(0x0, 99, 4);
        t.store(0x4, 99, 4);
        t.store(0x14, 1, 4);
        t.store(0x8, 1, 4);
        t.tick(98);
        assertFalse(line.get());
        t.tick(1);
        assertTrue(line.get(), "zero event after LOAD cycles");
        t.store(0x10, 1, 4);
        assertFalse(line.get(), "EV_PENDING is write-1-to-clear");
        t.tick(100);
        assertTrue(line.get(), "next zero after RELOAD+1 cycles");
    }

    @Test
    void disabledTimerHoldsLoadAndLitexLayoutLatchesValue() {
        LitexTimer t = new LitexTimer("timer0", LitexTimer.Layout.LITEX, level -> { });
        t.store(0x0, 1000, 4);
        t.tick(500);
        assertEquals(1000, t.value());
        t.store(0x8, 1, 4);
        t.tick(300);
        t.store(0xC, 1, 4);
        assertEquals(700, t.load(0x10, 4));
    }
}
