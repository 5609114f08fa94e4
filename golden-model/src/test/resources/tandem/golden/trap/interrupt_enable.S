/* Interrupt gating: the CLINT timer sets mip.MTIP once mtime reaches mtimecmp; M-mode takes it
 * only with mstatus.MIE and mie.MTIE set, S- and U-mode take it regardless of MIE; mepc is the
 * interrupted instruction and mcause has bit 31 set; WFI returns once an enabled interrupt is
 * pending even with MIE clear. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    li s0, VIRT_CLINT_MTIMECMP
    li s1, VIRT_CLINT_MTIME
    li a0, -1
    sw a0, 4(s0)
    sw a0, 0(s0)
    CHECK_CSR_MASKED(mip, MIP_MTIP, 0)

    /* mtimecmp = mtime + 20: MTIP rises by itself */
    lw a0, 0(s1)
    lw a1, 4(s1)
    addi a2, a0, 20
    sltu a3, a2, a0
    add a1, a1, a3
    sw a1, 4(s0)
    sw a2, 0(s0)
    li a4, 1000000
1:  csrr a5, mip
    andi a5, a5, MIP_MTIP
    bnez a5, 2f
    addi a4, a4, -1
    bnez a4, 1b
    FAIL_HERE                     /* mtime never reached mtimecmp */
2:
    /* pending but not enabled in mie: not taken even with MIE */
    csrw mie, zero
    csrsi mstatus, MSTATUS_MIE
    nop
    nop
    csrci mstatus, MSTATUS_MIE
    CHECK_MTRAP_COUNT(0)

    /* enabled in mie, MIE clear in M-mode: not taken; WFI falls through */
    li a0, MIP_MTIP
    csrw mie, a0
    nop
    wfi
    CHECK_MTRAP_COUNT(0)

    /* MIE set: taken at the next instruction */
    EXPECT_TRAP(4f)
    csrsi mstatus, MSTATUS_MIE
3:  j 3b
4:  CHECK_WORD(tandem_mtrap_record, CAUSE_MTI)
    CHECK_MTRAP_EPC(3b)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MIE | MSTATUS_MPIE, MSTATUS_MPIE)

    /* from U-mode with MIE = 0, the M interrupt is taken */
    csrw mstatus, zero
    EXPECT_TRAP(5f)
    ENTER_U(u_spin)
5:  CHECK_WORD(tandem_mtrap_record, CAUSE_MTI)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, 0)
    /* and from S-mode */
    EXPECT_TRAP(6f)
    ENTER_S(u_spin)
6:  CHECK_WORD(tandem_mtrap_record, CAUSE_MTI)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, MSTATUS_MPP_S)

    /* moving mtimecmp back up clears MTIP */
    li a0, -1
    sw a0, 4(s0)
    sw a0, 0(s0)
    CHECK_CSR_MASKED(mip, MIP_MTIP, 0)

    /* the software interrupt: msip raises and lowers mip.MSIP */
    li a0, VIRT_CLINT_MSIP
    li a1, 1
    sw a1, 0(a0)
    CHECK_CSR_MASKED(mip, MIP_MSIP, MIP_MSIP)
    li a2, MIP_MSIP
    csrw mie, a2
    EXPECT_TRAP(7f)
    csrsi mstatus, MSTATUS_MIE
8:  j 8b
7:  CHECK_WORD(tandem_mtrap_record, CAUSE_MSI)
    li a0, VIRT_CLINT_MSIP
    sw zero, 0(a0)
    CHECK_CSR_MASKED(mip, MIP_MSIP, 0)
    TEST_PASS

u_spin:
    j u_spin
