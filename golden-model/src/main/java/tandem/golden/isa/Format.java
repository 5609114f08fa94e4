package tandem.golden.isa;

/**
 * Operand layout of an instruction: which fields the decoder extracts and how the
 * disassembler prints them.
 */
public enum Format {
    /** rd, rs1, rs2. */
    R,
    /** rd, rs1, 12-bit signed immediate. */
    I,
    /** rd, rs1, 5-bit shift amount in the immediate. */
    SHIFT,
    /** rd, 12-bit signed offset(rs1): loads and JALR. */
    LOAD,
    /** rs2, 12-bit signed offset(rs1). */
    S,
    /** rs1, rs2, 13-bit signed branch offset. */
    B,
    /** rd, upper 20-bit immediate (already shifted left by 12). */
    U,
    /** rd, 21-bit signed jump offset. */
    J,
    /** rd, csr (immediate), rs1. */
    CSR,
    /** rd, csr (immediate), 5-bit zero-extended rs1 field (kept in rs1). */
    CSRI,
    /** rd, rs1, rs2 with aq/rl bits: AMOs, SC. */
    AMO,
    /** rd, rs1 with aq/rl bits: LR. */
    LR,
    /** FENCE: predecessor and successor sets in the immediate. */
    FENCE,
    /** rs1, rs2 and no rd: SFENCE.VMA. */
    SFENCE,
    /** rd, rs1, rs2 and a 2-bit byte select in the immediate: aes32*. */
    AES,
    /** No operands. */
    NONE
}
