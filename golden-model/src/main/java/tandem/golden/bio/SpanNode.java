package tandem.golden.bio;

/**
 * A core at a span boundary: the cycle it enters {@code ld_rs1} for an instruction, identified by
 * everything its next clocks depend on apart from data — the control registers of PicoRV32 and its
 * memory interface ({@link BioCore#controlWord}), the pc and the decoded instruction. Two visits
 * of the same node with the same outcome (next pc), data variant and guarded registers take the
 * same clocks and end in the same node; the {@link SpanEdge}s learned from the reference core say how.
 */
final class SpanNode {

    /** How the instruction executes when replayed; {@link #OTHER} is never replayed. */
    static final int ALU_R = 0, ALU_I = 1, BRANCH = 2, LUI_AUIPC = 3, JALR = 4, LOAD = 5, STORE = 6, MUL = 7, OTHER = 8;

    /** Tracked-field bits each kind can predict from its operands ({@link BioCore}'s W_* bits). */
    private static final int EXEC = BioCore.W_REGOP1 | BioCore.W_REGOP2 | BioCore.W_ALUOUT | BioCore.W_REGOUT;
    private static final int[] PREDICTABLE = {
        EXEC,
        EXEC,
        EXEC,
        EXEC,
        EXEC,
        BioCore.W_REGOP1 | BioCore.W_REGOUT | BioCore.W_MEMADDR | BioCore.W_RAMQ | BioCore.W_MEMRDATAQ,
        BioCore.W_REGOP1 | BioCore.W_REGOP2 | BioCore.W_MEMWDATA | BioCore.W_MEMADDR | BioCore.W_RAMQ | BioCore.W_MEMRDATAQ,
        BioCore.W_REGOP1 | BioCore.W_REGOP2 | BioCore.W_MULRS | BioCore.W_MULRD | BioCore.W_REGOUT,
        0,
    };

    final int pc;
    final int dec;
    final int op;
    final int imm;

    final int kind;
    final int rd;
    /** The register read ports' sources (x0 where the format reads none). */
    final int src1;
    final int src2;
    /** pc + imm, which the exec state leaves in reg_out. */
    final int execOut;
    /** The next pc without a jump, and a taken branch's. */
    final int fallthrough;
    final int target;
    /** The instruction goes through exec: ALU, branch, lui/auipc or jalr. */
    final boolean exec;
    /** jalr: the value written back is the link address, not the ALU output. */
    final boolean link;
    /** Constants added to the read ports' values to give exec's operands (pc for auipc, immediates). */
    final int op1Add;
    final int op2Add;
    /** FIFOs the core pops in {@code ld_rs1} (bit k = FIFO k). */
    final int popMask;
    /** An x30 read that waits while no masked event is set. */
    final boolean eventRead;
    /** The instruction's result goes to a register (x1–x15, x26, x27 or a block register). */
    final boolean writesBack;
    /** A load or store. */
    final boolean memory;
    /** The result goes to x1–x15. */
    final boolean writesLocal;
    /** The replay must start at the block's current clock: it reads or writes the block. */
    final boolean sync;
    /** The only thing the span does to the block is its write, which a replay can schedule ahead. */
    final boolean outputOnly;
    /** Spans from here may be replayed at all. */
    final boolean replayable;
    /** A replay may run ahead of the block from here: it neither reads nor writes the block. */
    final boolean free;
    final int predictable;

    private SpanEdge edges;
    /** The span replayed from here most recently (a trace follows these). */
    SpanEdge lastUsed;
    /** Spans replayed from here one by one, counted up to the trace threshold. */
    int visits;
    /** The compiled chain of spans from here, once this node is hot; null before or when none fits. */
    SpanTrace trace;
    /**
     * The learned spans for the fall-through outcome (index = data variant) and a branch's target
     * (4 + variant): the common outcomes found without walking {@link #edges}.
     */
    final SpanEdge[] quick = new SpanEdge[8];

    /** What identifies a node (see the class comment); {@link SpanTable} interns nodes by it. */
    record Key(long control, int pc, int dec, int pendingImm, int decImmJ, int op, int imm, int sideRs1, int sideRs2) {
    }

    SpanNode(Key key) {
        pc = key.pc();
        dec = key.dec();
        op = key.op();
        imm = key.imm();
        int sideRs1 = key.sideRs1();
        int sideRs2 = key.sideRs2();
        int rs1 = BioInsn.rs1(dec);
        int rs2 = BioInsn.rs2(dec);
        rd = BioInsn.rd(dec);
        kind = kindOf(dec, op);
        // The second ALU operand of an immediate instruction: the immediate or the shift amount.
        int operand2 = op == BioInsn.SLLI || op == BioInsn.SRLI || op == BioInsn.SRAI ? rs2 : imm;
        // rs1 / rs2 go through the register read ports in ld_rs1.
        boolean readsRs1 = kind == ALU_R || kind == ALU_I || kind == BRANCH || kind == JALR || kind == LOAD || kind == STORE
                || kind == MUL;
        boolean readsRs2 = kind == ALU_R || kind == BRANCH || kind == STORE || kind == MUL;
        boolean ren2 = (dec & BioInsn.READS_RS2_PORT) != 0;
        int pops = (sideRs1 & 0x1C) == 16 ? 1 << (sideRs1 & 3) : 0;
        if ((sideRs2 & 0x1C) == 16) {
            pops = ren2 ? pops | 1 << (sideRs2 & 3) : pops & ~(1 << (sideRs2 & 3));
        }
        popMask = pops;
        eventRead = sideRs1 == 30 || (ren2 && sideRs2 == 30);
        writesBack = rd != 0 && kind != BRANCH && kind != STORE && kind != OTHER;
        memory = kind == LOAD || kind == STORE;
        writesLocal = writesBack && rd < 16;
        boolean blockRead = readsRs1 && blocksValue(rs1) || readsRs2 && blocksValue(rs2);
        boolean blockWrite = writesBack && writesBlock(rd);
        sync = pops != 0 || eventRead || blockRead || blockWrite;
        outputOnly = blockWrite && pops == 0 && !eventRead && !blockRead;
        // Quantum waits (any x20 field), traps, and a multiply reading the block every clock of
        // its ld_rs1 are left to the reference core.
        boolean quantum = sideRs1 == 20 || sideRs2 == 20 || (writesBack && rd == 20);
        replayable = kind != OTHER && !quantum && !(kind == MUL && (pops != 0 || eventRead || blockRead));
        predictable = PREDICTABLE[kind];
        free = replayable && !sync;
        src1 = readsRs1 ? rs1 : 0;
        src2 = readsRs2 ? rs2 : 0;
        execOut = pc + imm;
        fallthrough = pc + ((dec & BioInsn.COMPRESSED) != 0 ? 2 : 4);
        target = (pc + imm) & ~1;
        exec = kind <= JALR;
        link = kind == JALR;
        op1Add = op == BioInsn.AUIPC ? pc : 0;
        op2Add = kind == ALU_I ? operand2 : kind == LUI_AUIPC || kind == JALR ? imm : 0;
    }

    /** A write to x{@code r} goes to the block (a FIFO, pins, directions, events, the quantum wait): x16–x25, x28–x31. */
    static boolean writesBlock(int r) {
        return r >= 16 && r != 26 && r != 27;
    }

    /** x{@code r} reads a value the block supplies (FIFO heads, pins, events). x31 is the core's own clock count. */
    private static boolean blocksValue(int r) {
        return (r >= 16 && r <= 19) || r == 21 || r == 30;
    }

    private static int kindOf(int dec, int op) {
        if (op == BioInsn.ILLEGAL || op == BioInsn.ECALL_EBREAK || op == BioInsn.FENCE || op == BioInsn.JAL) {
            return OTHER;
        }
        if (op >= BioInsn.MUL) {
            return MUL;
        }
        if ((dec & BioInsn.UJ_CATEGORY) != 0) {
            return LUI_AUIPC;
        }
        if ((dec & BioInsn.LOAD_CATEGORY) != 0) {
            return op >= BioInsn.LB && op <= BioInsn.LHU ? LOAD : OTHER;
        }
        if ((dec & BioInsn.STORE_CATEGORY) != 0) {
            return op >= BioInsn.SB && op <= BioInsn.SW ? STORE : OTHER;
        }
        if ((dec & BioInsn.BRANCH_CATEGORY) != 0) {
            return BRANCH;
        }
        if (op == BioInsn.JALR) {
            return JALR;
        }
        if ((dec & BioInsn.IMM_CATEGORY) != 0) {
            return ALU_I;
        }
        return op >= BioInsn.ADD && op <= BioInsn.AND ? ALU_R : OTHER;
    }

    /** The learned span for outcome {@code nextPc} and data variant {@code variant}, or null. */
    SpanEdge find(int nextPc, int variant) {
        for (SpanEdge e = edges; e != null; e = e.next) {
            if (e.nextPc == nextPc && e.variant == variant) {
                return e;
            }
        }
        return null;
    }

    /** Adds the span for its outcome, replacing one learned before. */
    void learn(SpanEdge edge) {
        SpanEdge prev = null;
        for (SpanEdge e = edges; e != null; prev = e, e = e.next) {
            if (e.nextPc == edge.nextPc && e.variant == edge.variant) {
                if (prev == null) {
                    edges = e.next;
                } else {
                    prev.next = e.next;
                }
                break;
            }
        }
        edge.next = edges;
        edges = edge;
        if (edge.nextPc == fallthrough) {
            quick[edge.variant] = edge;
        } else if (kind == BRANCH && edge.nextPc == target) {
            quick[4 | edge.variant] = edge;
        }
    }
}
