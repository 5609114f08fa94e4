package tandem.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tandem.golden.csr.CsrFile;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;

class RtlDecidedCsrTest {

    private static int csrrs(int rd, int csr, int rs1) {
        return csr << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x73;
    }

    private static int csrrw(int rd, int csr, int rs1) {
        return csr << 20 | rs1 << 15 | 1 << 12 | rd << 7 | 0x73;
    }

    @Test
    void cycleCountersAreWhollyTheRtls() {
        CsrFile csrs = Machine.create(Platform.named("virt"), Profile.BAOCHIP_1X).hart().csrs();
        for (int csr : new int[] {0xC00, 0xC80, 0xB00, 0xB80}) {
            assertTrue(RtlDecidedCsr.is(csrrs(10, csr, 0)));
            assertEquals(-1, RtlDecidedCsr.bits(csrrs(10, csr, 0), csrs));
        }
    }

    @Test
    void onlyInterruptInputBitsOfMipAndSipAreTheRtls() {
        CsrFile csrs = Machine.create(Platform.named("virt"), Profile.BAOCHIP_1X).hart().csrs();
        assertEquals(0xA88, RtlDecidedCsr.bits(csrrs(15, 0x344, 0), csrs));
        assertEquals(0x200, RtlDecidedCsr.bits(csrrs(15, 0x144, 0), csrs));
    }

    @Test
    void interruptArrayPendingIsTheRtlsWithinItsMask() {
        CsrFile csrs = Machine.create(Platform.named("virt"), Profile.BAOCHIP_1X).hart().csrs();
        csrs.write(0xBC0, 0x4000_0020);
        csrs.write(0x9C0, 0x0000_0100);
        assertEquals(0x4000_0020, RtlDecidedCsr.bits(csrrs(5, 0xFC0, 0), csrs));
        assertEquals(0x0000_0100, RtlDecidedCsr.bits(csrrs(5, 0xDC0, 0), csrs));
    }

    @Test
    void otherInstructionsAndWritesWithoutReadAreCompared() {
        CsrFile csrs = Machine.create(Platform.named("virt"), Profile.BAOCHIP_1X).hart().csrs();
        assertFalse(RtlDecidedCsr.is(csrrs(0, 0xC00, 0)), "rd = x0 reads nothing");
        assertFalse(RtlDecidedCsr.is(csrrs(10, 0x300, 0)), "mstatus");
        assertFalse(RtlDecidedCsr.is(0x0000_0073), "ecall");
        assertFalse(RtlDecidedCsr.is(0x00A5_0533), "add");
        assertTrue(RtlDecidedCsr.is(csrrw(10, 0xB00, 11)), "csrrw returns the old mcycle");
        assertEquals(0, RtlDecidedCsr.bits(csrrs(10, 0x305, 0), csrs));
    }
}
