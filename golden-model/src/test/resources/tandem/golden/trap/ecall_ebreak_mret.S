/* ECALL and EBREAK from M, S and U: causes 11/9/8 and 3, mepc at the instruction, mtval 0 for
 * ecall; trap entry saves MIE in MPIE, clears MIE and records the old privilege in MPP;
 * MRET restores MIE from MPIE, sets MPIE, drops MPP to U and returns to mepc in MPP's mode. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    /* ecall from M with MIE set: MPIE := 1, MIE := 0, MPP := M */
    li a0, MSTATUS_MIE
    csrw mstatus, a0
    EXPECT_TRAP(2f)
1:  ecall
    FAIL_HERE
2:  CHECK_MTRAP(CAUSE_ECALL_M, ECALL_TVAL)
    CHECK_MTRAP_EPC(1b)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE | MSTATUS_MPP_M)

    EXPECT_TRAP(4f)
3:  ebreak
    FAIL_HERE
4:  CHECK_WORD(tandem_mtrap_record, CAUSE_BREAKPOINT)
    CHECK_MTRAP_EPC(3b)
    /* MIE was already 0 at the second trap: MPIE records that */
    CHECK_CSR_MASKED(mstatus, MSTATUS_MIE | MSTATUS_MPIE, 0)

    /* ecall from S and from U */
    EXPECT_TRAP(5f)
    ENTER_S(s_ecall)
5:  CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
    CHECK_MTRAP_EPC(s_ecall)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, MSTATUS_MPP_S)
    EXPECT_TRAP(6f)
    ENTER_U(u_ecall)
6:  CHECK_MTRAP(CAUSE_ECALL_U, ECALL_TVAL)
    CHECK_MTRAP_EPC(u_ecall)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, 0)
    EXPECT_TRAP(7f)
    ENTER_U(u_ebreak)
7:  CHECK_WORD(tandem_mtrap_record, CAUSE_BREAKPOINT)
    CHECK_MTRAP_EPC(u_ebreak)

    /* mret: MIE := MPIE, MPIE := 1, MPP := U, pc := mepc, in M here (MPP = M) */
    li a0, MSTATUS_MPP_M | MSTATUS_MPIE
    csrw mstatus, a0
    la a0, 8f
    csrw mepc, a0
    mret
    FAIL_HERE
8:  CHECK_CSR_MASKED(mstatus, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MIE | MSTATUS_MPIE)
    csrw mstatus, zero
    li a0, MSTATUS_MPP_M
    csrw mstatus, a0
    la a0, 9f
    csrw mepc, a0
    mret
9:  CHECK_CSR_MASKED(mstatus, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP, MSTATUS_MPIE)

    /* mret to S really is S: an M CSR access then traps */
    EXPECT_TRAP(10f)
    ENTER_S(s_probe)
10: CHECK_ILLEGAL_AT(s_probe)

    li a0, 0x80000002
    csrw mepc, a0
    CHECK_CSR(mepc, 0x80000002)
    TEST_PASS

s_ecall: ecall
u_ecall: ecall
u_ebreak: ebreak
s_probe: csrr a0, mscratch
