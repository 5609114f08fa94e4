package tandem.golden.isa;

/** An ISA extension an {@link Opcode} belongs to; a profile enables a set of them. */
public enum Extension {
    /** RV32I base integer instructions. */
    I,
    /** Integer multiply and divide. */
    M,
    /** Atomics: LR/SC and AMOs. */
    A,
    /** Compressed instructions (expanded to their 32-bit twins at decode). */
    C,
    /** CSR instructions. */
    ZICSR,
    /** FENCE.I. */
    ZIFENCEI,
    /** Machine/supervisor instructions: ECALL, EBREAK, MRET, SRET, WFI, SFENCE.VMA. */
    PRIV,
    /** Scalar AES (Zkne/Zknd aes32* on RV32), as the Baochip-1x CPU has it. */
    ZKN_AES,
    /** VexRiscv's data-cache flush custom instruction 0x0000500F, a no-op here. */
    VEX_FLUSH
}
