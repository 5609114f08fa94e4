/* tandem: vexriscv-only
 * VexRiscv's external interrupt array: machine mask 0xBC0 and supervisor mask 0x9C0 are
 * read-write; machine pending 0xFC0 and supervisor pending 0xDC0 read mask & lines; any machine
 * pending bit raises mip.MEIP (cause 11), any supervisor pending bit raises mip.SEIP (cause 9,
 * delegable). The harness drives IRQ lines 5 and 7 high and every other line low. */
#include "tandem_test.h"
#define LINES ((1 << 5) | (1 << 7))
    .text
    .globl tandem_test
tandem_test:
    CHECK_CSR(CSR_MIRQ_MASK, 0)
    CHECK_CSR(CSR_MIRQ_PENDING, 0)
    CHECK_CSR_MASKED(mip, MIP_MEIP | MIP_SEIP, 0)
    li a0, -1
    csrw CSR_MIRQ_MASK, a0
    CHECK_CSR(CSR_MIRQ_MASK, 0xffffffff)
    CHECK_CSR(CSR_MIRQ_PENDING, LINES)
    CHECK_CSR_MASKED(mip, MIP_MEIP | MIP_SEIP, MIP_MEIP)
    li a0, 1 << 6                 /* a quiet line */
    csrw CSR_MIRQ_MASK, a0
    CHECK_CSR(CSR_MIRQ_PENDING, 0)
    CHECK_CSR_MASKED(mip, MIP_MEIP, 0)
    li a0, 1 << 7
    csrw CSR_MIRQ_MASK, a0
    CHECK_CSR(CSR_MIRQ_PENDING, 1 << 7)
    CHECK_CSR_MASKED(mip, MIP_MEIP | MIP_SEIP, MIP_MEIP)

    /* the supervisor array is independent */
    csrw CSR_MIRQ_MASK, zero
    li a0, 1 << 5
    csrw CSR_SIRQ_MASK, a0
    CHECK_CSR(CSR_SIRQ_MASK, 1 << 5)
    CHECK_CSR(CSR_SIRQ_PENDING, 1 << 5)
    CHECK_CSR(CSR_MIRQ_PENDING, 0)
    CHECK_CSR_MASKED(mip, MIP_MEIP | MIP_SEIP, MIP_SEIP)

    /* pending CSRs ignore writes: they are read-only, the write traps */
    ILLEGAL(csrw CSR_SIRQ_PENDING, zero)
    CHECK_CSR(CSR_SIRQ_PENDING, 1 << 5)

    /* the machine external interrupt is taken with cause 11 */
    csrw CSR_SIRQ_MASK, zero
    li a0, 1 << 5
    csrw CSR_MIRQ_MASK, a0
    li a0, MIP_MEIP
    csrw mie, a0
    EXPECT_TRAP(2f)
    csrsi mstatus, MSTATUS_MIE
1:  j 1b
2:  CHECK_WORD(tandem_mtrap_record, CAUSE_MEI)
    CHECK_MTRAP_EPC(1b)
    csrw CSR_MIRQ_MASK, zero
    CHECK_CSR_MASKED(mip, MIP_MEIP, 0)

    /* S-mode owns 0x9C0/0xDC0; a delegated SEI is taken in S with scause 9 */
    li a0, MIP_SEIP
    csrw mideleg, a0
    csrw mie, a0
    EXPECT_TRAP(3f)
    ENTER_S(s_code)
3:  csrr s2, scause
    csrw CSR_SIRQ_MASK, zero
    BACK_TO_M
    CHECK_EQ(s2, CAUSE_SEI)
    CHECK_EQ(s1, 1 << 7)
    CHECK_CSR_MASKED(mip, MIP_SEIP, 0)

    /* U-mode may not touch them */
    EXPECT_TRAP(4f)
    ENTER_U(u_code)
4:  CHECK_ILLEGAL_AT(u_code)
    TEST_PASS

s_code:
    li a0, 1 << 7
    csrw CSR_SIRQ_MASK, a0
    csrr s1, CSR_SIRQ_PENDING
    csrsi sstatus, MSTATUS_SIE
5:  j 5b
u_code:
    csrr a0, CSR_SIRQ_MASK
