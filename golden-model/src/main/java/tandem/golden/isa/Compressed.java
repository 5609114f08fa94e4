package tandem.golden.isa;

/**
 * RV32C: expands each 16-bit compressed instruction to its 32-bit twin, as VexRiscv's
 * decompressor does, so one set of semantics executes both. Encodings of extensions RV32
 * lacks (F, D, RV64-only) expand to {@link #ILLEGAL}. VexRiscv: of the reserved encodings
 * only 0x0000 is illegal; C.ADDI4SPN, C.ADDI16SP and C.LUI with a zero immediate and C.JR x0
 * run as their expansion (addi rd', sp, 0; addi sp, sp, 0; lui rd, 0; jalr x0, 0(x0)), and
 * C.LWSP x0 loads into x0.
 */
public final class Compressed {
    /** Result of expanding an illegal or reserved compressed encoding. */
    public static final int ILLEGAL = 0;

    private static final int OP_IMM = 0x13;
    private static final int OP = 0x33;
    private static final int LOAD = 0x03;
    private static final int STORE = 0x23;
    private static final int LUI = 0x37;
    private static final int JAL = 0x6F;
    private static final int JALR = 0x67;
    private static final int BRANCH = 0x63;

    private Compressed() {
    }

    /** The 32-bit instruction {@code c} stands for, or {@link #ILLEGAL}. */
    public static int expand(int c) {
        c &= 0xFFFF;
        int funct3 = c >>> 13;
        switch (c & 3) {
            case 0: return quadrant0(c, funct3);
            case 1: return quadrant1(c, funct3);
            case 2: return quadrant2(c, funct3);
            default: return ILLEGAL;
        }
    }

    /**
     * Whether the spec reserves {@code c} although VexRiscv runs it: C.ADDI4SPN, C.ADDI16SP and
     * C.LUI with a zero immediate, C.LWSP x0, C.JR x0. Tools print these as data, as objdump does.
     */
    public static boolean reserved(int c) {
        c &= 0xFFFF;
        int funct3 = c >>> 13;
        int rd = (c >>> 7) & 0x1F;
        boolean imm6Zero = (c & 0x107C) == 0;
        switch (c & 3) {
            case 0:
                return funct3 == 0 && c != 0 && (c & 0x1FE0) == 0;
            case 1:
                return funct3 == 3 && imm6Zero;
            case 2:
                return (funct3 == 2 && rd == 0) || (funct3 == 4 && c == 0x8002);
            default:
                return false;
        }
    }

    private static int quadrant0(int c, int funct3) {
        int rdp = 8 + ((c >>> 2) & 7);
        int rs1p = 8 + ((c >>> 7) & 7);
        int lwImm = ((c >>> 4) & 0x4) | ((c >>> 7) & 0x38) | ((c << 1) & 0x40);
        switch (funct3) {
            case 0: { // C.ADDI4SPN
                int imm = ((c >>> 4) & 0x4) | ((c >>> 2) & 0x8) | ((c >>> 7) & 0x30) | ((c >>> 1) & 0x3C0);
                return c == 0 ? ILLEGAL : i(OP_IMM, 0, rdp, 2, imm);
            }
            case 2: return i(LOAD, 2, rdp, rs1p, lwImm);                  // C.LW
            case 6: return s(STORE, 2, rs1p, rdp, lwImm);                 // C.SW
            default: return ILLEGAL;                                     // C.FLD/FLW/FSD/FSW, reserved
        }
    }

    private static int quadrant1(int c, int funct3) {
        int rd = (c >>> 7) & 0x1F;
        int imm6 = signExtend(((c >>> 7) & 0x20) | ((c >>> 2) & 0x1F), 6);
        switch (funct3) {
            case 0: return i(OP_IMM, 0, rd, rd, imm6);                   // C.NOP / C.ADDI
            case 1: return j(1, cjOffset(c));                           // C.JAL
            case 2: return i(OP_IMM, 0, rd, 0, imm6);                    // C.LI
            case 3:
                if (rd == 2) {                                          // C.ADDI16SP
                    int imm = ((c >>> 3) & 0x200) | ((c >>> 2) & 0x10) | ((c << 1) & 0x40)
                            | ((c << 4) & 0x180) | ((c << 3) & 0x20);
                    return i(OP_IMM, 0, 2, 2, signExtend(imm, 10));
                }
                return (imm6 << 12) | (rd << 7) | LUI;                       // C.LUI
            case 4: return arith(c);
            case 5: return j(0, cjOffset(c));                           // C.J
            case 6: return b(0, 8 + ((c >>> 7) & 7), 0, cbOffset(c));   // C.BEQZ
            default: return b(1, 8 + ((c >>> 7) & 7), 0, cbOffset(c)); // C.BNEZ
        }
    }

    private static int arith(int c) {
        int rdp = 8 + ((c >>> 7) & 7);
        int rs2p = 8 + ((c >>> 2) & 7);
        int shamt = ((c >>> 7) & 0x20) | ((c >>> 2) & 0x1F);
        switch ((c >>> 10) & 3) {
            case 0: return shamt >= 32 ? ILLEGAL : r(OP_IMM, 5, 0, rdp, rdp, shamt);        // C.SRLI
            case 1: return shamt >= 32 ? ILLEGAL : r(OP_IMM, 5, 0x20, rdp, rdp, shamt);     // C.SRAI
            case 2: return i(OP_IMM, 7, rdp, rdp, signExtend(shamt, 6));                   // C.ANDI
            default:
                if ((c & 0x1000) != 0) {
                    return ILLEGAL;                                     // C.SUBW/ADDW: RV64 only
                }
                switch ((c >>> 5) & 3) {
                    case 0: return r(OP, 0, 0x20, rdp, rdp, rs2p);      // C.SUB
                    case 1: return r(OP, 4, 0, rdp, rdp, rs2p);         // C.XOR
                    case 2: return r(OP, 6, 0, rdp, rdp, rs2p);         // C.OR
                    default: return r(OP, 7, 0, rdp, rdp, rs2p);        // C.AND
                }
        }
    }

    private static int quadrant2(int c, int funct3) {
        int rd = (c >>> 7) & 0x1F;
        int rs2 = (c >>> 2) & 0x1F;
        switch (funct3) {
            case 0: {                                                   // C.SLLI
                int shamt = ((c >>> 7) & 0x20) | rs2;
                return shamt >= 32 ? ILLEGAL : r(OP_IMM, 1, 0, rd, rd, shamt);
            }
            case 2: {                                                   // C.LWSP
                int imm = ((c >>> 7) & 0x20) | ((c >>> 2) & 0x1C) | ((c << 4) & 0xC0);
                return i(LOAD, 2, rd, 2, imm);
            }
            case 4:
                if ((c & 0x1000) == 0) {
                    if (rs2 == 0) {                                     // C.JR
                        return i(JALR, 0, 0, rd, 0);
                    }
                    return r(OP, 0, 0, rd, 0, rs2);                     // C.MV
                }
                if (rs2 == 0) {
                    return rd == 0 ? 0x00100073 : i(JALR, 0, 1, rd, 0); // C.EBREAK / C.JALR
                }
                return r(OP, 0, 0, rd, rd, rs2);                        // C.ADD
            case 6: {                                                   // C.SWSP
                int imm = ((c >>> 7) & 0x3C) | ((c >>> 1) & 0xC0);
                return s(STORE, 2, 2, rs2, imm);
            }
            default: return ILLEGAL;                                   // C.FLDSP/FLWSP/FSDSP/FSWSP
        }
    }

    private static int cjOffset(int c) {
        int imm = ((c >>> 1) & 0x800) | ((c >>> 7) & 0x10) | ((c >>> 1) & 0x300) | ((c << 2) & 0x400)
                | ((c >>> 1) & 0x40) | ((c << 1) & 0x80) | ((c >>> 2) & 0xE) | ((c << 3) & 0x20);
        return signExtend(imm, 12);
    }

    private static int cbOffset(int c) {
        int imm = ((c >>> 4) & 0x100) | ((c >>> 7) & 0x18) | ((c << 1) & 0xC0)
                | ((c >>> 2) & 0x6) | ((c << 3) & 0x20);
        return signExtend(imm, 9);
    }

    private static int signExtend(int value, int bits) {
        int shift = 32 - bits;
        return (value << shift) >> shift;
    }

    private static int i(int opcode, int funct3, int rd, int rs1, int imm) {
        return (imm << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    private static int r(int opcode, int funct3, int funct7, int rd, int rs1, int rs2) {
        return (funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    private static int s(int opcode, int funct3, int rs1, int rs2, int imm) {
        return ((imm >> 5) << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | ((imm & 0x1F) << 7) | opcode;
    }

    private static int b(int funct3, int rs1, int rs2, int imm) {
        return (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15)
                | (funct3 << 12) | (((imm >> 1) & 0xF) << 8) | (((imm >> 11) & 1) << 7) | BRANCH;
    }

    private static int j(int rd, int imm) {
        return (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3FF) << 21) | (((imm >> 11) & 1) << 20)
                | (((imm >> 12) & 0xFF) << 12) | (rd << 7) | JAL;
    }
}
