/* mstatus holds MIE, SIE, MPIE, SPIE, MPP, SPP, SUM, MXR, MPRV; sstatus is the S-mode view of
 * it (SIE, SPIE, SPP, SUM, MXR) and writing sstatus leaves the machine fields alone. */
#include "tandem_test.h"
#define M_FIELDS (MSTATUS_MIE | MSTATUS_SIE | MSTATUS_MPIE | MSTATUS_SPIE | MSTATUS_MPP | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR | MSTATUS_MPRV)
#define S_FIELDS (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
#define M_ONLY (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP)
/* VexRiscv also maps MPRV into sstatus (bit 17); the spec hides it. Checks through sstatus
 * leave that bit out (see mmu/sv32_vexriscv_quirks.S). */
#define S_VIEW (M_FIELDS & ~MSTATUS_MPRV)
    .text
    .globl tandem_test
tandem_test:
    /* every field is writable and reads back */
    li a0, M_FIELDS
    csrw mstatus, a0
    CHECK_CSR_MASKED(mstatus, M_FIELDS, M_FIELDS)
    csrw mstatus, zero
    CHECK_CSR_MASKED(mstatus, M_FIELDS, 0)
    li a0, MSTATUS_MPP_S
    csrs mstatus, a0
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, MSTATUS_MPP_S)
    li a0, MSTATUS_MPP_M
    csrs mstatus, a0
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, MSTATUS_MPP_M)

    /* sstatus shows the supervisor fields only */
    li a0, M_FIELDS
    csrw mstatus, a0
    CHECK_CSR_MASKED(sstatus, S_VIEW, S_FIELDS)
    csrw mstatus, zero
    CHECK_CSR_MASKED(sstatus, S_VIEW, 0)

    /* writing sstatus changes the supervisor fields and nothing else */
    li a0, M_ONLY
    csrw mstatus, a0
    li a0, S_VIEW
    csrw sstatus, a0
    CHECK_CSR_MASKED(mstatus, M_FIELDS, S_VIEW)
    csrw sstatus, zero
    CHECK_CSR_MASKED(mstatus, M_FIELDS, M_ONLY)
    li a0, MSTATUS_SUM | MSTATUS_MXR
    csrs sstatus, a0
    CHECK_CSR_MASKED(mstatus, M_FIELDS, M_ONLY | MSTATUS_SUM | MSTATUS_MXR)
    li a0, MSTATUS_SUM
    csrc sstatus, a0
    CHECK_CSR_MASKED(mstatus, M_FIELDS, M_ONLY | MSTATUS_MXR)

    /* S-mode reads and writes sstatus itself */
    csrw mstatus, zero
    li a0, MSTATUS_SUM
    csrs mstatus, a0
    EXPECT_TRAP(1f)
    ENTER_S(s_code)
1:  CHECK_EQ(a1, MSTATUS_SUM)
    CHECK_CSR_MASKED(mstatus, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SIE, MSTATUS_MXR)
    TEST_PASS

s_code:
    csrr a1, sstatus
    li a2, MSTATUS_SUM | MSTATUS_MXR | MSTATUS_SIE
    and a1, a1, a2
    li a2, MSTATUS_MXR
    csrw sstatus, a2
    ecall
