package tandem.golden.mmu;

/** Sv32 page-table entry bits (privileged spec, figure "Sv32 page table entry"). */
public final class Pte {
    /** Valid. */
    public static final int V = 1;
    /** Readable. */
    public static final int R = 1 << 1;
    /** Writable. */
    public static final int W = 1 << 2;
    /** Executable. */
    public static final int X = 1 << 3;
    /** User-accessible. */
    public static final int U = 1 << 4;
    /** Global. */
    public static final int G = 1 << 5;
    /** Accessed. */
    public static final int A = 1 << 6;
    /** Dirty. */
    public static final int D = 1 << 7;
    /** First RSW bit: Xous marks a lent page with it. */
    public static final int RSW0 = 1 << 8;

    private Pte() {
    }

    /** The PTE pointing at physical address {@code pa} (a page or a next-level table) with {@code flags}. */
    public static int of(long pa, int flags) {
        return (int) (((pa >>> 12) << 10) | (flags & 0x3FF));
    }

    /** Physical address the PTE's PPN designates, truncated to 32 bits as VexRiscv does. */
    public static int address(int pte) {
        return (pte >>> 10) << 12;
    }

    /** Whether the entry is a leaf (R or X set). */
    public static boolean isLeaf(int pte) {
        return (pte & (R | X)) != 0;
    }

    /** The eight flag bits as letters V R W X U G A D, with {@code -} for a clear bit. */
    public static String flags(int pte) {
        String names = "VRWXUGAD";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append((pte & (1 << i)) != 0 ? names.charAt(i) : '-');
        }
        return sb.toString();
    }
}
