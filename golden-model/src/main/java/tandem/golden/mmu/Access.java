package tandem.golden.mmu;

/** The kind of memory access being translated; it decides the permission and the fault cause. */
public enum Access {
    /** Instruction fetch: needs X. */
    FETCH,
    /** Load (and LR): needs R, or X with MXR. */
    LOAD,
    /** Store, SC and AMO: needs W and, on VexRiscv, D. */
    STORE
}
