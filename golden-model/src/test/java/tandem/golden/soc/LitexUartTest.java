package tandem.golden.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LitexUartTest {

    @Test
    void transmitGoesToSinkAndReceiveRaisesEnabledRxInterrupt() {
        AtomicBoolean line = new AtomicBoolean();
        LitexUart u = new LitexUart("uart", line::set);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u.connect(out::write);
        for (char c : "hi".toCharArray()) {
            assertEquals(0, u.load(0x4, 4), "TXFULL never set");
            u.store(0x0, c, 4);
        }
        assertEquals("hi", out.toString());
        u.store(0x14, 2, 4);
        assertFalse(line.get());
        u.receive('k');
        assertTrue(line.get());
        assertEquals(0, u.load(0x8, 4));
        assertEquals('k', u.load(0x0, 4));
        assertEquals(1, u.load(0x8, 4));
        assertFalse(line.get(), "RX event drops once the FIFO is drained");
    }
}
