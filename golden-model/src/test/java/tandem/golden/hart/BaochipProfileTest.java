package tandem.golden.hart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.csr.Csrs;
import tandem.golden.isa.Opcode;
import tandem.golden.trap.Cause;

/** The Baochip-1x CPU profile against the facts observed on its taped-out RTL. */
class BaochipProfileTest {
    private static final int BASE = 0x6000_0000;
    private static final int HANDLER = 0x6000_0800;

    private final Ram ram = new Ram("rram", 1 << 16, true);
    private final Hart hart;

    BaochipProfileTest() {
        Bus bus = new Bus();
        bus.map(BASE & 0xFFFF_FFFFL, ram);
        hart = new Hart(Profile.BAOCHIP_1X, bus);
        hart.setPc(BASE);
    }

    private void program(int... words) {
        for (int i = 0; i < words.length; i++) {
            ram.poke(i * 4, words[i], 4);
        }
        ram.poke(HANDLER - BASE, 0x0000_006F, 4); // handler: j .
        hart.csrs().write(Csrs.MTVEC, HANDLER);
    }

    private static int csrr(int rd, int csr) {
        return Opcode.CSRRS.match() | rd << 7 | csr << 20;
    }

    private static int csrw(int csr, int rs1) {
        return Opcode.CSRRW.match() | rs1 << 15 | csr << 20;
    }

    private static int li(int rd, int imm12) {
        return Opcode.ADDI.match() | rd << 7 | (imm12 & 0xFFF) << 20;
    }

    private static int lui(int rd, int upper) {
        return Opcode.LUI.match() | rd << 7 | (upper & 0xFFFFF000);
    }

    private static int aes(Opcode op, int rd, int rs1, int rs2, int bs) {
        return op.match() | rd << 7 | rs1 << 15 | rs2 << 20 | bs << 30;
    }

    @Test
    void resetStateIsTheRtls() {
        assertEquals(false, Profile.BAOCHIP_1X.accessedDirtyFaults(), "its MmuPlugin ignores A and D");
        assertEquals(Hart.M, hart.privilege());
        assertEquals(0x6000_0000, Profile.BAOCHIP_1X.resetMtvec());
        assertEquals(0x4000_0000, hart.csrs().read(Csrs.MISA));
    }

    @Test
    void idsAndInfoCsrReadAsTheRtl() {
        program(csrr(5, Csrs.MVENDORID), csrr(6, Csrs.MARCHID), csrr(7, Csrs.MIMPID), csrr(8, Csrs.MHARTID),
                csrr(9, Csrs.BAO_INFO), csrr(10, Csrs.MISA));
        hart.run(6);
        assertEquals(1, hart.x(5));
        assertEquals(2, hart.x(6));
        assertEquals(3, hart.x(7));
        assertEquals(0, hart.x(8));
        assertEquals(0x0200_1000, hart.x(9));
        assertEquals(0x4000_0000, hart.x(10));
    }

    @Test
    void misaExtensionBitsAreWritable() {
        program(li(5, 0x105), csrw(Csrs.MISA, 5), csrr(6, Csrs.MISA));
        hart.run(3);
        assertEquals(0x4000_0105, hart.x(6));
    }

    @Test
    void writingTheInfoCsrIsIllegal() {
        program(csrw(Csrs.BAO_INFO, 5));
        hart.run(1);
        assertEquals(Cause.ILLEGAL_INSTRUCTION.xcause(), hart.csrs().read(Csrs.MCAUSE));
        assertEquals(csrw(Csrs.BAO_INFO, 5), hart.csrs().read(Csrs.MTVAL));
    }

    /** time/timeh, mcounteren, scounteren, menvcfg, mconfigptr, pmpcfg0, pmpaddr0. */
    @ParameterizedTest
    @ValueSource(ints = {0xC01, 0xC81, 0x306, 0x106, 0x30A, 0xF15, 0x3A0, 0x3B0})
    void absentCsrsTrapAsIllegal(int csr) {
        program(csrr(5, csr));
        hart.run(1);
        assertEquals(HANDLER, hart.pc());
        assertEquals(2, hart.csrs().read(Csrs.MCAUSE));
        assertEquals(csrr(5, csr), hart.csrs().read(Csrs.MTVAL));
        assertEquals(BASE, hart.csrs().read(Csrs.MEPC));
    }

    @Test
    void aesInstructionsGiveTheReferenceResults() {
        program(lui(5, 0x0123_4000), li(6, 0x567), Opcode.ADD.match() | 5 << 7 | 5 << 15 | 6 << 20,
                lui(7, 0x89AB_D000), li(6, 0xDEF - 0x1000), Opcode.ADD.match() | 7 << 7 | 7 << 15 | 6 << 20,
                aes(Opcode.AES32ESI, 10, 5, 7, 0), aes(Opcode.AES32ESI, 11, 5, 7, 3),
                aes(Opcode.AES32ESMI, 12, 5, 7, 1), aes(Opcode.AES32DSI, 13, 5, 7, 2),
                aes(Opcode.AES32DSMI, 14, 5, 7, 3));
        hart.run(11);
        assertEquals(0x0123_4567, hart.x(5));
        assertEquals(0x89AB_CDEF, hart.x(7));
        assertEquals(0x0123_45B8, hart.x(10));
        assertEquals(0xA623_4567, hart.x(11));
        assertEquals(0xBC9E_24BB, hart.x(12));
        assertEquals(0x012D_4567, hart.x(13));
        assertEquals(0xCAFF_8344, hart.x(14));
    }

    @Test
    void otherCryptoEncodingsAreIllegal() {
        // sha256sig0 (Zknh) and the custom-0 major opcode.
        program(0x1020_1013 | 5 << 7 | 6 << 15);
        hart.run(1);
        assertEquals(2, hart.csrs().read(Csrs.MCAUSE));
    }

    @Test
    void irqArrayLineReachesPendingAfterTwoCycles() {
        int nop = li(0, 0);
        program(li(5, 8), csrw(Csrs.VEX_MIRQ_MASK, 5), nop, nop, nop, nop, nop, nop);
        hart.run(2);
        hart.irqArray().setLine(3, true);
        assertEquals(0, hart.irqArray().machinePending(), "not visible in the cycle it changes");
        hart.run(1);
        assertEquals(0, hart.irqArray().machinePending(), "one register stage");
        hart.run(1);
        assertEquals(8, hart.irqArray().machinePending(), "visible after the second stage");
    }

    @Test
    void upstreamVexRiscvProfileSeesTheLineAtOnce() {
        Bus bus = new Bus();
        bus.map(BASE & 0xFFFF_FFFFL, ram);
        Hart h = new Hart(Profile.VEXRISCV, bus);
        h.csrs().write(Csrs.VEX_MIRQ_MASK, 8);
        h.irqArray().setLine(3, true);
        assertEquals(8, h.irqArray().machinePending());
    }

    @Test
    void anInstructionThatReadsAReadOnlyCsrIsLegalAndItsWriteIsDropped() {
        int csrrs = Opcode.CSRRS.match() | 6 << 7 | 5 << 15 | Csrs.BAO_INFO << 20;
        int csrrw = Opcode.CSRRW.match() | 7 << 7 | 5 << 15 | Csrs.MVENDORID << 20;
        program(li(5, 0x7FF), csrrs, csrrw);
        hart.run(3);
        assertEquals(BASE + 12, hart.pc(), "no trap: the CsrPlugin only refuses csrrw/csrrwi with rd = x0 there");
        assertEquals(0x0200_1000, hart.x(6));
        assertEquals(1, hart.x(7));
        assertEquals(0x0200_1000, hart.csrs().read(Csrs.BAO_INFO));
    }

    @Test
    void breakpointsCannotBeDelegated() {
        program(li(5, -1), csrw(Csrs.MEDELEG, 5), csrr(6, Csrs.MEDELEG));
        hart.run(3);
        assertEquals(0xB3F7, hart.x(6));
    }

    @Test
    void xtvecKeepsItsModeBitsButAnInterruptGoesToTheBaseAndLeavesMtvalAlone() {
        int enableMie = Opcode.CSRRSI.match() | 8 << 15 | Csrs.MSTATUS << 20;
        program(li(5, 8), csrw(Csrs.MIE, 5), li(0, 0), li(0, 0));
        hart.csrs().write(Csrs.MTVEC, HANDLER | 1);
        hart.csrs().write(Csrs.MTVAL, 0x1234);
        ram.poke(8, enableMie, 4);
        assertEquals(HANDLER | 1, hart.csrs().read(Csrs.MTVEC));
        hart.setMachineSoftwarePending(true);
        hart.run(4);
        assertEquals(Cause.MACHINE_SOFTWARE_INTERRUPT.xcause(), hart.csrs().read(Csrs.MCAUSE));
        assertEquals(HANDLER, hart.pc(), "no vectored mode: base, not base + 4 x 3");
        assertEquals(0x1234, hart.csrs().read(Csrs.MTVAL), "the CsrPlugin writes xtval for exceptions only");
    }
}
