/* SRET: SIE := SPIE, SPIE := 1, SPP := U, returns to sepc in SPP's mode; it is illegal in U-mode.
 * MRET is illegal in S-mode and U-mode. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    /* S-mode: sret with SPP = S and SPIE = 1 goes to S with SIE = 1 */
    EXPECT_TRAP(1f)
    ENTER_S(s_code)
1:  CHECK_MTRAP_EPC(s_done)
    CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
    CHECK_CSR_MASKED(mstatus, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP, MSTATUS_SIE | MSTATUS_SPIE)

    /* S-mode: sret with SPP = U goes to U */
    EXPECT_TRAP(2f)
    ENTER_S(s_to_u)
2:  CHECK_MTRAP_EPC(u_after_sret)
    CHECK_MTRAP(CAUSE_ECALL_U, ECALL_TVAL)

    /* M-mode may execute sret too (SPP = S: returns to S) */
    li a0, MSTATUS_SPP
    csrs mstatus, a0
    la a0, s_after_m_sret
    csrw sepc, a0
    EXPECT_TRAP(3f)
    sret
3:  CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
    CHECK_MTRAP_EPC(s_after_m_sret)

    /* sret in U, mret in S and U: illegal */
    EXPECT_TRAP(4f)
    ENTER_U(u_sret)
4:  CHECK_ILLEGAL_AT(u_sret)
    EXPECT_TRAP(5f)
    ENTER_S(s_mret)
5:  CHECK_ILLEGAL_AT(s_mret)
    EXPECT_TRAP(6f)
    ENTER_U(u_mret)
6:  CHECK_ILLEGAL_AT(u_mret)
    TEST_PASS

s_code:
    li a0, MSTATUS_SPP | MSTATUS_SPIE
    csrs sstatus, a0
    li a0, MSTATUS_SIE
    csrc sstatus, a0
    la a0, s_done
    csrw sepc, a0
    sret
s_done:
    ecall

s_to_u:
    li a0, MSTATUS_SPP
    csrc sstatus, a0
    la a0, u_after_sret
    csrw sepc, a0
    sret
u_after_sret:
    ecall
s_after_m_sret:
    ecall
u_sret: sret
s_mret: mret
u_mret: mret
