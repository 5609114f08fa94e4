package tandem.golden.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterministicDevicesTest {

    @Test
    void trngIsSeededAndReportsUrandomValid() {
        Trng a = new Trng("trng", 42);
        Trng b = new Trng("trng", 42);
        assertEquals(1, a.load(0xC, 4));
        int first = a.load(0x8, 4);
        assertEquals(first, b.load(0x8, 4));
        assertNotEquals(first, a.load(0x8, 4));
    }

    @Test
    void unmodelledRegionWarnsOncePerAddress() {
        List<String> warnings = new ArrayList<>();
        UnmodelledRegion r = new UnmodelledRegion("reboot", 0xF000_0000L, 0x1000, 0, warnings::add);
        assertEquals(0, r.load(0x10, 4));
        r.store(0x10, 5, 4);
        r.load(0x14, 4);
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).contains("reboot at 0xf0000010"), warnings.get(0));
    }

    @Test
    void registerBankReadsBackBytesAndResetValues() {
        RegisterBank g = new RegisterBank("gpio", 0x1000, Map.of(0x4, 0x55));
        assertEquals(0x55, g.load(0x4, 4));
        g.store(0x15, 0xAB, 1);
        assertEquals(0xAB00, g.load(0x14, 4));
    }

    @Test
    void udmaUartSendsDmaBufferOnTxEnable() {
        byte[] mem = "hello".getBytes();
        UdmaUart u = new UdmaUart("uart2", p -> mem[(int) (p - 0x5000_0000L)]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u.connect(out::write);
        u.store(0x10, 0x5000_0000, 4);
        u.store(0x14, 5, 4);
        u.store(0x18, 0x10, 4);
        assertEquals("hello", out.toString());
        assertEquals(0, u.load(0x14, 4));
    }

    @Test
    void signatureHardwareRemembersFirstAccess() {
        List<String> notes = new ArrayList<>();
        SignatureHardware k = new SignatureHardware("keyrom", 0xF001_A000L, 0x1000, notes::add);
        k.store(0x0, 0x10, 4);
        assertEquals(0, k.load(0x4, 4));
        assertTrue(k.accessed());
        assertEquals(0xF001_A000L, k.firstAccess());
        assertEquals(1, notes.size());
    }
}
