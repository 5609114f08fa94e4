package tandem.golden.soc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;

/** The precursor and baochip-1x descriptions build machines whose devices sit and interrupt where Xous expects. */
class SocPlatformsTest {

    @Test
    void precursorTimerDrivesLineZeroAndUartsPrintToTheirOwnConsole() {
        Machine m = Machine.create(Platform.named("precursor"), Profile.VEXRISCV);
        m.bus().store(0xF000_1000L, 9, 4);
        m.bus().store(0xF000_1014L, 1, 4);
        m.bus().store(0xF000_1008L, 1, 4);
        m.device("timer0", LitexTimer.class).orElseThrow().tick(10);
        assertEquals(1, m.hart().irqArray().driven() & 1, "timer0 is IRQ 0");
        m.bus().store(0xF000_5000L, 'k', 4);
        m.bus().store(0xF000_7000L, 'c', 4);
        assertEquals("k", m.console().text("uart"));
        assertEquals("c", m.console().text("console"));
        assertEquals(1, m.bus().load(0xF001_C00CL, 4), "TRNG URANDOM_VALID");
        assertEquals(0, m.bus().load(0xF000_C004L, 4), "memlcd BUSY");
        m.bus().store(0xF000_3014L, 1, 4);
        assertEquals(1, m.bus().load(0xF000_3014L, 4), "GPIO UARTSEL keeps what the loader wrote");
        assertEquals(0x2050_1000L, m.platform().resetPc());
    }

    @Test
    void baochipDuartTimersAndUdmaUart() {
        Machine m = Machine.create(Platform.named("baochip-1x"), Profile.BAOCHIP_1X);
        m.bus().store(0x4004_2000L, 'd', 4);
        assertEquals("d", m.console().text("duart"));
        assertEquals(0, m.bus().load(0x4004_2008L, 4), "DUART never busy");
        m.bus().store(0x5000_0000L, 'u', 1);
        m.bus().store(0x5010_3010L, 0x5000_0000, 4);
        m.bus().store(0x5010_3014L, 1, 4);
        m.bus().store(0x5010_3018L, 0x10, 4);
        assertEquals("u", m.console().text("uart2"), "UDMA UART2 sends from IFRAM");
        m.bus().store(0xE001_C000L, 4, 4);
        m.bus().store(0xE001_C01CL, 1, 4);
        m.bus().store(0xE001_C008L, 1, 4);
        m.device("timer0", LitexTimer.class).orElseThrow().tick(5);
        assertEquals(1 << 30, m.hart().irqArray().driven() & (1 << 30), "timer0 is IRQ 30");
        assertEquals(0x6000_0000L, m.platform().resetPc());
    }

    @Test
    void unmodelledAddressesReadZeroAndWarnOncePerAddress() {
        Machine m = Machine.create(Platform.named("baochip-1x"), Profile.BAOCHIP_1X);
        List<String> warnings = new ArrayList<>();
        m.setWarnings(warnings::add);
        assertEquals(0, m.bus().load(0x5020_0000L, 4), "USB device controller");
        m.bus().load(0x5020_0000L, 4);
        m.bus().store(0x4000_0010L, 1, 4);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("unmodelled device udc at 0x50200000: read returns 0x0"), warnings.get(0));
    }
}
