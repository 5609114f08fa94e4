package tandem.golden.hart;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tandem.golden.jit.Bytecode;
import tandem.golden.jit.ClassFileWriter;

/**
 * Translates hot code into a {@link CompiledBlock}: a region of decoded blocks, starting at a
 * block that became hot and following its branch, jump and fall-through targets that are
 * decoded already, becomes one hidden class whose {@code run} method holds the blocks as JVM
 * code, jumps between them included ({@link RegionEmitter}). The JVM's own compiler then turns
 * guest loops into host loops with the guest registers in host registers.
 *
 * <p>A region is installed in the decode cache for each of its blocks (each is an entry point)
 * and lives exactly as long as the decoded blocks it was built from: the pool slots are reused
 * after a flush (FENCE.I, SFENCE.VMA, satp, privilege-independent: a store to decoded code).
 */
final class BlockCompiler {
    private static final String BASE = "tandem/golden/hart/CompiledBlock";
    private static final int ACC_PUBLIC = 0x0001;
    /** Instructions in a region at most: bounds the JVM's work compiling one region. */
    static final int MAX_REGION_INSTRUCTIONS = 96;
    /**
     * Bytecode bytes a region's method may have: the JVM does not compile methods over 8000
     * bytes (HotSpot's HugeMethodLimit) and would interpret such a region for ever.
     */
    static final int MAX_METHOD_BYTES = 7000;

    /** Regions kept for reuse across harts, least recently used dropped first. */
    private static final int SHARED_REGIONS = 4096;
    private static final Map<ClassBytes, CompiledBlock> SHARED = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ClassBytes, CompiledBlock> eldest) {
            return size() > SHARED_REGIONS;
        }
    };

    private final MethodHandles.Lookup lookup = MethodHandles.lookup();
    private final int pcAlignMask;

    /** A compiler for a hart whose jump targets must be aligned to {@code pcAlignMask + 1}. */
    BlockCompiler(int pcAlignMask) {
        this.pcAlignMask = pcAlignMask;
    }

    /** One decoded block of a region: pool slot, address and length. */
    record Member(int slot, int pc, int length) {
    }

    /**
     * Compiles the region headed by the block at pool slot {@code start} (first instruction at
     * {@code pc}, decode context {@code ctx}) and installs it for each of its blocks; returns
     * it, or {@code null} when the head block holds something left to the interpreter. A
     * {@code traced} region also appends its retires to the trace ({@link RegionEmitter}).
     */
    CompiledBlock compile(DecodeCache dc, int start, int pc, long ctx, boolean traced) {
        if (!compilable(dc, start)) {
            return null;
        }
        CompiledBlock[] table = traced ? dc.compiledTraced : dc.compiled;
        Map<Integer, Member> region;
        ClassFileWriter cw;
        int limit = MAX_REGION_INSTRUCTIONS;
        do {
            region = region(dc, table, start, pc, ctx, limit);
            cw = new ClassFileWriter(String.format("tandem/golden/hart/%s_%08x", traced ? "TracedRegion" : "Region", pc),
                    BASE);
            Bytecode run = new RegionEmitter(cw, dc, region, pcAlignMask, traced).emit();
            if (run.length() <= MAX_METHOD_BYTES || region.size() == 1) {
                Bytecode init = cw.code(1);
                init.aload(0).invoke(Bytecode.INVOKESPECIAL, BASE, "<init>", "()V").op(Bytecode.RETURN);
                cw.method(ACC_PUBLIC, "<init>", "()V", init);
                cw.method(0, "run", "(Ltandem/golden/hart/Hart;I)V", run);
                break;
            }
            limit /= 2;
        } while (true);
        CompiledBlock compiled = define(cw.toByteArray(), pc);
        for (Member m : region.values()) {
            table[m.slot] = compiled;
        }
        return compiled;
    }

    /**
     * The region whose class file is {@code bytes}: from the shared cache when any hart compiled
     * the same code before (the class is a pure function of its bytes and holds no state), else
     * newly defined. Sharing spares the JVM compiling the same guest code again for every new
     * hart, as test suites, lockstep runs and benchmarks create many.
     */
    private CompiledBlock define(byte[] bytes, int pc) {
        ClassBytes key = new ClassBytes(bytes);
        synchronized (SHARED) {
            CompiledBlock known = SHARED.get(key);
            if (known != null) {
                return known;
            }
        }
        CompiledBlock compiled;
        try {
            MethodHandles.Lookup block = lookup.defineHiddenClass(bytes, true);
            compiled = (CompiledBlock) block.findConstructor(block.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define the compiled region at " + Integer.toHexString(pc), e);
        }
        synchronized (SHARED) {
            SHARED.put(key, compiled);
        }
        return compiled;
    }

    /** A class file as a map key: equal bytes, equal key. */
    private record ClassBytes(byte[] bytes, int hash) {
        ClassBytes(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClassBytes k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Whether every instruction but the block's last is one the compiler emits inline. */
    private static boolean compilable(DecodeCache dc, int start) {
        int n = dc.remaining[start];
        for (int k = 0; k < n - 1; k++) {
            if (!RegionEmitter.inline(dc.fields[start + k] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The head block and, breadth first, the static successors already decoded under the same
     * context and not compiled yet, up to {@code limit} instructions; head first.
     */
    private static Map<Integer, Member> region(DecodeCache dc, CompiledBlock[] table, int start, int pc, long ctx,
            int limit) {
        Map<Integer, Member> region = new LinkedHashMap<>();
        ArrayDeque<Member> queue = new ArrayDeque<>();
        Member head = new Member(start, pc, dc.remaining[start]);
        region.put(pc, head);
        queue.add(head);
        int instructions = head.length;
        while (!queue.isEmpty()) {
            Member m = queue.poll();
            for (int target : successors(dc, m)) {
                if (region.containsKey(target)) {
                    continue;
                }
                int t = DecodeCache.index(target);
                if (dc.tag[t] != (ctx | (target & 0xFFFF_FFFFL))) {
                    continue;
                }
                int slot = dc.block[t];
                int length = dc.remaining[slot];
                if (instructions + length > limit || table[slot] != null
                        || !compilable(dc, slot)) {
                    continue;
                }
                Member s = new Member(slot, target, length);
                region.put(target, s);
                queue.add(s);
                instructions += length;
            }
        }
        return region;
    }

    /** Where control can go statically after block {@code m}: nowhere known for JALR and system instructions. */
    private static int[] successors(DecodeCache dc, Member m) {
        int lastSlot = m.slot + m.length - 1;
        int f = dc.fields[lastSlot];
        int op = f & 0xFF;
        int lastPc = m.pc;
        for (int s = m.slot; s < lastSlot; s++) {
            lastPc += dc.fields[s] >>> 26;
        }
        int next = lastPc + (f >>> 26);
        if (op == OpIds.JAL) {
            return new int[] {lastPc + dc.imm[lastSlot]};
        }
        if (op >= OpIds.BEQ && op <= OpIds.BGEU) {
            return new int[] {lastPc + dc.imm[lastSlot], next};
        }
        if (op == OpIds.JALR || !RegionEmitter.inline(op)) {
            return new int[0];
        }
        return new int[] {next};
    }
}
