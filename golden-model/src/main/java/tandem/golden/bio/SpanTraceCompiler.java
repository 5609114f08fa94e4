package tandem.golden.bio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import tandem.golden.jit.Bytecode;
import tandem.golden.jit.Bytecode.Label;
import tandem.golden.jit.ClassFileWriter;

/**
 * Compiles a hot node's chain of spans — each the span last replayed from its node — into a
 * {@link SpanTrace}: straight-line bytecode calling BioCore's span primitives with each
 * instruction's operation and constants as arguments, which the JIT inlines and folds. Before each
 * span the code checks what the interpreter's lookup would: room before the limit, a branch's or
 * jump's outcome, the data variant, guarded registers, a local data address, a store that leaves
 * fetched words alone; a failed check leaves the trace there. A chain that returns to its first
 * node loops inside the method.
 */
final class SpanTraceCompiler {

    private static final int MAX_SPANS = 32;
    private static final int ACC_PUBLIC = 0x0001;
    private static final String BASE = "tandem/golden/bio/SpanTrace";
    private static final String CORE = "tandem/golden/bio/BioCore";
    private static final String NODE = "Ltandem/golden/bio/SpanNode;";
    private static final String EDGE = "Ltandem/golden/bio/SpanEdge;";

    // Locals of run(BioCore core, int room, int clock).
    private static final int THIS = 0, CORE_ARG = 1, ROOM = 2, CLOCK = 3, ELAPSED = 4, COUNT = 5, V1 = 6, V2 = 7,
            RESULT = 8, ADDR = 9, WORD = 10;

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private int serial;

    /** The trace from {@code start}, or null when not even its first span can be compiled. */
    SpanTrace compile(SpanNode start) {
        List<SpanNode> nodes = new ArrayList<>();
        List<SpanEdge> edges = new ArrayList<>();
        SpanNode n = start;
        // The RAM output register's low bits where a span before set them (null: unknown).
        Boolean ramQLow = null;
        while (edges.size() < MAX_SPANS && !(!edges.isEmpty() && nodes.contains(n))) {
            SpanEdge e = n.lastUsed;
            if (!n.free || e == null || e.effectOffset >= 0 || (e.constMask & ~BioCore.FETCH_FIELDS) != 0
                    || (ramQLow != null && ramQLow != ((e.variant & 2) != 0))) {
                break;
            }
            nodes.add(n);
            edges.add(e);
            if ((e.constMask & BioCore.W_RAMQ) != 0) {
                ramQLow = (e.constRamQ & 3) == 3;
            } else if (n.memory) {
                ramQLow = null;
            }
            n = e.to;
        }
        if (edges.isEmpty()) {
            return null;
        }
        nodes.add(n);
        boolean loops = n == start;
        ClassFileWriter cw = new ClassFileWriter(String.format("tandem/golden/bio/SpanTrace_%03x_%d", start.pc, serial++), BASE);
        Bytecode init = cw.code(1);
        init.aload(0).invoke(Bytecode.INVOKESPECIAL, BASE, "<init>", "()V").op(Bytecode.RETURN);
        cw.method(ACC_PUBLIC, "<init>", "()V", init);
        cw.method(0, "run", "(L" + CORE + ";II)I", emit(cw, nodes, edges, loops));
        try {
            MethodHandles.Lookup trace = lookup.defineHiddenClass(cw.toByteArray(), true);
            SpanTrace compiled = (SpanTrace) trace.findConstructor(trace.lookupClass(), MethodType.methodType(void.class)).invoke();
            compiled.nodes = nodes.toArray(SpanNode[]::new);
            compiled.edges = edges.toArray(SpanEdge[]::new);
            return compiled;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the BIO span trace at 0x" + Integer.toHexString(start.pc), e);
        }
    }

    private static Bytecode emit(ClassFileWriter cw, List<SpanNode> nodes, List<SpanEdge> edges, boolean loops) {
        int spans = edges.size();
        Bytecode b = cw.code(4);
        b.iconst(0).istore(ELAPSED).iconst(0).istore(COUNT);
        Label head = new Label();
        b.bind(head);
        Label[] exits = new Label[spans + 1];
        for (int i = 0; i <= spans; i++) {
            exits[i] = new Label();
        }
        Boolean ramQLow = null;
        for (int i = 0; i < spans; i++) {
            SpanNode n = nodes.get(i);
            SpanEdge e = edges.get(i);
            Label exit = exits[i];
            // Room before the limit.
            b.iload(ELAPSED).iconst(e.cycles).op(Bytecode.IADD).iload(ROOM).jump(Bytecode.IF_ICMPGT, exit);
            operand(b, n.src1, V1);
            operand(b, n.src2, V2);
            // The outcome the span was learned for.
            if (n.kind == SpanNode.BRANCH && n.target != n.fallthrough) {
                b.iconst(n.op).iload(V1).iload(V2).invoke(Bytecode.INVOKESTATIC, CORE, "branchTaken", "(III)Z");
                b.jump(e.nextPc == n.target ? Bytecode.IFEQ : Bytecode.IFNE, exit);
            } else if (n.kind == SpanNode.JALR) {
                b.iload(V1).iconst(n.imm).op(Bytecode.IADD).iconst(-2).op(Bytecode.IAND).iconst(e.nextPc)
                        .jump(Bytecode.IF_ICMPNE, exit);
            }
            // The data variant and guards.
            if (ramQLow == null) {
                b.aload(CORE_ARG).invoke(Bytecode.INVOKEVIRTUAL, CORE, "ramQLow", "()I");
                b.jump((e.variant & 2) != 0 ? Bytecode.IFEQ : Bytecode.IFNE, exit);
            }
            if (n.memory) {
                b.iload(V1).iconst(n.imm).op(Bytecode.IADD).istore(ADDR);
                b.iload(ADDR).iconst(28).op(Bytecode.IUSHR).jump(Bytecode.IFNE, exit);
                b.aload(CORE_ARG).iload(ADDR).invoke(Bytecode.INVOKEVIRTUAL, CORE, "ramWord", "(I)I").istore(WORD);
                b.iload(WORD).iconst(3).op(Bytecode.IAND).iconst(3)
                        .jump((e.variant & 1) != 0 ? Bytecode.IF_ICMPNE : Bytecode.IF_ICMPEQ, exit);
                if (n.kind == SpanNode.STORE) {
                    b.aload(CORE_ARG).iload(ADDR).invoke(Bytecode.INVOKEVIRTUAL, CORE, "fetchedWord", "(I)Z");
                    b.jump(Bytecode.IFNE, exit);
                }
            }
            for (int bit : new int[] {BioCore.W_MEMADDR, BioCore.W_BUF16, BioCore.W_MEMRDATAQ, BioCore.W_RAMQ}) {
                if ((e.guards & bit) != 0) {
                    b.aload(CORE_ARG).iconst(bit).invoke(Bytecode.INVOKEVIRTUAL, CORE, "trackedValue", "(I)I");
                    b.iconst(guardValue(e, bit)).jump(Bytecode.IF_ICMPNE, exit);
                }
            }
            // The span: as BioCore.replay does it.
            if (e.halfFromRamQ) {
                b.aload(CORE_ARG).invoke(Bytecode.INVOKEVIRTUAL, CORE, "trHalf", "()V");
            }
            if (n.exec) {
                b.aload(CORE_ARG).iconst(n.op).iload(V1).iconst(n.op1Add).op(Bytecode.IADD).iload(V2).iconst(n.op2Add)
                        .op(Bytecode.IADD).iconst(n.execOut).invoke(Bytecode.INVOKEVIRTUAL, CORE, "trExec", "(IIII)I");
                if (n.link) {
                    b.op(Bytecode.POP).iconst(n.fallthrough);
                }
                b.istore(RESULT);
            } else if (n.kind == SpanNode.MUL) {
                b.aload(CORE_ARG).iconst(n.op).iload(V1).iload(V2).invoke(Bytecode.INVOKEVIRTUAL, CORE, "trMul", "(III)I")
                        .istore(RESULT);
            } else if (n.kind == SpanNode.LOAD) {
                b.aload(CORE_ARG).iconst(n.op).iload(ADDR).iload(WORD).invoke(Bytecode.INVOKEVIRTUAL, CORE, "trLoad", "(III)I")
                        .istore(RESULT);
            } else {
                b.aload(CORE_ARG).iconst(n.op).iload(ADDR).iload(V2).iconst(e.storedWordRead ? 1 : 0)
                        .invoke(Bytecode.INVOKEVIRTUAL, CORE, "trStore", "(IIIZ)V");
            }
            if (e.constMask != 0) {
                b.aload(CORE_ARG).iconst(e.constMask).iconst(e.constMemAddr).iconst(e.constRamQ).iconst(e.constMemRdataQ)
                        .iconst(e.constBuf16).invoke(Bytecode.INVOKEVIRTUAL, CORE, "trFetch", "(IIIII)V");
            }
            if (n.writesBack) {
                b.aload(CORE_ARG).iconst(n.rd).iload(RESULT).invoke(Bytecode.INVOKEVIRTUAL, CORE, "writeRegister", "(II)V");
            }
            for (int x = 0; x < e.extraReg.length; x++) {
                b.aload(CORE_ARG).iconst(e.extraReg[x]).iconst(e.extraValue[x])
                        .invoke(Bytecode.INVOKEVIRTUAL, CORE, "writeRegister", "(II)V");
            }
            b.iload(ELAPSED).iconst(e.cycles).op(Bytecode.IADD).istore(ELAPSED);
            b.iload(COUNT).iconst(1).op(Bytecode.IADD).istore(COUNT);
            if ((e.constMask & BioCore.W_RAMQ) != 0) {
                ramQLow = (e.constRamQ & 3) == 3;
            } else if (n.memory) {
                ramQLow = null;
            }
        }
        b.jump(Bytecode.GOTO, loops ? head : exits[spans]);
        for (int i = 0; i <= spans; i++) {
            if (i == spans && loops) {
                break;
            }
            b.bind(exits[i]);
            b.aload(CORE_ARG).iload(ELAPSED);
            b.aload(THIS).field(Bytecode.GETFIELD, BASE, "nodes", "[" + NODE).iconst(i).op(Bytecode.AALOAD);
            if (i > 0) {
                b.aload(THIS).field(Bytecode.GETFIELD, BASE, "edges", "[" + EDGE).iconst(i - 1).op(Bytecode.AALOAD);
            } else if (loops) {
                // Back at the head after whole rounds: the last span replayed is the last of the chain.
                Label none = new Label();
                Label call = new Label();
                b.iload(COUNT).jump(Bytecode.IFEQ, none);
                b.aload(THIS).field(Bytecode.GETFIELD, BASE, "edges", "[" + EDGE).iconst(spans - 1).op(Bytecode.AALOAD);
                b.jump(Bytecode.GOTO, call);
                b.bind(none).op(Bytecode.ACONST_NULL);
                b.bind(call);
            } else {
                b.op(Bytecode.ACONST_NULL);
            }
            b.invoke(Bytecode.INVOKEVIRTUAL, CORE, "traceExit", "(I" + NODE + EDGE + ")V");
            b.iload(COUNT).op(Bytecode.IRETURN);
        }
        return b;
    }

    /** Pushes x{@code r} as the core reads it at the trace's current clock into local {@code slot}. */
    private static void operand(Bytecode b, int r, int slot) {
        if (r == 0) {
            b.iconst(0);
        } else if (r < 16) {
            b.aload(CORE_ARG).iconst(r).invoke(Bytecode.INVOKEVIRTUAL, CORE, "reg", "(I)I");
        } else {
            b.aload(CORE_ARG).iconst(r).iload(CLOCK).iload(ELAPSED).op(Bytecode.IADD)
                    .invoke(Bytecode.INVOKEVIRTUAL, CORE, "localOperand", "(II)I");
        }
        b.istore(slot);
    }

    private static int guardValue(SpanEdge e, int bit) {
        switch (bit) {
            case BioCore.W_MEMADDR: return e.guardMemAddr;
            case BioCore.W_BUF16: return e.guardBuf16;
            case BioCore.W_MEMRDATAQ: return e.guardMemRdataQ;
            default: return e.guardRamQ;
        }
    }
}
