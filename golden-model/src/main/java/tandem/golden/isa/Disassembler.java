package tandem.golden.isa;

import java.util.EnumSet;

/**
 * Turns instruction bits into assembly text spelled as GNU objdump 2.40 prints it with
 * {@code objdump -d} (aliases on): ABI register names, pseudo-instructions ({@code li},
 * {@code mv}, {@code nop}, {@code ret}, {@code j}, {@code jr}, {@code beqz}, {@code csrr},
 * {@code csrw}, {@code rdcycle}, {@code not}, {@code neg}, {@code seqz}, {@code snez}, ...), the
 * immediate forms under their register-form names ({@code addi a0,a1,1} prints as
 * {@code add a0,a1,1}, {@code csrrwi} as {@code csrrw}), CSR names, and branch and jump targets
 * as absolute hex addresses. Compressed instructions print as their 32-bit twins do, except that
 * {@code c.mv} prints as {@code mv}. One space separates mnemonic and operands where objdump
 * puts a tab; objdump's {@code <symbol>} and {@code # address} annotations are not produced.
 *
 * <p>Built on the {@link Opcode} table and {@link Compressed} expansion; there is no second
 * decoder. Encodings the table does not know print as {@code .4byte 0x...} or
 * {@code .2byte 0x...} (hex without leading zeros), as objdump prints them; so does VexRiscv's
 * cache-flush instruction, which objdump does not know.
 */
public final class Disassembler {

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };

    private static final Decoder DECODER = new Decoder(EnumSet.allOf(Extension.class));
    private static final String[] CSR_NAMES = csrNames();

    private Disassembler() {
    }

    /** ABI name of register {@code x<i>}, as objdump spells it ({@code s0}, not {@code fp}). */
    public static String register(int i) {
        return ABI[i & 31];
    }

    /** Name of CSR {@code address} as objdump prints it, or {@code null} when it has none. */
    public static String csrName(int address) {
        return CSR_NAMES[address & 0xFFF];
    }

    /**
     * Disassembles one instruction.
     *
     * @param insn the instruction: 16 bits (upper half ignored) when its low two bits are not
     *             {@code 11}, otherwise 32 bits
     * @param pc   its address, for branch and jump targets
     */
    public static String disassemble(int insn, int pc) {
        if ((insn & 3) != 3) {
            int c = insn & 0xFFFF;
            if (c == 0) {
                return "unimp";
            }
            String hint = compressedHint(c);
            if (hint != null) {
                return hint;
            }
            int expanded = Compressed.expand(c);
            if (expanded == Compressed.ILLEGAL || Compressed.reserved(c)) {
                return ".2byte 0x" + Integer.toHexString(c);
            }
            Opcode op = DECODER.decode(expanded);
            if (op == Opcode.ADD && rs1(expanded) == 0) {
                return "mv " + ABI[rd(expanded)] + "," + ABI[rs2(expanded)];
            }
            return format(op, expanded, pc);
        }
        if (insn == 0xC0001073) {
            return "unimp";
        }
        Opcode op = DECODER.decode(insn);
        if (op == null || op == Opcode.VEX_DCACHE_FLUSH || !canonical(op, insn)) {
            return ".4byte 0x" + Integer.toHexString(insn);
        }
        return format(op, insn, pc);
    }

    private static String format(Opcode op, int bits, int pc) {
        int rd = rd(bits);
        int rs1 = rs1(bits);
        int rs2 = rs2(bits);
        int imm = Decoder.imm(op, bits);
        String d = ABI[rd];
        String s1 = ABI[rs1];
        String s2 = ABI[rs2];
        switch (op) {
            case ADDI:
                if (bits == 0x00000013) {
                    return "nop";
                }
                if (rs1 == 0) {
                    return "li " + d + "," + imm;
                }
                if (imm == 0) {
                    return "mv " + d + "," + s1;
                }
                return "add " + d + "," + s1 + "," + imm;
            case XORI:
                return imm == -1 ? "not " + d + "," + s1 : "xor " + d + "," + s1 + "," + imm;
            case SLTIU:
                return imm == 1 ? "seqz " + d + "," + s1 : "sltiu " + d + "," + s1 + "," + imm;
            case ORI: case ANDI:
                return stripI(op) + " " + d + "," + s1 + "," + imm;
            case SLLI: case SRLI: case SRAI:
                return stripI(op) + " " + d + "," + s1 + ",0x" + Integer.toHexString(imm);
            case SUB:
                return rs1 == 0 ? "neg " + d + "," + s2 : "sub " + d + "," + s1 + "," + s2;
            case SLTU:
                return rs1 == 0 ? "snez " + d + "," + s2 : "sltu " + d + "," + s1 + "," + s2;
            case SLT:
                if (rs2 == 0) {
                    return "sltz " + d + "," + s1;
                }
                return rs1 == 0 ? "sgtz " + d + "," + s2 : "slt " + d + "," + s1 + "," + s2;
            case BEQ:
                return rs2 == 0 ? "beqz " + s1 + "," + target(pc, imm) : branch(op, s1, s2, pc, imm);
            case BNE:
                return rs2 == 0 ? "bnez " + s1 + "," + target(pc, imm) : branch(op, s1, s2, pc, imm);
            case BLT:
                if (rs2 == 0) {
                    return "bltz " + s1 + "," + target(pc, imm);
                }
                return rs1 == 0 ? "bgtz " + s2 + "," + target(pc, imm) : branch(op, s1, s2, pc, imm);
            case BGE:
                if (rs1 == 0) {
                    return "blez " + s2 + "," + target(pc, imm);
                }
                return rs2 == 0 ? "bgez " + s1 + "," + target(pc, imm) : branch(op, s1, s2, pc, imm);
            case JAL:
                if (rd == 0) {
                    return "j " + target(pc, imm);
                }
                return rd == 1 ? "jal " + target(pc, imm) : "jal " + d + "," + target(pc, imm);
            case JALR:
                if (rd == 0 && rs1 == 1 && imm == 0) {
                    return "ret";
                }
                if (rd == 0) {
                    return imm == 0 ? "jr " + s1 : "jr " + imm + "(" + s1 + ")";
                }
                if (rd == 1) {
                    return imm == 0 ? "jalr " + s1 : "jalr " + imm + "(" + s1 + ")";
                }
                return imm == 0 ? "jalr " + d + "," + s1 : "jalr " + d + "," + imm + "(" + s1 + ")";
            case CSRRS:
                if (rs1 == 0) {
                    String counter = counterRead(imm);
                    return counter != null ? counter + " " + d : "csrr " + d + "," + csr(imm);
                }
                return rd == 0 ? "csrs " + csr(imm) + "," + s1 : "csrrs " + d + "," + csr(imm) + "," + s1;
            case CSRRW:
                return rd == 0 ? "csrw " + csr(imm) + "," + s1 : "csrrw " + d + "," + csr(imm) + "," + s1;
            case CSRRC:
                return rd == 0 ? "csrc " + csr(imm) + "," + s1 : "csrrc " + d + "," + csr(imm) + "," + s1;
            case CSRRWI:
                return rd == 0 ? "csrw " + csr(imm) + "," + rs1 : "csrrw " + d + "," + csr(imm) + "," + rs1;
            case CSRRSI:
                return rd == 0 ? "csrs " + csr(imm) + "," + rs1 : "csrrs " + d + "," + csr(imm) + "," + rs1;
            case CSRRCI:
                return rd == 0 ? "csrc " + csr(imm) + "," + rs1 : "csrrc " + d + "," + csr(imm) + "," + rs1;
            case FENCE:
                return fence(bits);
            case SFENCE_VMA:
                if (rs2 == 0) {
                    return rs1 == 0 ? "sfence.vma" : "sfence.vma " + s1;
                }
                return "sfence.vma " + s1 + "," + s2;
            default:
                break;
        }
        switch (op.format()) {
            case R:
                return op.mnemonic() + " " + d + "," + s1 + "," + s2;
            case LOAD:
                return op.mnemonic() + " " + d + "," + imm + "(" + s1 + ")";
            case S:
                return op.mnemonic() + " " + s2 + "," + imm + "(" + s1 + ")";
            case B:
                return branch(op, s1, s2, pc, imm);
            case U:
                return op.mnemonic() + " " + d + ",0x" + Integer.toHexString(imm >>> 12);
            case AMO:
                return op.mnemonic() + ordering(imm) + " " + d + "," + s2 + ",(" + s1 + ")";
            case LR:
                return op.mnemonic() + ordering(imm) + " " + d + ",(" + s1 + ")";
            case I:
                return op.mnemonic() + " " + d + "," + s1 + "," + imm;
            case AES:
                return op.mnemonic() + " " + d + "," + s1 + "," + s2 + ",0x" + imm;
            default:
                return op.mnemonic();
        }
    }

    /**
     * The compressed encodings objdump prints in a form of their own: the HINT encodings
     * (rd = x0, or a zero immediate, which the spec reserves for hints), the RV64/RV128 shift
     * amounts, and C.ADDI16SP with a zero immediate. {@link Compressed} gives their execution
     * (VexRiscv's); only their spelling is handled here.
     */
    private static String compressedHint(int c) {
        int funct3 = c >>> 13;
        int rd = (c >>> 7) & 0x1F;
        int rs2 = (c >>> 2) & 0x1F;
        int shamt = ((c >>> 7) & 0x20) | rs2;
        int imm6 = (shamt << 26) >> 26;
        if ((c & 3) == 1) {
            switch (funct3) {
                case 0:
                    if (rd == 0 && imm6 != 0) {
                        return "c.nop " + imm6;
                    }
                    return rd != 0 && imm6 == 0 ? "add " + ABI[rd] + "," + ABI[rd] + ",0" : null;
                case 2:
                    return rd == 0 ? "c.li zero," + imm6 : null;
                case 3:
                    if (c == 0x6101) {
                        return "add sp,sp,0";
                    }
                    return rd == 0 && imm6 != 0 ? "c.lui zero,0x" + Integer.toHexString(imm6 & 0xFFFFF) : null;
                case 4: {
                    int op = (c >>> 10) & 3;
                    if (op > 1) {
                        return null;
                    }
                    String r = ABI[8 + (rd & 7)];
                    if (shamt == 0) {
                        return (op == 0 ? "c.srli64 " : "c.srai64 ") + r;
                    }
                    return shamt >= 32 ? (op == 0 ? "srl " : "sra ") + r + "," + r + ",0x" + Integer.toHexString(shamt) : null;
                }
                default:
                    return null;
            }
        }
        if ((c & 3) == 2) {
            if (funct3 == 0) {
                if (shamt == 0) {
                    return "c.slli64 " + ABI[rd];
                }
                if (rd == 0) {
                    return "c.slli zero,0x" + Integer.toHexString(shamt);
                }
                return shamt >= 32 ? "sll " + ABI[rd] + "," + ABI[rd] + ",0x" + Integer.toHexString(shamt) : null;
            }
            if (funct3 == 4 && rd == 0 && rs2 != 0) {
                return ((c & 0x1000) == 0 ? "c.mv zero," : "c.add zero,") + ABI[rs2];
            }
        }
        return null;
    }

    /** objdump names most immediate ALU forms after their register forms (not slti/sltiu). */
    private static String stripI(Opcode op) {
        String m = op.mnemonic();
        return m.substring(0, m.length() - 1);
    }

    private static String branch(Opcode op, String s1, String s2, int pc, int imm) {
        return op.mnemonic() + " " + s1 + "," + s2 + "," + target(pc, imm);
    }

    private static String target(int pc, int offset) {
        return Integer.toHexString(pc + offset);
    }

    private static String ordering(int aqrl) {
        switch (aqrl) {
            case 1: return ".rl";
            case 2: return ".aq";
            case 3: return ".aqrl";
            default: return "";
        }
    }

    private static String counterRead(int csr) {
        switch (csr) {
            case 0xC00: return "rdcycle";
            case 0xC01: return "rdtime";
            case 0xC02: return "rdinstret";
            case 0xC80: return "rdcycleh";
            case 0xC81: return "rdtimeh";
            case 0xC82: return "rdinstreth";
            default: return null;
        }
    }

    private static String csr(int address) {
        String name = CSR_NAMES[address & 0xFFF];
        return name != null ? name : "0x" + Integer.toHexString(address & 0xFFF);
    }

    /**
     * objdump knows FENCE only with rd, rs1 and fm zero (or as FENCE.TSO), and FENCE.I only as
     * 0x0000100F; the table's wider masks accept the encodings the spec reserves for the future.
     */
    private static boolean canonical(Opcode op, int bits) {
        if (op == Opcode.FENCE) {
            return (bits & 0xF00F8F80) == 0 || bits == 0x8330000F;
        }
        return op != Opcode.FENCE_I || bits == 0x0000100F;
    }

    private static String fence(int bits) {
        if (bits == 0x8330000F) {
            return "fence.tso";
        }
        int pred = (bits >>> 24) & 0xF;
        int succ = (bits >>> 20) & 0xF;
        if (pred == 0xF && succ == 0xF) {
            return "fence";
        }
        return "fence " + fenceSet(pred) + "," + fenceSet(succ);
    }

    private static String fenceSet(int set) {
        if (set == 0) {
            return "unknown";
        }
        StringBuilder sb = new StringBuilder(4);
        if ((set & 8) != 0) {
            sb.append('i');
        }
        if ((set & 4) != 0) {
            sb.append('o');
        }
        if ((set & 2) != 0) {
            sb.append('r');
        }
        if ((set & 1) != 0) {
            sb.append('w');
        }
        return sb.toString();
    }

    private static int rd(int bits) {
        return (bits >>> 7) & 0x1F;
    }

    private static int rs1(int bits) {
        return (bits >>> 15) & 0x1F;
    }

    private static int rs2(int bits) {
        return (bits >>> 20) & 0x1F;
    }

    /**
     * CSR names from the privileged spec (machine, supervisor, hypervisor, debug and trigger
     * CSRs, with the AIA, Sstc, Smstateen and Zkr additions), the F and V user CSRs, and the
     * numbered counter, event and PMP ranges.
     */
    private static String[] csrNames() {
        String[] names = new String[4096];
        String table = """
                001 fflags 002 frm 003 fcsr 008 vstart 009 vxsat 00a vxrm 00f vcsr 015 seed
                100 sstatus 104 sie 105 stvec 106 scounteren 10a senvcfg 10c sstateen0 10d sstateen1
                10e sstateen2 10f sstateen3 114 sieh 140 sscratch 141 sepc 142 scause 143 stval 144 sip
                14d stimecmp 150 siselect 151 sireg 154 siph 15c stopei 15d stimecmph 180 satp
                200 vsstatus 204 vsie 205 vstvec 214 vsieh 240 vsscratch 241 vsepc 242 vscause 243 vstval
                244 vsip 24d vstimecmp 250 vsiselect 251 vsireg 254 vsiph 25c vstopei 25d vstimecmph 280 vsatp
                300 mstatus 301 misa 302 medeleg 303 mideleg 304 mie 305 mtvec 306 mcounteren 308 mvien
                309 mvip 30a menvcfg 30c mstateen0 30d mstateen1 30e mstateen2 30f mstateen3 310 mstatush
                313 midelegh 314 mieh 318 mvienh 319 mviph 31a menvcfgh 31c mstateen0h 31d mstateen1h
                31e mstateen2h 31f mstateen3h 320 mcountinhibit 340 mscratch 341 mepc 342 mcause 343 mtval
                344 mip 34a mtinst 34b mtval2 350 miselect 351 mireg 354 miph 35c mtopei 5a8 scontext
                600 hstatus 602 hedeleg 603 hideleg 604 hie 605 htimedelta 606 hcounteren 607 hgeie
                608 hvien 609 hvictl 60a henvcfg 60c hstateen0 60d hstateen1 60e hstateen2 60f hstateen3
                613 hidelegh 615 htimedeltah 618 hvienh 61a henvcfgh 61c hstateen0h 61d hstateen1h
                61e hstateen2h 61f hstateen3h 643 htval 644 hip 645 hvip 646 hviprio1 647 hviprio2
                64a htinst 655 hviph 656 hviprio1h 657 hviprio2h 680 hgatp 6a8 hcontext 747 mseccfg
                757 mseccfgh 7a0 tselect 7a1 tdata1 7a2 tdata2 7a3 tdata3 7a4 tinfo 7a5 tcontrol
                7a8 mcontext 7aa mscontext 7b0 dcsr 7b1 dpc 7b2 dscratch0 7b3 dscratch1 b00 mcycle
                b02 minstret b80 mcycleh b82 minstreth c00 cycle c01 time c02 instret c20 vl c21 vtype
                c22 vlenb c80 cycleh c81 timeh c82 instreth da0 scountovf db0 stopi e12 hgeip eb0 vstopi
                f11 mvendorid f12 marchid f13 mimpid f14 mhartid f15 mconfigptr fb0 mtopi
                """;
        String[] words = table.strip().split("\\s+");
        for (int i = 0; i < words.length; i += 2) {
            names[Integer.parseInt(words[i], 16)] = words[i + 1];
        }
        for (int n = 3; n < 32; n++) {
            names[0xC00 + n] = "hpmcounter" + n;
            names[0xC80 + n] = "hpmcounter" + n + "h";
            names[0xB00 + n] = "mhpmcounter" + n;
            names[0xB80 + n] = "mhpmcounter" + n + "h";
            names[0x320 + n] = "mhpmevent" + n;
            names[0x720 + n] = "mhpmevent" + n + "h";
        }
        for (int n = 0; n < 16; n++) {
            names[0x3A0 + n] = "pmpcfg" + n;
        }
        for (int n = 0; n < 64; n++) {
            names[0x3B0 + n] = "pmpaddr" + n;
        }
        return names;
    }
}
