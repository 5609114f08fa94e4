package tandem.golden.mmu;

/**
 * What one walk saw: the PTE read at each level, where the walk ended and why. A caller
 * that wants the details passes one to {@link Sv32Walker#translate}; the hart reuses one.
 */
public final class Walk {
    /** Physical address of the PTE read at level 1 and level 0 (index = level). */
    public final long[] pteAddress = new long[2];
    /** The PTE read at level 1 and level 0. */
    public final int[] pte = new int[2];
    /** The level of the leaf (1 superpage, 0 page), or of the failing PTE; -1 for bare. */
    public int level;
    /** Why the walk failed, or {@code null}. */
    public TranslationFailure failure;
    /** The physical address when the walk succeeded. */
    public long physical;

    /** The leaf (or failing) PTE. */
    public int leaf() {
        return level < 0 ? 0 : pte[level];
    }

    /** Whether translation succeeded. */
    public boolean ok() {
        return failure == null;
    }
}
