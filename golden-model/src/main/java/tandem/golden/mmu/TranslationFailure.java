package tandem.golden.mmu;

/**
 * Why an Sv32 translation failed, one constant per failing check of the walk. Every one
 * becomes a page fault except {@link #PTE_ACCESS_FAULT}, which is an access fault;
 * {@link Sv32Walker#cause} is the one place that maps them to trap causes.
 */
public enum TranslationFailure {
    /** Step 2: reading the PTE hit no memory. */
    PTE_ACCESS_FAULT("the page-table entry's address is not in memory"),
    /** Step 3: V = 0. */
    INVALID("PTE not valid (V=0)"),
    /** Step 3: W = 1 with R = 0 is reserved. */
    WRITE_WITHOUT_READ("PTE has W without R"),
    /** Step 4: a pointer at the last level. */
    NO_LEAF("no leaf PTE at level 0"),
    /** Step 5: U-mode access to a page without U. */
    USER_ACCESS_TO_SUPERVISOR_PAGE("U-mode access to a supervisor page"),
    /** Step 5: S-mode data access to a U page while SUM = 0. */
    SUPERVISOR_ACCESS_TO_USER_PAGE("S-mode access to a user page with SUM=0"),
    /** Step 5: S-mode fetch from a U page with SUM = 0 (VexRiscv lets SUM allow it). */
    SUPERVISOR_FETCH_FROM_USER_PAGE("S-mode fetch from a user page with SUM=0"),
    /** Step 5: fetch from a page without X. */
    NOT_EXECUTABLE("page not executable (X=0)"),
    /** Step 5: load from a page without R (and not X with MXR). */
    NOT_READABLE("page not readable (R=0, and not X with MXR)"),
    /** Step 5: store to a page without W. */
    NOT_WRITABLE("page not writable (W=0)"),
    /** Step 6: superpage whose PPN[0] is not zero. */
    MISALIGNED_SUPERPAGE("misaligned superpage (PPN[0] != 0)"),
    /** Step 7, VexRiscv: A = 0 faults, the MMU never sets it. */
    ACCESSED_CLEAR("A=0 (VexRiscv faults instead of setting A)"),
    /** Step 7, VexRiscv: store with D = 0 faults, the MMU never sets it. */
    DIRTY_CLEAR("store to a page with D=0 (VexRiscv faults instead of setting D)");

    private final String description;

    TranslationFailure(String description) {
        this.description = description;
    }

    /** One line saying which check failed. */
    public String description() {
        return description;
    }
}
