package tandem.golden.hart;

import static tandem.golden.jit.Bytecode.AALOAD;
import static tandem.golden.jit.Bytecode.ARRAYLENGTH;
import static tandem.golden.jit.Bytecode.BALOAD;
import static tandem.golden.jit.Bytecode.BASTORE;
import static tandem.golden.jit.Bytecode.DUP;
import static tandem.golden.jit.Bytecode.GETFIELD;
import static tandem.golden.jit.Bytecode.GOTO;
import static tandem.golden.jit.Bytecode.I2B;
import static tandem.golden.jit.Bytecode.I2L;
import static tandem.golden.jit.Bytecode.I2S;
import static tandem.golden.jit.Bytecode.IADD;
import static tandem.golden.jit.Bytecode.IALOAD;
import static tandem.golden.jit.Bytecode.IAND;
import static tandem.golden.jit.Bytecode.IASTORE;
import static tandem.golden.jit.Bytecode.IFEQ;
import static tandem.golden.jit.Bytecode.IFGE;
import static tandem.golden.jit.Bytecode.IFLT;
import static tandem.golden.jit.Bytecode.IFNE;
import static tandem.golden.jit.Bytecode.IF_ICMPEQ;
import static tandem.golden.jit.Bytecode.IF_ICMPGE;
import static tandem.golden.jit.Bytecode.IF_ICMPGT;
import static tandem.golden.jit.Bytecode.IF_ICMPLE;
import static tandem.golden.jit.Bytecode.IF_ICMPLT;
import static tandem.golden.jit.Bytecode.IF_ICMPNE;
import static tandem.golden.jit.Bytecode.IMUL;
import static tandem.golden.jit.Bytecode.INVOKESTATIC;
import static tandem.golden.jit.Bytecode.INVOKEVIRTUAL;
import static tandem.golden.jit.Bytecode.IOR;
import static tandem.golden.jit.Bytecode.ISHL;
import static tandem.golden.jit.Bytecode.ISHR;
import static tandem.golden.jit.Bytecode.ISUB;
import static tandem.golden.jit.Bytecode.IUSHR;
import static tandem.golden.jit.Bytecode.IXOR;
import static tandem.golden.jit.Bytecode.LADD;
import static tandem.golden.jit.Bytecode.POP;
import static tandem.golden.jit.Bytecode.PUTFIELD;
import static tandem.golden.jit.Bytecode.RETURN;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tandem.golden.hart.BlockCompiler.Member;
import tandem.golden.jit.Bytecode;
import tandem.golden.jit.Bytecode.Label;
import tandem.golden.jit.ClassFileWriter;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.TraceFormat;

/**
 * Emits the {@code run(Hart, int room)} method of one compiled region. Exactness rules (the
 * interpreter in {@link Hart#execute} is the reference):
 * <ul>
 * <li>Guest registers live in locals, loaded from {@code x[]} on entry and stored back before
 *     the run ends and before a system instruction, the only call out of compiled code.</li>
 * <li>A block is entered only when all of it fits in the instructions left before the next
 *     event ({@code room}); otherwise the run stops at its start and the interpreter takes
 *     over, so the run stops exactly where the interpreter's does.</li>
 * <li>A load or store whose page is in the hart's {@link TranslationCache} runs inline: such a
 *     page is RAM, translated, permitted and holds no decoded code, so nothing else can
 *     happen. For any other access, and for a jump to a misaligned target, the run stops
 *     before the instruction and the interpreter runs it: nothing in compiled code traps,
 *     touches a device or needs attention afterwards.</li>
 * <li>A system instruction (only ever a block's last) runs through the interpreter's
 *     {@code executeSystem} with pc and instret set as the interpreter has them, and ends the
 *     run; in a traced region the run stops before it instead, so it is recorded.</li>
 * <li>A traced region appends each plain retire to the trace buffer as it retires, in exactly
 *     the encoding the trace writer gives it, after checking per block that the buffer has room.</li>
 * </ul>
 */
final class RegionEmitter {
    private static final String HART = "tandem/golden/hart/Hart";
    private static final String CACHE = "tandem/golden/hart/TranslationCache";
    private static final String RAM = "tandem/golden/hart/LittleEndian";
    private static final String RV32M = "tandem/golden/isa/Rv32M";

    private static final int HART_LOCAL = 1;
    private static final int ROOM_LOCAL = 2;
    private static final int X_LOCAL = 3;
    /** The pc the run goes on at when it leaves through the epilogue. */
    private static final int NPC_LOCAL = 4;
    /** Instructions retired in this run so far, up to the start of the current block. */
    private static final int COUNT_LOCAL = 5;
    private static final int TEMP_LOCAL = 6;
    private static final int VA_LOCAL = 7;
    private static final int LOAD_TAG_LOCAL = 8;
    private static final int LOAD_MEM_LOCAL = 9;
    private static final int LOAD_OFFSET_LOCAL = 10;
    private static final int STORE_TAG_LOCAL = 11;
    private static final int STORE_MEM_LOCAL = 12;
    private static final int STORE_OFFSET_LOCAL = 13;
    private static final int LOAD_PHYSICAL_LOCAL = 14;
    private static final int STORE_PHYSICAL_LOCAL = 15;
    /** Traced regions: the trace buffer, the write position in it, and its length. */
    private static final int BUF_LOCAL = 16;
    private static final int POS_LOCAL = 17;
    private static final int LIMIT_LOCAL = 18;
    /** Traced regions: the loaded value as the bus returned it, and the access's physical address. */
    private static final int VALUE_LOCAL = 19;
    private static final int PA_LOCAL = 20;
    private static final int REG_LOCALS = 21;
    /** x0 writes land in register 32 in the decode cache: dropped here. */
    private static final int SINK = 32;

    private final Bytecode c;
    private final DecodeCache dc;
    private final Map<Integer, Member> region;
    private final int pcAlignMask;
    /** Whether the region also appends its retires to the trace buffer ({@link tandem.golden.retire.EncodedRetireListener}). */
    private final boolean traced;
    private final Label epilogue = new Label();
    private final Map<Member, Label> checks = new HashMap<>();
    private final Map<Member, Label> bodies = new HashMap<>();
    private final boolean[] written = new boolean[32];
    private final List<Runnable> systemTails = new ArrayList<>();
    /** The block being emitted. */
    private Member block;

    RegionEmitter(ClassFileWriter cw, DecodeCache dc, Map<Integer, Member> region, int pcAlignMask, boolean traced) {
        this.c = cw.code(3);
        this.dc = dc;
        this.region = region;
        this.pcAlignMask = pcAlignMask;
        this.traced = traced;
        for (Member m : region.values()) {
            checks.put(m, new Label());
            bodies.put(m, new Label());
        }
    }

    /** Whether the compiler emits {@code opId} inline (everything in the interpreter's hot switch). */
    static boolean inline(int opId) {
        return opId <= OpIds.AND || (opId >= OpIds.MUL && opId <= OpIds.REMU) || opId == OpIds.FENCE
                || opId == OpIds.VEX_DCACHE_FLUSH;
    }

    /** The method's code. */
    Bytecode emit() {
        prologue();
        List<Member> members = new ArrayList<>(region.values());
        // Every block is an entry point: the caller checked that the block at pc fits.
        c.aload(HART_LOCAL).field(GETFIELD, HART, "pc", "I").istore(TEMP_LOCAL);
        for (int i = 0; i < members.size() - 1; i++) {
            c.iload(TEMP_LOCAL).iconst(members.get(i).pc()).jump(IF_ICMPEQ, bodies.get(members.get(i)));
        }
        c.jump(GOTO, bodies.get(members.get(members.size() - 1)));
        for (Member m : members) {
            block(m);
        }
        for (Runnable tail : systemTails) {
            tail.run();
        }
        c.bind(epilogue);
        writeBack();
        c.aload(HART_LOCAL).iload(NPC_LOCAL).field(PUTFIELD, HART, "pc", "I");
        c.aload(HART_LOCAL).op(DUP).field(GETFIELD, HART, "retired", "J")
                .iload(COUNT_LOCAL).op(I2L).op(LADD).field(PUTFIELD, HART, "retired", "J");
        if (traced) {
            c.aload(HART_LOCAL).iload(POS_LOCAL).iload(COUNT_LOCAL).invoke(INVOKEVIRTUAL, HART, "jitAppended", "(II)V");
        }
        c.op(RETURN);
        return c;
    }

    private void prologue() {
        boolean[] used = new boolean[33];
        boolean loads = false;
        boolean stores = false;
        for (Member m : region.values()) {
            for (int k = 0; k < m.length(); k++) {
                int f = dc.fields[m.slot() + k];
                int op = f & 0xFF;
                int rd = (f >>> 8) & 0x3F;
                used[rd] = true;
                written[rd & 31] |= rd != SINK;
                used[(f >>> 14) & 0x3F] = true;
                used[(f >>> 20) & 0x3F] = true;
                loads |= op >= OpIds.LB && op <= OpIds.LHU;
                stores |= op >= OpIds.SB && op <= OpIds.SW;
            }
        }
        written[0] = false;
        c.aload(HART_LOCAL).field(GETFIELD, HART, "x", "[I").astore(X_LOCAL);
        for (int r = 1; r < 32; r++) {
            if (used[r]) {
                c.aload(X_LOCAL).iconst(r).op(IALOAD).istore(REG_LOCALS + r);
            }
        }
        c.iconst(0).istore(NPC_LOCAL).iconst(0).istore(COUNT_LOCAL);
        if (loads) {
            cache("loads", LOAD_TAG_LOCAL, LOAD_MEM_LOCAL, LOAD_OFFSET_LOCAL, LOAD_PHYSICAL_LOCAL);
        }
        if (stores) {
            cache("stores", STORE_TAG_LOCAL, STORE_MEM_LOCAL, STORE_OFFSET_LOCAL, STORE_PHYSICAL_LOCAL);
        }
        if (traced) {
            c.aload(HART_LOCAL).invoke(INVOKEVIRTUAL, HART, "jitTraceBuffer", "()[B").astore(BUF_LOCAL);
            c.aload(HART_LOCAL).invoke(INVOKEVIRTUAL, HART, "jitTracePosition", "()I").istore(POS_LOCAL);
            c.aload(BUF_LOCAL).op(ARRAYLENGTH).istore(LIMIT_LOCAL);
            c.iconst(0).istore(VALUE_LOCAL).iconst(0).istore(PA_LOCAL);
        }
    }

    /** Loads a translation cache's arrays into locals (the arrays are final; their contents change). */
    private void cache(String field, int tag, int mem, int offset, int physical) {
        String desc = "L" + CACHE + ";";
        c.aload(HART_LOCAL).field(GETFIELD, HART, field, desc).field(GETFIELD, CACHE, "tag", "[I").astore(tag);
        c.aload(HART_LOCAL).field(GETFIELD, HART, field, desc).field(GETFIELD, CACHE, "mem", "[[B").astore(mem);
        c.aload(HART_LOCAL).field(GETFIELD, HART, field, desc).field(GETFIELD, CACHE, "offset", "[I").astore(offset);
        if (traced) {
            c.aload(HART_LOCAL).field(GETFIELD, HART, field, desc).field(GETFIELD, CACHE, "physical", "[I")
                    .astore(physical);
        }
    }

    private void block(Member m) {
        block = m;
        c.bind(checks.get(m));
        Label stop = new Label();
        if (traced) {
            c.iload(POS_LOCAL).iconst(m.length() * TraceFormat.MAX_PLAIN_RECORD).op(IADD).iload(LIMIT_LOCAL)
                    .jump(IF_ICMPGT, stop);
        }
        c.iload(COUNT_LOCAL).iconst(m.length()).op(IADD).iload(ROOM_LOCAL).jump(IF_ICMPLE, bodies.get(m));
        c.bind(stop);
        c.iconst(m.pc()).istore(NPC_LOCAL).jump(GOTO, epilogue);
        c.bind(bodies.get(m));
        int at = m.pc();
        for (int k = 0; k < m.length(); k++) {
            int p = m.slot() + k;
            int f = dc.fields[p];
            int op = f & 0xFF;
            int next = at + (f >>> 26);
            if (!inline(op) && traced) {
                leaveBefore(k, at);
                return;
            }
            if (!inline(op)) {
                Label tail = new Label();
                c.jump(GOTO, tail);
                int kk = k;
                int pc = at;
                systemTails.add(() -> {
                    c.bind(tail);
                    systemTail(p, kk, pc, next);
                });
                return;
            }
            instruction(p, op, k, at, next);
            if (traced && !endsWithJump(op) && !isMemory(op)) {
                int rd = (f >>> 8) & 0x3F;
                advance(recordStart(p, at, next, null, rd, false));
            }
            if (k == m.length() - 1 && !endsWithJump(op)) {
                count(m.length());
                transfer(next);
            }
            at = next;
        }
    }

    private static boolean isMemory(int op) {
        return op >= OpIds.LB && op <= OpIds.SW;
    }

    private static boolean endsWithJump(int op) {
        return op == OpIds.JAL || op == OpIds.JALR || (op >= OpIds.BEQ && op <= OpIds.BGEU);
    }

    /**
     * Leaves the run before the block's {@code k}-th instruction (at {@code pc}), so the
     * interpreter runs it: a load or store off the translation cache's fast path, a jump that
     * traps, and in traced regions a system instruction (recorded through the retire buffer).
     */
    private void leaveBefore(int k, int pc) {
        if (k != 0) {
            count(k);
        }
        c.iconst(pc).istore(NPC_LOCAL).jump(GOTO, epilogue);
    }

    /** COUNT += n. */
    private void count(int n) {
        c.iload(COUNT_LOCAL).iconst(n).op(IADD).istore(COUNT_LOCAL);
    }

    /** Pushes COUNT + k: the index in this run of the block's k-th instruction. */
    private void index(int k) {
        c.iload(COUNT_LOCAL);
        if (k != 0) {
            c.iconst(k).op(IADD);
        }
    }

    /** Goes on at {@code target}: inside the region through its fit check, else out. */
    private void transfer(int target) {
        Member m = region.get(target);
        if (m != null) {
            c.jump(GOTO, checks.get(m));
        } else {
            c.iconst(target).istore(NPC_LOCAL).jump(GOTO, epilogue);
        }
    }

    private void writeBack() {
        for (int r = 1; r < 32; r++) {
            if (written[r]) {
                c.aload(X_LOCAL).iconst(r).iload(REG_LOCALS + r).op(IASTORE);
            }
        }
    }

    /**
     * A block's last instruction when it is a system one: registers, pc and instret as the
     * interpreter has them, then its {@code executeSystem}, then pc and instret after it.
     */
    private void systemTail(int slot, int k, int pc, int next) {
        int f = dc.fields[slot];
        writeBack();
        c.aload(HART_LOCAL).op(DUP).field(GETFIELD, HART, "retired", "J");
        index(k);
        c.op(I2L).op(LADD).field(PUTFIELD, HART, "retired", "J");
        c.aload(HART_LOCAL).op(DUP).iconst(f & 0xFF).iconst(dc.raw[slot]).iconst(pc).iconst(next)
                .iconst((f >>> 8) & 0x3F).iconst((f >>> 14) & 0x3F).iconst((f >>> 20) & 0x3F).iconst(dc.imm[slot])
                .invoke(INVOKEVIRTUAL, HART, "executeSystem", "(IIIIIIII)I").field(PUTFIELD, HART, "pc", "I");
        c.aload(HART_LOCAL).op(DUP).field(GETFIELD, HART, "retired", "J")
                .iconst(1).op(I2L).op(LADD).field(PUTFIELD, HART, "retired", "J");
        c.op(RETURN);
    }

    private void read(int r) {
        if (r == 0) {
            c.iconst(0);
        } else {
            c.iload(REG_LOCALS + r);
        }
    }

    /** Stores the int on the stack into {@code rd}, or drops it for x0. */
    private void write(int rd) {
        if (rd == SINK) {
            c.op(POP);
        } else {
            c.istore(REG_LOCALS + rd);
        }
    }

    private void instruction(int p, int op, int k, int pc, int next) {
        int f = dc.fields[p];
        int rd = (f >>> 8) & 0x3F;
        int rs1 = (f >>> 14) & 0x3F;
        int rs2 = (f >>> 20) & 0x3F;
        int imm = dc.imm[p];
        switch (op) {
            case OpIds.LUI: constant(rd, imm); break;
            case OpIds.AUIPC: constant(rd, pc + imm); break;
            case OpIds.JAL: {
                int target = pc + imm;
                if ((target & pcAlignMask) != 0) {
                    misaligned(k, pc);
                } else {
                    constant(rd, next);
                    if (traced) {
                        advance(recordStart(p, pc, next, target == next ? null : () -> c.iconst(target), rd, false));
                    }
                    count(block.length());
                    transfer(target);
                }
                break;
            }
            case OpIds.JALR: {
                read(rs1);
                c.iconst(imm).op(IADD).iconst(~1).op(IAND).istore(TEMP_LOCAL);
                if (pcAlignMask != 1) {
                    Label aligned = new Label();
                    c.iload(TEMP_LOCAL).iconst(pcAlignMask).op(IAND).jump(IFEQ, aligned);
                    misaligned(k, pc);
                    c.bind(aligned);
                }
                constant(rd, next);
                if (traced) {
                    Label jumped = new Label();
                    Label recorded = new Label();
                    c.iload(TEMP_LOCAL).iconst(next).jump(IF_ICMPNE, jumped);
                    advance(recordStart(p, pc, next, null, rd, false));
                    c.jump(GOTO, recorded);
                    c.bind(jumped);
                    advance(recordStart(p, pc, next, () -> c.iload(TEMP_LOCAL), rd, false));
                    c.bind(recorded);
                }
                count(block.length());
                // Returns and indirect jumps often land in the region again (a loop calling a function in it).
                for (Member m : region.values()) {
                    c.iload(TEMP_LOCAL).iconst(m.pc()).jump(IF_ICMPEQ, checks.get(m));
                }
                c.iload(TEMP_LOCAL).istore(NPC_LOCAL).jump(GOTO, epilogue);
                break;
            }
            case OpIds.BEQ: branch(p, IF_ICMPEQ, false, rs1, rs2, imm, k, pc, next); break;
            case OpIds.BNE: branch(p, IF_ICMPNE, false, rs1, rs2, imm, k, pc, next); break;
            case OpIds.BLT: branch(p, IF_ICMPLT, false, rs1, rs2, imm, k, pc, next); break;
            case OpIds.BGE: branch(p, IF_ICMPGE, false, rs1, rs2, imm, k, pc, next); break;
            case OpIds.BLTU: branch(p, IFLT, true, rs1, rs2, imm, k, pc, next); break;
            case OpIds.BGEU: branch(p, IFGE, true, rs1, rs2, imm, k, pc, next); break;
            case OpIds.LB: load(p, 1, true, rd, rs1, imm, k, pc, next); break;
            case OpIds.LH: load(p, 2, true, rd, rs1, imm, k, pc, next); break;
            case OpIds.LW: load(p, 4, false, rd, rs1, imm, k, pc, next); break;
            case OpIds.LBU: load(p, 1, false, rd, rs1, imm, k, pc, next); break;
            case OpIds.LHU: load(p, 2, false, rd, rs1, imm, k, pc, next); break;
            case OpIds.SB: store(p, 1, rs1, rs2, imm, k, pc, next); break;
            case OpIds.SH: store(p, 2, rs1, rs2, imm, k, pc, next); break;
            case OpIds.SW: store(p, 4, rs1, rs2, imm, k, pc, next); break;
            case OpIds.ADDI: immediate(IADD, rd, rs1, imm); break;
            case OpIds.XORI: immediate(IXOR, rd, rs1, imm); break;
            case OpIds.ORI: immediate(IOR, rd, rs1, imm); break;
            case OpIds.ANDI: immediate(IAND, rd, rs1, imm); break;
            case OpIds.SLLI: immediate(ISHL, rd, rs1, imm); break;
            case OpIds.SRLI: immediate(IUSHR, rd, rs1, imm); break;
            case OpIds.SRAI: immediate(ISHR, rd, rs1, imm); break;
            case OpIds.SLTI: setLess(rd, false, () -> read(rs1), () -> c.iconst(imm)); break;
            case OpIds.SLTIU: setLess(rd, true, () -> read(rs1), () -> c.iconst(imm)); break;
            case OpIds.ADD: register(IADD, rd, rs1, rs2); break;
            case OpIds.SUB: register(ISUB, rd, rs1, rs2); break;
            case OpIds.SLL: register(ISHL, rd, rs1, rs2); break;
            case OpIds.XOR: register(IXOR, rd, rs1, rs2); break;
            case OpIds.SRL: register(IUSHR, rd, rs1, rs2); break;
            case OpIds.SRA: register(ISHR, rd, rs1, rs2); break;
            case OpIds.OR: register(IOR, rd, rs1, rs2); break;
            case OpIds.AND: register(IAND, rd, rs1, rs2); break;
            case OpIds.MUL: register(IMUL, rd, rs1, rs2); break;
            case OpIds.SLT: setLess(rd, false, () -> read(rs1), () -> read(rs2)); break;
            case OpIds.SLTU: setLess(rd, true, () -> read(rs1), () -> read(rs2)); break;
            case OpIds.MULH: multiplyDivide("mulh", rd, rs1, rs2); break;
            case OpIds.MULHSU: multiplyDivide("mulhsu", rd, rs1, rs2); break;
            case OpIds.MULHU: multiplyDivide("mulhu", rd, rs1, rs2); break;
            case OpIds.DIV: multiplyDivide("div", rd, rs1, rs2); break;
            case OpIds.DIVU: multiplyDivide("divu", rd, rs1, rs2); break;
            case OpIds.REM: multiplyDivide("rem", rd, rs1, rs2); break;
            case OpIds.REMU: multiplyDivide("remu", rd, rs1, rs2); break;
            case OpIds.FENCE: case OpIds.VEX_DCACHE_FLUSH: break;
            default: throw new IllegalStateException("not compiled inline: op " + op);
        }
    }

    private void constant(int rd, int value) {
        if (rd != SINK) {
            c.iconst(value).istore(REG_LOCALS + rd);
        }
    }

    private void immediate(int opcode, int rd, int rs1, int imm) {
        if (rd != SINK) {
            read(rs1);
            c.iconst(imm).op(opcode).istore(REG_LOCALS + rd);
        }
    }

    private void register(int opcode, int rd, int rs1, int rs2) {
        if (rd != SINK) {
            read(rs1);
            read(rs2);
            c.op(opcode).istore(REG_LOCALS + rd);
        }
    }

    private void multiplyDivide(String method, int rd, int rs1, int rs2) {
        if (rd != SINK) {
            read(rs1);
            read(rs2);
            c.invoke(INVOKESTATIC, RV32M, method, "(II)I").istore(REG_LOCALS + rd);
        }
    }

    /** rd = a &lt; b ? 1 : 0, signed or unsigned. */
    private void setLess(int rd, boolean unsigned, Runnable a, Runnable b) {
        if (rd == SINK) {
            return;
        }
        Label notLess = new Label();
        Label done = new Label();
        a.run();
        b.run();
        if (unsigned) {
            c.invoke(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I").jump(IFGE, notLess);
        } else {
            c.jump(IF_ICMPGE, notLess);
        }
        c.iconst(1).jump(GOTO, done);
        c.bind(notLess);
        c.iconst(0);
        c.bind(done);
        c.istore(REG_LOCALS + rd);
    }

    /** A conditional branch, a block's last instruction; {@code unsigned} compares with compareUnsigned against zero. */
    private void branch(int p, int takenIf, boolean unsigned, int rs1, int rs2, int imm, int k, int pc, int next) {
        int target = pc + imm;
        int rd = (dc.fields[p] >>> 8) & 0x3F;
        Label taken = new Label();
        read(rs1);
        read(rs2);
        if (unsigned) {
            c.invoke(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I");
        }
        c.jump(takenIf, taken);
        if (traced) {
            advance(recordStart(p, pc, next, null, rd, false));
        }
        count(block.length());
        transfer(next);
        c.bind(taken);
        if ((target & pcAlignMask) != 0) {
            misaligned(k, pc);
        } else {
            if (traced) {
                advance(recordStart(p, pc, next, target == next ? null : () -> c.iconst(target), rd, false));
            }
            count(block.length());
            transfer(target);
        }
    }

    /** A jump to a misaligned target: the interpreter raises the trap. */
    private void misaligned(int k, int pc) {
        leaveBefore(k, pc);
    }

    /**
     * Pushes the backing array and offset of {@code va} (in VA_LOCAL) when the translation cache
     * holds its page and the access is aligned; else goes to {@code slow}.
     */
    private void fastAddress(int width, int tag, int mem, int offset, int physical, Label slow) {
        if (width > 1) {
            c.iload(VA_LOCAL).iconst(width - 1).op(IAND).jump(IFNE, slow);
        }
        c.iload(VA_LOCAL).iconst(12).op(IUSHR).istore(TEMP_LOCAL);
        c.aload(tag).iload(TEMP_LOCAL).iconst(TranslationCache.MASK).op(IAND).op(IALOAD).iload(TEMP_LOCAL)
                .jump(IF_ICMPNE, slow);
        if (traced) {
            c.aload(physical).iload(TEMP_LOCAL).iconst(TranslationCache.MASK).op(IAND).op(IALOAD)
                    .iload(VA_LOCAL).iconst(0xFFF).op(IAND).op(IOR).istore(PA_LOCAL);
        }
        c.aload(mem).iload(TEMP_LOCAL).iconst(TranslationCache.MASK).op(IAND).op(AALOAD);
        c.aload(offset).iload(TEMP_LOCAL).iconst(TranslationCache.MASK).op(IAND).op(IALOAD)
                .iload(VA_LOCAL).iconst(0xFFF).op(IAND).op(IADD);
    }

    private void load(int p, int width, boolean signed, int rd, int rs1, int imm, int k, int pc, int next) {
        Label slow = new Label();
        Label after = new Label();
        address(rs1, imm);
        fastAddress(width, LOAD_TAG_LOCAL, LOAD_MEM_LOCAL, LOAD_OFFSET_LOCAL, LOAD_PHYSICAL_LOCAL, slow);
        // Read zero-extended, as the trace records it; rd gets it sign-extended for LB and LH.
        switch (width) {
            case 1: c.op(BALOAD).iconst(0xFF).op(IAND); break;
            case 2: c.invoke(INVOKESTATIC, RAM, "getShort", "([BI)I"); break;
            default: c.invoke(INVOKESTATIC, RAM, "getInt", "([BI)I"); break;
        }
        if (traced) {
            c.istore(VALUE_LOCAL);
            c.iload(VALUE_LOCAL);
        }
        if (signed) {
            c.op(width == 1 ? I2B : I2S);
        }
        write(rd);
        if (traced) {
            recordMemory(recordStart(p, pc, next, null, rd, true), RetireBuffer.MEM_READ, width,
                    () -> c.iload(VALUE_LOCAL));
        }
        c.jump(GOTO, after);
        c.bind(slow);
        leaveBefore(k, pc);
        c.bind(after);
    }

    private void store(int p, int width, int rs1, int rs2, int imm, int k, int pc, int next) {
        Label slow = new Label();
        Label after = new Label();
        address(rs1, imm);
        fastAddress(width, STORE_TAG_LOCAL, STORE_MEM_LOCAL, STORE_OFFSET_LOCAL, STORE_PHYSICAL_LOCAL, slow);
        c.aload(HART_LOCAL).iconst(0).field(PUTFIELD, HART, "reserved", "Z");
        read(rs2);
        switch (width) {
            case 1: c.op(BASTORE); break;
            case 2: c.invoke(INVOKESTATIC, RAM, "putShort", "([BII)V"); break;
            default: c.invoke(INVOKESTATIC, RAM, "putInt", "([BII)V"); break;
        }
        if (traced) {
            int rd = (dc.fields[p] >>> 8) & 0x3F;
            recordMemory(recordStart(p, pc, next, null, rd, true), RetireBuffer.MEM_WRITE, width, () -> {
                read(rs2);
                if (width < 4) {
                    c.iconst(width == 1 ? 0xFF : 0xFFFF).op(IAND);
                }
            });
        }
        c.jump(GOTO, after);
        c.bind(slow);
        leaveBefore(k, pc);
        c.bind(after);
    }

    // ---- trace records: the encoding TraceWriter gives a plain retire (see TraceFormat) ----

    /**
     * Writes a plain retire's h0, instruction bits, next pc when {@code nextPc} pushes one, and
     * register write (rd as decoded, its value after the instruction) at POS; returns the bytes
     * written, with the memory access (when {@code memory}) still to follow.
     */
    private int recordStart(int slot, int pc, int next, Runnable nextPc, int rd, boolean memory) {
        int length = next - pc;
        int h0 = (nextPc != null ? TraceFormat.H_NEXT : 0) | (rd != SINK ? TraceFormat.H_RD : 0)
                | (memory ? TraceFormat.H_MEM : 0);
        int raw = dc.raw[slot];
        putByte(0, () -> c.iconst(h0));
        putByte(1, () -> c.iconst(raw & 0xFF));
        putByte(2, () -> c.iconst((raw >>> 8) & 0xFF));
        if (length == 4) {
            putByte(3, () -> c.iconst((raw >>> 16) & 0xFF));
            putByte(4, () -> c.iconst(raw >>> 24));
        }
        int at = 1 + length;
        if (nextPc != null) {
            putInt(at, nextPc);
            at += 4;
        }
        if (rd != SINK) {
            putByte(at, () -> c.iconst(rd));
            putInt(at + 1, () -> c.iload(REG_LOCALS + rd));
            at += 5;
        }
        return at;
    }

    /** Writes the memory access at POS + {@code at} and advances POS past the record. */
    private void recordMemory(int at, int flags, int width, Runnable data) {
        Label differs = new Label();
        Label done = new Label();
        c.iload(PA_LOCAL).iload(VA_LOCAL).jump(IF_ICMPNE, differs);
        putByte(at, () -> c.iconst(flags));
        putByte(at + 1, () -> c.iconst(width));
        putInt(at + 2, () -> c.iload(VA_LOCAL));
        putInt(at + 6, data);
        advance(at + 10);
        c.jump(GOTO, done);
        c.bind(differs);
        putByte(at, () -> c.iconst(flags | TraceFormat.M_PADDR));
        putByte(at + 1, () -> c.iconst(width));
        putInt(at + 2, () -> c.iload(VA_LOCAL));
        putInt(at + 6, () -> c.iload(PA_LOCAL));
        putInt(at + 10, data);
        advance(at + 14);
        c.bind(done);
    }

    private void putByte(int at, Runnable value) {
        c.aload(BUF_LOCAL).iload(POS_LOCAL);
        if (at != 0) {
            c.iconst(at).op(IADD);
        }
        value.run();
        c.op(BASTORE);
    }

    private void putInt(int at, Runnable value) {
        c.aload(BUF_LOCAL).iload(POS_LOCAL);
        if (at != 0) {
            c.iconst(at).op(IADD);
        }
        value.run();
        c.invoke(INVOKESTATIC, RAM, "putInt", "([BII)V");
    }

    /** POS += n. */
    private void advance(int n) {
        c.iload(POS_LOCAL).iconst(n).op(IADD).istore(POS_LOCAL);
    }

    /** VA_LOCAL = rs1 + imm. */
    private void address(int rs1, int imm) {
        read(rs1);
        if (imm != 0) {
            c.iconst(imm).op(IADD);
        }
        c.istore(VA_LOCAL);
    }
}
