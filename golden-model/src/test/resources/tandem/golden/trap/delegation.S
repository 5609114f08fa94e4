/* medeleg/mideleg: delegated exceptions from U and S go to the S-mode handler with scause,
 * sepc, stval, SPP, SPIE/SIE set as the spec says; undelegated ones and every trap in M-mode go
 * to M; a delegated S interrupt is taken in S. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    /* writable bits that Xous relies on */
    li a0, (1 << CAUSE_ECALL_U) | (1 << CAUSE_ILLEGAL) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_FETCH_PAGE) | (1 << CAUSE_LOAD_PAGE) | (1 << CAUSE_STORE_PAGE)
    csrw medeleg, a0
    CHECK_CSR_MASKED(medeleg, 0xb10c, 0xb10c)
    li a0, MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw mideleg, a0
    CHECK_CSR_MASKED(mideleg, 0xaaa, MIP_SSIP | MIP_STIP | MIP_SEIP)

    /* ecall from U, delegated: S handler, SPP = U, SPIE = old SIE (1), SIE = 0 */
    li a0, MSTATUS_SIE
    csrs mstatus, a0
    EXPECT_TRAP(1f)
    ENTER_U(u_ecall)
1:  /* now in S-mode, in the delegated handler's resume point */
    csrr s0, sstatus
    csrr s1, sepc
    csrr s2, scause
    BACK_TO_M
    CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
    CHECK_STRAP(CAUSE_ECALL_U, ECALL_TVAL)
    la a0, u_ecall
    sub s1, s1, a0
    CHECK_EQ(s1, 0)
    li a0, MSTATUS_SPP | MSTATUS_SPIE | MSTATUS_SIE
    and s0, s0, a0
    CHECK_EQ(s0, MSTATUS_SPIE)
    CHECK_STRAP_COUNT(1)
    CHECK_MTRAP_COUNT(1)

    /* illegal instruction in S, delegated: stays in S with SPP = S and stval = instruction */
    EXPECT_TRAP(2f)
    ENTER_S(s_illegal)
2:  csrr s0, sstatus
    BACK_TO_M
    CHECK_WORD(tandem_strap_record, CAUSE_ILLEGAL)
    CHECK_STVAL_INSN(s_illegal)
    li a0, MSTATUS_SPP
    and s0, s0, a0
    CHECK_EQ(s0, MSTATUS_SPP)
    CHECK_STRAP_COUNT(2)

    /* ecall from S is not delegated (bit 9 clear): goes to M */
    EXPECT_TRAP(3f)
    ENTER_S(s_ecall)
3:  CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
    CHECK_STRAP_COUNT(2)

    /* traps in M are never delegated */
    EXPECT_TRAP(4f)
5:  .word 0xffffffff
4:  CHECK_ILLEGAL_AT(5b)
    CHECK_STRAP_COUNT(2)

    /* a delegated supervisor software interrupt, raised by M through mip.SSIP, is taken in S
     * once S enables it, and not while in M */
    li a0, MIP_SSIP
    csrw mie, a0
    csrs mip, a0
    li a0, MSTATUS_MIE | MSTATUS_SIE
    csrs mstatus, a0
    nop
    CHECK_STRAP_COUNT(2)
    li a0, MSTATUS_SIE
    csrc mstatus, a0
    EXPECT_TRAP(6f)
    ENTER_S(s_enable_sie)
6:  csrr s2, scause
    csrr s1, sepc
    li a0, MIP_SSIP
    csrc sip, a0
    BACK_TO_M
    CHECK_EQ(s2, CAUSE_SSI)
    la a0, s_sie_enabled
    sub s1, s1, a0
    CHECK_EQ(s1, 0)
    CHECK_STRAP_COUNT(3)
    /* U-mode takes an enabled S interrupt regardless of SIE */
    csrw mstatus, zero
    li a0, MIP_SSIP
    csrs mip, a0
    EXPECT_TRAP(7f)
    ENTER_U(u_spin)
7:  csrr s2, scause
    li a0, MIP_SSIP
    csrc sip, a0
    BACK_TO_M
    CHECK_EQ(s2, CAUSE_SSI)
    CHECK_STRAP_COUNT(4)
    TEST_PASS

u_ecall: ecall
s_illegal: .word 0xffffffff
s_ecall: ecall
s_enable_sie:
    csrsi sstatus, MSTATUS_SIE
s_sie_enabled:
    j s_sie_enabled
u_spin:
    j u_spin
