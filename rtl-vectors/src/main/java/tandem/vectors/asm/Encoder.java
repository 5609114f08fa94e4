package tandem.vectors.asm;

import tandem.golden.isa.Format;
import tandem.golden.isa.Opcode;

/**
 * Builds instruction bits from an {@link Opcode} row and operand values: the row's match bits
 * plus the fields its {@link Format} places. The inverse of the golden model's decoder; tests
 * check {@code Decoder.decode(encode(...)) == op} for every row. Compressed encodings have
 * their own methods, named after their mnemonics.
 */
public final class Encoder {

    private Encoder() {
    }

    /**
     * The 32-bit encoding of {@code op}.
     *
     * @param rd  destination register (ignored by formats without one)
     * @param rs1 first source register; the 5-bit immediate for CSRI
     * @param rs2 second source register
     * @param imm the immediate as the format reads it: byte offset for B/J, the value with its
     *            low 12 bits zero for U, the CSR address for CSR/CSRI, aq/rl bits (aq=2, rl=1)
     *            for AMO/LR, fm-pred-succ for FENCE, bs for AES
     * @throws IllegalArgumentException when an operand does not fit its field
     */
    public static int encode(Opcode op, int rd, int rs1, int rs2, int imm) {
        int m = op.match();
        return switch (op.format()) {
            case R -> m | reg(rd) << 7 | reg(rs1) << 15 | reg(rs2) << 20;
            case I, LOAD -> m | reg(rd) << 7 | reg(rs1) << 15 | signed(imm, 12) << 20;
            case SHIFT -> m | reg(rd) << 7 | reg(rs1) << 15 | unsigned(imm, 5) << 20;
            case S -> m | reg(rs1) << 15 | reg(rs2) << 20 | (signed(imm, 12) & 0x1F) << 7 | (imm >> 5 & 0x7F) << 25;
            case B -> {
                even(imm);
                signed(imm, 13);
                yield m | reg(rs1) << 15 | reg(rs2) << 20 | (imm >> 11 & 1) << 7 | (imm >> 1 & 0xF) << 8
                        | (imm >> 5 & 0x3F) << 25 | (imm >> 12 & 1) << 31;
            }
            case U -> {
                if ((imm & 0xFFF) != 0) {
                    throw new IllegalArgumentException("upper immediate has low bits set: 0x" + Integer.toHexString(imm));
                }
                yield m | reg(rd) << 7 | imm;
            }
            case J -> {
                even(imm);
                signed(imm, 21);
                yield m | reg(rd) << 7 | (imm >> 12 & 0xFF) << 12 | (imm >> 11 & 1) << 20 | (imm >> 1 & 0x3FF) << 21
                        | (imm >> 20 & 1) << 31;
            }
            case CSR -> m | reg(rd) << 7 | reg(rs1) << 15 | unsigned(imm, 12) << 20;
            case CSRI -> m | reg(rd) << 7 | unsigned(rs1, 5) << 15 | unsigned(imm, 12) << 20;
            case AMO -> m | reg(rd) << 7 | reg(rs1) << 15 | reg(rs2) << 20 | unsigned(imm, 2) << 25;
            case LR -> m | reg(rd) << 7 | reg(rs1) << 15 | unsigned(imm, 2) << 25;
            case FENCE -> m | unsigned(imm, 12) << 20;
            case SFENCE -> m | reg(rs1) << 15 | reg(rs2) << 20;
            case AES -> m | reg(rd) << 7 | reg(rs1) << 15 | reg(rs2) << 20 | unsigned(imm, 2) << 30;
            case NONE -> m;
        };
    }

    // ---- RV32C, quadrant by quadrant -------------------------------------------------------

    /** c.addi4spn rd', sp, nzuimm (multiple of 4, 4..1020). */
    public static int cAddi4spn(int rdp, int imm) {
        if (imm == 0 || (imm & 3) != 0 || imm > 1020 || imm < 0) {
            throw new IllegalArgumentException("c.addi4spn immediate out of range: " + imm);
        }
        return (imm >> 4 & 3) << 11 | (imm >> 6 & 0xF) << 7 | (imm >> 2 & 1) << 6 | (imm >> 3 & 1) << 5
                | prime(rdp) << 2;
    }

    /** c.lw rd', offset(rs1'). */
    public static int cLw(int rdp, int offset, int rs1p) {
        return 0x4000 | clwOffset(offset) | prime(rs1p) << 7 | prime(rdp) << 2;
    }

    /** c.sw rs2', offset(rs1'). */
    public static int cSw(int rs2p, int offset, int rs1p) {
        return 0xC000 | clwOffset(offset) | prime(rs1p) << 7 | prime(rs2p) << 2;
    }

    /** c.addi rd, nzimm (c.nop when rd = 0 and imm = 0). */
    public static int cAddi(int rd, int imm) {
        return 0x0001 | ci(rd, imm);
    }

    /** c.jal offset (RV32 only). */
    public static int cJal(int offset) {
        return 0x2001 | cj(offset);
    }

    /** c.li rd, imm. */
    public static int cLi(int rd, int imm) {
        return 0x4001 | ci(rd, imm);
    }

    /** c.lui rd, nzimm where {@code imm} is the upper-immediate field value (1..31 or 0xfffe0..0xfffff). */
    public static int cLui(int rd, int imm) {
        int v = imm >= 0xFFFE0 ? imm - 0x100000 : imm;
        if (v == 0 || rd == 0 || rd == 2) {
            throw new IllegalArgumentException("c.lui needs rd not x0/x2 and a non-zero immediate");
        }
        return 0x6001 | ci(rd, v);
    }

    /** c.addi16sp sp, nzimm (multiple of 16). */
    public static int cAddi16sp(int imm) {
        if (imm == 0 || (imm & 15) != 0) {
            throw new IllegalArgumentException("c.addi16sp immediate must be a non-zero multiple of 16: " + imm);
        }
        signed(imm, 10);
        return 0x6101 | (imm >> 9 & 1) << 12 | (imm >> 4 & 1) << 6 | (imm >> 6 & 1) << 5 | (imm >> 7 & 3) << 3
                | (imm >> 5 & 1) << 2;
    }

    /** c.srli rd', shamt. */
    public static int cSrli(int rdp, int shamt) {
        return 0x8001 | unsigned(shamt, 5) << 2 | prime(rdp) << 7;
    }

    /** c.srai rd', shamt. */
    public static int cSrai(int rdp, int shamt) {
        return 0x8401 | unsigned(shamt, 5) << 2 | prime(rdp) << 7;
    }

    /** c.andi rd', imm. */
    public static int cAndi(int rdp, int imm) {
        return 0x8801 | (ci(0, imm) & ~0xF80) | prime(rdp) << 7;
    }

    /** c.sub, c.xor, c.or, c.and rd', rs2' ({@code op} 0..3 in that order). */
    public static int cArith(int op, int rdp, int rs2p) {
        return 0x8C01 | (op & 3) << 5 | prime(rdp) << 7 | prime(rs2p) << 2;
    }

    /** c.j offset. */
    public static int cJ(int offset) {
        return 0xA001 | cj(offset);
    }

    /** c.beqz rs1', offset. */
    public static int cBeqz(int rs1p, int offset) {
        return 0xC001 | cb(offset) | prime(rs1p) << 7;
    }

    /** c.bnez rs1', offset. */
    public static int cBnez(int rs1p, int offset) {
        return 0xE001 | cb(offset) | prime(rs1p) << 7;
    }

    /** c.slli rd, shamt. */
    public static int cSlli(int rd, int shamt) {
        return 0x0002 | reg(rd) << 7 | unsigned(shamt, 5) << 2;
    }

    /** c.lwsp rd, offset(sp). */
    public static int cLwsp(int rd, int offset) {
        if ((offset & 3) != 0 || offset < 0 || offset > 252 || rd == 0) {
            throw new IllegalArgumentException("c.lwsp needs rd != x0 and a word offset 0..252: " + offset);
        }
        return 0x4002 | reg(rd) << 7 | (offset >> 5 & 1) << 12 | (offset >> 2 & 7) << 4 | (offset >> 6 & 3) << 2;
    }

    /** c.swsp rs2, offset(sp). */
    public static int cSwsp(int rs2, int offset) {
        if ((offset & 3) != 0 || offset < 0 || offset > 252) {
            throw new IllegalArgumentException("c.swsp needs a word offset 0..252: " + offset);
        }
        return 0xC002 | reg(rs2) << 2 | (offset >> 2 & 0xF) << 9 | (offset >> 6 & 3) << 7;
    }

    /** c.jr rs1. */
    public static int cJr(int rs1) {
        return 0x8002 | nonZero(rs1) << 7;
    }

    /** c.mv rd, rs2. */
    public static int cMv(int rd, int rs2) {
        return 0x8002 | reg(rd) << 7 | nonZero(rs2) << 2;
    }

    /** c.ebreak. */
    public static int cEbreak() {
        return 0x9002;
    }

    /** c.jalr rs1. */
    public static int cJalr(int rs1) {
        return 0x9002 | nonZero(rs1) << 7;
    }

    /** c.add rd, rs2. */
    public static int cAdd(int rd, int rs2) {
        return 0x9002 | reg(rd) << 7 | nonZero(rs2) << 2;
    }

    private static int ci(int rd, int imm) {
        signed(imm, 6);
        return (imm >> 5 & 1) << 12 | reg(rd) << 7 | (imm & 0x1F) << 2;
    }

    private static int clwOffset(int offset) {
        if ((offset & 3) != 0 || offset < 0 || offset > 124) {
            throw new IllegalArgumentException("c.lw/c.sw offset must be a multiple of 4 in 0..124: " + offset);
        }
        return (offset >> 3 & 7) << 10 | (offset >> 2 & 1) << 6 | (offset >> 6 & 1) << 5;
    }

    private static int cj(int off) {
        even(off);
        signed(off, 12);
        return (off >> 11 & 1) << 12 | (off >> 4 & 1) << 11 | (off >> 8 & 3) << 9 | (off >> 10 & 1) << 8
                | (off >> 6 & 1) << 7 | (off >> 7 & 1) << 6 | (off >> 1 & 7) << 3 | (off >> 5 & 1) << 2;
    }

    private static int cb(int off) {
        even(off);
        signed(off, 9);
        return (off >> 8 & 1) << 12 | (off >> 3 & 3) << 10 | (off >> 6 & 3) << 5 | (off >> 1 & 3) << 3
                | (off >> 5 & 1) << 2;
    }

    private static int prime(int r) {
        if (r < 8 || r > 15) {
            throw new IllegalArgumentException("compressed form needs one of x8..x15, got x" + r);
        }
        return r - 8;
    }

    private static int nonZero(int r) {
        if (r == 0) {
            throw new IllegalArgumentException("register must not be x0 here");
        }
        return reg(r);
    }

    private static int reg(int r) {
        if (r < 0 || r > 31) {
            throw new IllegalArgumentException("no register x" + r);
        }
        return r;
    }

    private static void even(int offset) {
        if ((offset & 1) != 0) {
            throw new IllegalArgumentException("offset must be even: " + offset);
        }
    }

    private static int signed(int v, int bits) {
        int min = -(1 << (bits - 1));
        int max = (1 << (bits - 1)) - 1;
        if (v < min || v > max) {
            throw new IllegalArgumentException("immediate " + v + " does not fit " + bits + " signed bits");
        }
        return v & ((1 << bits) - 1);
    }

    private static int unsigned(int v, int bits) {
        if (v < 0 || v >= 1 << bits) {
            throw new IllegalArgumentException("immediate " + v + " does not fit " + bits + " unsigned bits");
        }
        return v;
    }
}
