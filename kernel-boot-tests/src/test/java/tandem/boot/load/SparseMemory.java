package tandem.boot.load;

import java.util.HashMap;
import java.util.Map;

/** Physical memory for loader tests: 4 KiB pages created on first write, zero elsewhere. */
final class SparseMemory implements PhysicalMemory {

    private final Map<Long, byte[]> pages = new HashMap<>();

    private byte[] page(long paddr) {
        return pages.computeIfAbsent(paddr >>> 12, k -> new byte[4096]);
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        for (int i = 0; i < len; i++) {
            page(paddr + i)[(int) ((paddr + i) & 0xFFF)] = src[off + i];
        }
    }

    @Override
    public int readWord(long paddr) {
        byte[] p = page(paddr);
        int o = (int) (paddr & 0xFFF);
        return (p[o] & 0xFF) | (p[o + 1] & 0xFF) << 8 | (p[o + 2] & 0xFF) << 16 | (p[o + 3] & 0xFF) << 24;
    }

    @Override
    public void writeWord(long paddr, int value) {
        byte[] p = page(paddr);
        int o = (int) (paddr & 0xFFF);
        for (int i = 0; i < 4; i++) {
            p[o + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Walks Sv32 tables from {@code satp} by hand: the leaf PTE of {@code va}, or 0. */
    int leaf(long satp, long va) {
        long root = (satp & 0x3F_FFFFL) << 12;
        int l1 = readWord(root + ((va >>> 22) & 0x3FF) * 4);
        if ((l1 & 1) == 0) {
            return 0;
        }
        long table = (Integer.toUnsignedLong(l1) >>> 10) << 12;
        return readWord(table + ((va >>> 12) & 0x3FF) * 4);
    }

    /** Physical address a leaf PTE points to. */
    static long target(int pte) {
        return (Integer.toUnsignedLong(pte) >>> 10) << 12;
    }
}
