package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decoder keeps PicoRV32's raw register fields, which the BIO's errata act on. */
class BioInsnTest {

    private static int decode(int word) {
        return BioInsn.decode(word, new int[2]);
    }

    @Test
    void luiKeepsBits19To15AsAPhantomRs1() {
        int d = decode(0x00080537); // lui a0, 0x80
        assertEquals(BioInsn.LUI, BioInsn.op(d));
        assertEquals(16, BioInsn.rs1(d));
        assertEquals(0, d & BioInsn.RS1_REAL);
    }

    @Test
    void immediateLowBitsSitInTheRs2Field() {
        int d = decode(0x01458593); // addi a1, a1, 20
        assertEquals(BioInsn.ADDI, BioInsn.op(d));
        assertEquals(20, BioInsn.rs2(d));
        assertEquals(0, d & BioInsn.RS2_REAL);
        assertEquals(0, d & BioInsn.READS_RS2_PORT, "I-type: ren2 is off, so no FIFO pops through rs2");
    }

    @Test
    void compressedShiftPutsItsAmountInRs2() {
        int d = decode(0x05d2); // c.slli a1, 20
        assertEquals(BioInsn.SLLI, BioInsn.op(d));
        assertEquals(20, BioInsn.rs2(d));
        assertTrue((d & BioInsn.COMPRESSED) != 0);
    }

    @Test
    void compressedMoveReadsItsSourceThroughRs2() {
        int d = decode(0x88fe); // c.mv a7, t6 (mv x17, x31)
        assertEquals(BioInsn.ADD, BioInsn.op(d));
        assertEquals(17, BioInsn.rd(d));
        assertEquals(0, BioInsn.rs1(d));
        assertEquals(31, BioInsn.rs2(d));
    }

    @Test
    void multiplyIsPcpiAndDivideIsIllegal() {
        assertEquals(BioInsn.MUL, BioInsn.op(decode(0x02c58533))); // mul a0, a1, a2
        assertEquals(BioInsn.ILLEGAL, BioInsn.op(decode(0x02c5c533))); // div a0, a1, a2
        assertEquals(BioInsn.ECALL_EBREAK, BioInsn.op(decode(0x9002))); // c.ebreak
        assertEquals(BioInsn.ILLEGAL, BioInsn.op(decode(0xc0002573))); // rdcycle: counters are off
    }

    @Test
    void immediatesFollowTheirFormats() {
        int[] imm = new int[2];
        BioInsn.decode(0xfec59ee3, imm); // bne a1, a2, -4
        assertEquals(-4, imm[0]);
        BioInsn.decode(0xb7f5, imm); // c.j -20
        assertEquals(-20, imm[0]);
        BioInsn.decode(0x7d000613, imm); // li a2, 2000
        assertEquals(2000, imm[0]);
    }
}
