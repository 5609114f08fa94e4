package tandem.golden.hart;

import java.util.Arrays;
import tandem.golden.isa.Opcode;

/**
 * Decoded straight-line blocks, so the instruction loop decodes each instruction once and
 * checks its cache, budget and pending events once per block rather than per instruction.
 *
 * <p>A block is the run of instructions from a start pc up to and including the first
 * control transfer or system instruction, never crossing a 4 KiB page (translation is per
 * page). Its instructions sit contiguously in a pool of primitive arrays. A direct-mapped
 * table maps a start pc to its block; the tag holds {@code epoch << 34 | priv << 32 | pc}, so a
 * privilege change needs no flush and a flush (FENCE.I, SFENCE.VMA, satp write, a store to a
 * code page, a full pool) is one increment.
 */
final class DecodeCache {
    static final int BITS = 14;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;
    /** Longest block; bounds the work done before budget and events are looked at again. */
    static final int MAX_BLOCK = 64;
    static final int POOL = 1 << 17;

    /** Tag that never matches: blocks that must be refetched every time (code in devices). */
    static final long UNCACHEABLE = -1L;

    final long[] tag = new long[SIZE];
    /** Pool index of the block starting at the tagged pc. */
    final int[] block = new int[SIZE];

    /** Per pool slot: instructions from this slot to the block's end (at the first slot: the block length). */
    final int[] remaining = new int[POOL];
    final Opcode[] op = new Opcode[POOL];
    /**
     * Opcode ordinal (switched on as {@link OpIds}) | rd &lt;&lt; 8 | rs1 &lt;&lt; 14 | rs2 &lt;&lt; 20 |
     * length &lt;&lt; 26; rd 32 is the sink for x0. One load gives the loop everything but the immediate.
     */
    final int[] fields = new int[POOL];
    final int[] imm = new int[POOL];
    /** Raw bits as fetched: 16 bits for RVC. */
    final int[] raw = new int[POOL];
    /** At a block's first slot: its bytecode translation once it became hot, else null. */
    final CompiledBlock[] compiled = new CompiledBlock[POOL];
    /** The same for runs that append to a binary trace. */
    final CompiledBlock[] compiledTraced = new CompiledBlock[POOL];
    /**
     * At a block's first slot: how often the interpreter entered it (compile when it reaches
     * the threshold; set far below it when the block cannot be compiled).
     */
    final int[] heat = new int[POOL];

    private long epoch;
    private int used;

    DecodeCache() {
        Arrays.fill(tag, UNCACHEABLE);
    }

    /** Table index of a block starting at {@code pc}. */
    static int index(int pc) {
        return (pc >>> 1) & MASK;
    }

    /** The tag context for {@code priv}; combine with a pc by OR. */
    long context(int priv) {
        return (epoch << 34) | ((long) priv << 32);
    }

    /** Invalidates every block. */
    void flush() {
        epoch++;
        used = 0;
    }

    /** Pool slots for a new block of up to {@link #MAX_BLOCK}; flushes when the pool is full. */
    int allocate() {
        if (used + MAX_BLOCK > POOL) {
            flush();
        }
        return used;
    }

    /** Commits a block of {@code length} slots starting at {@code start}. */
    void commit(int start, int length) {
        for (int k = 0; k < length; k++) {
            remaining[start + k] = length - k;
        }
        compiled[start] = null;
        compiledTraced[start] = null;
        heat[start] = 0;
        used = start + length;
    }
}
