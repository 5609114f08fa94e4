package tandem.golden.bio;

/**
 * Decodes one BIO instruction word the way the BIO's PicoRV32 decoder does (RV32I + Zmmul + C,
 * {@code ENABLE_REGS_16_31}, {@code CATCH_ILLINSN}, counters and IRQs off), into one packed
 * {@code int} plus an immediate.
 *
 * <p>What matters for timing is not only the operation but the register fields the hardware
 * latches: PicoRV32 copies bits [19:15] and [24:20] into {@code decoded_rs1/rs2} for every
 * 32-bit format, and the BIO's register file acts on those fields whether or not the format has
 * such an operand. That is where both silicon errata come from, so the raw fields are kept here
 * together with which of them the instruction really uses.
 *
 * <p>Compressed instructions decode as their 32-bit twin with the fields PicoRV32 gives them:
 * unused fields are 0, except C.SLLI/C.SRLI/C.SRAI whose shift amount sits in the rs2 field.
 */
final class BioInsn {

    // Operations (the instr_* decode signals that exist in this configuration).
    static final int ILLEGAL = 0, ECALL_EBREAK = 1,
            LUI = 2, AUIPC = 3, JAL = 4, JALR = 5,
            BEQ = 6, BNE = 7, BLT = 8, BGE = 9, BLTU = 10, BGEU = 11,
            LB = 12, LH = 13, LW = 14, LBU = 15, LHU = 16,
            SB = 17, SH = 18, SW = 19,
            ADDI = 20, SLTI = 21, SLTIU = 22, XORI = 23, ORI = 24, ANDI = 25,
            SLLI = 26, SRLI = 27, SRAI = 28,
            ADD = 29, SUB = 30, SLL = 31, SLT = 32, SLTU = 33, XOR = 34, SRL = 35, SRA = 36,
            OR = 37, AND = 38, FENCE = 39,
            MUL = 40, MULH = 41, MULHSU = 42, MULHU = 43;

    // Packed layout of the decode word.
    static final int OP_MASK = 0x3F;
    static final int RD_SHIFT = 6, RS1_SHIFT = 11, RS2_SHIFT = 16;
    /** A 16-bit instruction. */
    static final int COMPRESSED = 1 << 21;
    /** PicoRV32's ren2 predicate holds: the format is not shift-immediate, I-type ALU/jalr, U/J or load. */
    static final int READS_RS2_PORT = 1 << 22;
    /** The format really has an rs1 operand (false for U/J types). */
    static final int RS1_REAL = 1 << 23;
    /** The format really has an rs2 operand (R, S, B types). */
    static final int RS2_REAL = 1 << 24;
    /** The load category flag ({@code is_lb_lh_lw_lbu_lhu}) is set, even for an illegal funct3. */
    static final int LOAD_CATEGORY = 1 << 25;
    /** The store category flag ({@code is_sb_sh_sw}) is set. */
    static final int STORE_CATEGORY = 1 << 26;
    /** The branch category flag is set. */
    static final int BRANCH_CATEGORY = 1 << 27;
    /** lui, auipc or jal ({@code is_lui_auipc_jal}). */
    static final int UJ_CATEGORY = 1 << 28;
    /** Shift-immediate or I-type ALU or jalr: ld_rs1 loads the immediate (or shamt) into op2. */
    static final int IMM_CATEGORY = 1 << 29;

    private BioInsn() {
    }

    static int op(int d) {
        return d & OP_MASK;
    }

    static int rd(int d) {
        return (d >>> RD_SHIFT) & 31;
    }

    static int rs1(int d) {
        return (d >>> RS1_SHIFT) & 31;
    }

    static int rs2(int d) {
        return (d >>> RS2_SHIFT) & 31;
    }

    /** True when the operation is handled by the PCPI path in ld_rs1 (illegal, ecall/ebreak, mul). */
    static boolean isPcpi(int op) {
        return op == ILLEGAL || op == ECALL_EBREAK || op >= MUL;
    }

    /**
     * Decodes {@code word} (a 32-bit instruction, or a 16-bit one in the low half).
     *
     * @param imm receives {@code decoded_imm} in [0] and {@code decoded_imm_j} in [1]
     * @return the packed decode word
     */
    static int decode(int word, int[] imm) {
        if ((word & 3) != 3) {
            return decodeCompressed(word & 0xFFFF, imm);
        }
        int opcode = word & 0x7F;
        int f3 = (word >>> 12) & 7;
        int f7 = word >>> 25;
        int rd = (word >>> 7) & 31;
        int rs1 = (word >>> 15) & 31;
        int rs2 = (word >>> 20) & 31;
        int iImm = word >> 20;
        int jImm = ((word >> 31) << 20) | (word & 0xFF000) | ((word >>> 9) & 0x800) | ((word >>> 20) & 0x7FE);
        imm[1] = jImm;
        imm[0] = 0;
        int op = ILLEGAL;
        int flags = READS_RS2_PORT | RS1_REAL;
        switch (opcode) {
            case 0x37: op = LUI; imm[0] = word & 0xFFFFF000; flags = UJ_CATEGORY; break;
            case 0x17: op = AUIPC; imm[0] = word & 0xFFFFF000; flags = UJ_CATEGORY; break;
            case 0x6F: op = JAL; imm[0] = jImm; flags = UJ_CATEGORY; break;
            case 0x67:
                if (f3 == 0) {
                    op = JALR;
                    imm[0] = iImm;
                    flags = IMM_CATEGORY | RS1_REAL;
                }
                break;
            case 0x63: {
                final int[] ops = {BEQ, BNE, ILLEGAL, ILLEGAL, BLT, BGE, BLTU, BGEU};
                op = ops[f3];
                imm[0] = ((word >> 31) << 12) | ((word << 4) & 0x800) | ((word >>> 20) & 0x7E0) | ((word >>> 7) & 0x1E);
                flags |= BRANCH_CATEGORY | RS2_REAL;
                break;
            }
            case 0x03: {
                final int[] ops = {LB, LH, LW, ILLEGAL, LBU, LHU, ILLEGAL, ILLEGAL};
                op = ops[f3];
                imm[0] = iImm;
                flags = LOAD_CATEGORY | RS1_REAL;
                break;
            }
            case 0x23: {
                final int[] ops = {SB, SH, SW, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL};
                op = ops[f3];
                imm[0] = ((word >> 25) << 5) | ((word >>> 7) & 31);
                flags |= STORE_CATEGORY | RS2_REAL;
                break;
            }
            case 0x13:
                imm[0] = iImm;
                switch (f3) {
                    case 0: op = ADDI; flags = IMM_CATEGORY | RS1_REAL; break;
                    case 2: op = SLTI; flags = IMM_CATEGORY | RS1_REAL; break;
                    case 3: op = SLTIU; flags = IMM_CATEGORY | RS1_REAL; break;
                    case 4: op = XORI; flags = IMM_CATEGORY | RS1_REAL; break;
                    case 6: op = ORI; flags = IMM_CATEGORY | RS1_REAL; break;
                    case 7: op = ANDI; flags = IMM_CATEGORY | RS1_REAL; break;
                    case 1:
                        if (f7 == 0) {
                            op = SLLI;
                            flags = IMM_CATEGORY | RS1_REAL;
                        }
                        break;
                    default:
                        if (f7 == 0) {
                            op = SRLI;
                            flags = IMM_CATEGORY | RS1_REAL;
                        } else if (f7 == 0x20) {
                            op = SRAI;
                            flags = IMM_CATEGORY | RS1_REAL;
                        }
                        break;
                }
                break;
            case 0x33:
                flags |= RS2_REAL;
                if (f7 == 0) {
                    final int[] ops = {ADD, SLL, SLT, SLTU, XOR, SRL, OR, AND};
                    op = ops[f3];
                } else if (f7 == 0x20) {
                    op = f3 == 0 ? SUB : f3 == 5 ? SRA : ILLEGAL;
                } else if (f7 == 1 && f3 < 4) {
                    op = MUL + f3;
                }
                break;
            case 0x0F:
                if (f3 == 0) {
                    op = FENCE;
                }
                break;
            case 0x73:
                if ((word >>> 21) == 0 && ((word >>> 7) & 0x1FFF) == 0) {
                    op = ECALL_EBREAK;
                }
                break;
            default:
                break;
        }
        return op | rd << RD_SHIFT | rs1 << RS1_SHIFT | rs2 << RS2_SHIFT | flags;
    }

    private static int bit(int w, int i) {
        return (w >>> i) & 1;
    }

    private static int bits(int w, int hi, int lo) {
        return (w >>> lo) & ((1 << (hi - lo + 1)) - 1);
    }

    private static int sext(int v, int width) {
        return (v << (32 - width)) >> (32 - width);
    }

    private static int decodeCompressed(int w, int[] imm) {
        int op = ILLEGAL;
        int rd = 0;
        int rs1 = 0;
        int rs2 = 0;
        int flags = COMPRESSED | READS_RS2_PORT | RS1_REAL;
        int ci = sext(bit(w, 12) << 5 | bits(w, 6, 2), 6);
        imm[1] = sext(bit(w, 12) << 11 | bit(w, 8) << 10 | bits(w, 10, 9) << 8 | bit(w, 6) << 7
                | bit(w, 7) << 6 | bit(w, 2) << 5 | bit(w, 11) << 4 | bits(w, 5, 3) << 1, 12);
        imm[0] = 0;
        int rdp = 8 + bits(w, 4, 2);
        int rs1p = 8 + bits(w, 9, 7);
        int r117 = bits(w, 11, 7);
        int r62 = bits(w, 6, 2);
        int f3 = bits(w, 15, 13);
        switch (w & 3) {
            case 0:
                if (f3 == 0) {
                    int nzuimm = bits(w, 10, 7) << 6 | bits(w, 12, 11) << 4 | bit(w, 5) << 3 | bit(w, 6) << 2;
                    rs1 = 2;
                    rd = rdp;
                    if (bits(w, 12, 5) != 0) {
                        op = ADDI;
                        imm[0] = nzuimm;
                        flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                    }
                } else if (f3 == 2) {
                    op = LW;
                    rs1 = rs1p;
                    rd = rdp;
                    imm[0] = bit(w, 5) << 6 | bits(w, 12, 10) << 3 | bit(w, 6) << 2;
                    flags = COMPRESSED | LOAD_CATEGORY | RS1_REAL;
                } else if (f3 == 6) {
                    op = SW;
                    rs1 = rs1p;
                    rs2 = rdp;
                    imm[0] = bit(w, 5) << 6 | bits(w, 12, 10) << 3 | bit(w, 6) << 2;
                    flags |= STORE_CATEGORY | RS2_REAL;
                }
                break;
            case 1:
                switch (f3) {
                    case 0:
                        op = ADDI;
                        rd = r117;
                        rs1 = r117;
                        imm[0] = ci;
                        flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                        break;
                    case 1:
                        op = JAL;
                        rd = 1;
                        imm[0] = imm[1];
                        flags = COMPRESSED | UJ_CATEGORY;
                        break;
                    case 2:
                        op = ADDI;
                        rd = r117;
                        imm[0] = ci;
                        flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                        break;
                    case 3:
                        if (bit(w, 12) != 0 || r62 != 0) {
                            if (r117 == 2) {
                                op = ADDI;
                                rd = 2;
                                rs1 = 2;
                                imm[0] = sext(bit(w, 12) << 9 | bits(w, 4, 3) << 7 | bit(w, 5) << 6
                                        | bit(w, 2) << 5 | bit(w, 6) << 4, 10);
                                flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                            } else {
                                op = LUI;
                                rd = r117;
                                imm[0] = ci << 12;
                                flags = COMPRESSED | UJ_CATEGORY;
                            }
                        }
                        break;
                    case 4:
                        if (bit(w, 11) == 0 && bit(w, 12) == 0) {
                            op = bit(w, 10) == 0 ? SRLI : SRAI;
                            rd = rs1p;
                            rs1 = rs1p;
                            rs2 = r62;
                            imm[0] = ci;
                            flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                        }
                        if (bits(w, 11, 10) == 2) {
                            op = ANDI;
                            rd = rs1p;
                            rs1 = rs1p;
                            imm[0] = ci;
                            flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                        }
                        if (bits(w, 12, 10) == 3) {
                            final int[] ops = {SUB, XOR, OR, AND};
                            op = ops[bits(w, 6, 5)];
                            rd = rs1p;
                            rs1 = rs1p;
                            rs2 = rdp;
                            flags |= RS2_REAL;
                        }
                        break;
                    case 5:
                        op = JAL;
                        imm[0] = imm[1];
                        flags = COMPRESSED | UJ_CATEGORY;
                        break;
                    default:
                        op = f3 == 6 ? BEQ : BNE;
                        rs1 = rs1p;
                        imm[0] = sext(bit(w, 12) << 8 | bits(w, 6, 5) << 6 | bit(w, 2) << 5
                                | bits(w, 11, 10) << 3 | bits(w, 4, 3) << 1, 9);
                        flags |= BRANCH_CATEGORY | RS2_REAL;
                        break;
                }
                break;
            case 2:
                if (f3 == 0) {
                    if (bit(w, 12) == 0) {
                        op = SLLI;
                        rd = r117;
                        rs1 = r117;
                        rs2 = r62;
                        imm[0] = ci;
                        flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                    }
                } else if (f3 == 2) {
                    if (r117 != 0) {
                        op = LW;
                        rd = r117;
                        rs1 = 2;
                        imm[0] = bits(w, 3, 2) << 6 | bit(w, 12) << 5 | bits(w, 6, 4) << 2;
                        flags = COMPRESSED | LOAD_CATEGORY | RS1_REAL;
                    }
                } else if (f3 == 4) {
                    boolean b12 = bit(w, 12) != 0;
                    if (!b12 && r117 != 0 && r62 == 0) {
                        op = JALR;
                        rs1 = r117;
                        flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                    } else if (!b12 && r62 != 0) {
                        op = ADD;
                        rd = r117;
                        rs2 = r62;
                        flags |= RS2_REAL;
                    } else if (b12 && r117 != 0 && r62 == 0) {
                        op = JALR;
                        rd = 1;
                        rs1 = r117;
                        flags = COMPRESSED | IMM_CATEGORY | RS1_REAL;
                    } else if (b12 && r62 != 0) {
                        op = ADD;
                        rd = r117;
                        rs1 = r117;
                        rs2 = r62;
                        flags |= RS2_REAL;
                    } else if (w == 0x9002) {
                        op = ECALL_EBREAK;
                    }
                } else if (f3 == 6) {
                    op = SW;
                    rs1 = 2;
                    rs2 = r62;
                    imm[0] = bits(w, 8, 7) << 6 | bits(w, 12, 9) << 2;
                    flags |= STORE_CATEGORY | RS2_REAL;
                }
                break;
            default:
                break;
        }
        return op | rd << RD_SHIFT | rs1 << RS1_SHIFT | rs2 << RS2_SHIFT | flags;
    }
}
