package tandem.golden.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;

class PlatformTest {

    @Test
    void virtDescribesQemusLayout() {
        Platform p = Platform.named("virt");
        assertEquals(0x8000_0000L, p.resetPc());
        assertEquals(0x8000_0000L, p.regions().get(0).base());
        assertTrue(p.devices().stream().anyMatch(d -> d.type().equals("ns16550") && d.base() == 0x1000_0000L));
    }

    @Test
    void unknownItemsNameTheLine() {
        String m = assertThrows(TandemException.class,
                () -> Platform.parse("my.platform", "platform x\n\nbogus 1 2\n")).getMessage();
        assertEquals("my.platform:3: unknown item 'bogus' (expected platform, describe, reset, ram, rom, device)", m);
    }

    @Test
    void badNumbersNameTheLine() {
        String m = assertThrows(TandemException.class,
                () -> Platform.parse("my.platform", "platform x\nram r 0xZZ 4K\n")).getMessage();
        assertTrue(m.startsWith("my.platform:2: not a number"), m);
    }

    @Test
    void unknownDeviceTypeIsReportedWhenBuilt() {
        Platform p = Platform.parse("my.platform", "platform x\nram r 0x0 4K\ndevice d frobnicator 0x1000 0x100\n");
        String m = assertThrows(TandemException.class, () -> Machine.create(p, Profile.VEXRISCV)).getMessage();
        assertEquals("my.platform:3: unknown device type 'frobnicator'", m);
    }

    @Test
    void unknownPlatformListsTheKnownOnes() {
        String m = assertThrows(TandemException.class, () -> Platform.named("nope")).getMessage();
        assertTrue(m.contains("unknown platform 'nope'") && m.contains("virt"), m);
    }

    @Test
    void baochipHasTheBioBlockWithItsIrqsOnBank18() {
        Machine m = Machine.create(Platform.named("baochip-1x"), Profile.BAOCHIP_1X);
        assertTrue(m.device("bio", tandem.golden.bio.Bio.class).isPresent());
        assertEquals(tandem.golden.bio.Bio.CFGINFO, m.bus().load(0x5012_4004L, 4));
    }

    @Test
    void wiredOrKeepsTheLineHighWhileAnyInputIs() {
        int[] level = {0};
        tandem.golden.bus.IrqLine[] in = new tandem.golden.bus.WiredOrIrq(l -> level[0] = l ? 1 : 0).inputs(4);
        in[0].set(true);
        in[2].set(true);
        in[0].set(false);
        assertEquals(1, level[0]);
        in[2].set(false);
        assertEquals(0, level[0]);
    }

    @Test
    void numbersTakeSuffixesAndSeparators() {
        assertEquals(128L << 20, Platform.parseNumber("128M"));
        assertEquals(0x4000_0000L, Platform.parseNumber("0x4000_0000"));
    }
}
