package tandem.golden.hart;

import java.util.Arrays;

/**
 * A speed-up only (non-architectural): virtual page → backing array of RAM, for loads and
 * for stores separately, valid for the current privilege, satp and mstatus. MMIO pages, code
 * pages (for stores) and anything the walk would fault on are never entered, so a hit needs
 * no further check. Flushed whenever translation inputs change.
 */
final class TranslationCache {
    static final int SIZE = 256;
    static final int MASK = SIZE - 1;

    final int[] tag = new int[SIZE];
    final byte[][] mem = new byte[SIZE][];
    /** Offset in {@link #mem} of the page's first byte. */
    final int[] offset = new int[SIZE];
    /** Physical address of the page's first byte. */
    final int[] physical = new int[SIZE];

    TranslationCache() {
        flush();
    }

    void flush() {
        Arrays.fill(tag, -1);
    }

    void put(int vpn, byte[] backing, int pageOffset, int pagePhysical) {
        int i = vpn & MASK;
        tag[i] = vpn;
        mem[i] = backing;
        offset[i] = pageOffset;
        physical[i] = pagePhysical;
    }
}
