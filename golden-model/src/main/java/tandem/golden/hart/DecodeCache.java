package tandem.golden.hart;

import java.util.Arrays;
import tandem.golden.isa.Opcode;

/**
 * Decoded instructions by virtual pc, direct-mapped, in primitive arrays. An entry is valid
 * for the privilege and translation epoch it was filled in: the tag holds
 * {@code epoch << 34 | priv << 32 | pc}, so a privilege change needs no flush and a flush
 * (FENCE.I, SFENCE.VMA, satp write, a store to a code page) is one increment.
 */
final class DecodeCache {
    static final int BITS = 15;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;

    /** Tag that never matches: used for entries that must be refetched every time (device code). */
    static final long UNCACHEABLE = -1L;

    final long[] tag = new long[SIZE];
    final Opcode[] op = new Opcode[SIZE];
    /** rd | rs1 &lt;&lt; 8 | rs2 &lt;&lt; 16 | length &lt;&lt; 24; rd 32 is the sink for x0. */
    final int[] fields = new int[SIZE];
    final int[] imm = new int[SIZE];
    /** {@link Opcode} ordinal, as switched on by the loop ({@link OpIds}). */
    final int[] id = new int[SIZE];
    /** Raw bits as fetched: 16 bits for RVC. */
    final int[] raw = new int[SIZE];

    private long epoch;

    DecodeCache() {
        Arrays.fill(tag, UNCACHEABLE);
    }

    /** Index of {@code pc}'s entry. */
    static int index(int pc) {
        return (pc >>> 1) & MASK;
    }

    /** The tag context for {@code priv}; combine with a pc by OR. */
    long context(int priv) {
        return (epoch << 34) | ((long) priv << 32);
    }

    /** Invalidates every entry. */
    void flush() {
        epoch++;
    }

    static long tagOf(long context, int pc) {
        return context | (pc & 0xFFFF_FFFFL);
    }
}
