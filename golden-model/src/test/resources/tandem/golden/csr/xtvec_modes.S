/* mtvec and stvec in direct mode (every trap at BASE) and vectored mode (exceptions at BASE,
 * interrupt n at BASE + 4n), for M-mode and for delegated S-mode traps. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    /* direct mode reads back its base */
    la a0, vtable
    csrw mtvec, a0
    CHECK_CSR_MASKED(mtvec, 3, 0)
    /* vectored mode reads back mode 1 */
    la a0, vtable
    ori a0, a0, 1
    csrw mtvec, a0
    csrr a1, mtvec
    CHECK_EQ_REG(a0, a1)

    /* an exception goes to BASE */
    la t4, 1f
    ecall
1:  CHECK_WORD(vector_taken, 0)
    CHECK_CSR(mcause, CAUSE_ECALL_M)

    /* the machine software interrupt goes to BASE + 12 */
    li a0, MIP_MSIP
    csrw mie, a0
    li a0, VIRT_CLINT_MSIP
    li a1, 1
    sw a1, 0(a0)
    la t4, 2f
    csrsi mstatus, MSTATUS_MIE
3:  j 3b
2:  li a0, VIRT_CLINT_MSIP
    sw zero, 0(a0)
    CHECK_WORD(vector_taken, 3)
    CHECK_CSR(mcause, CAUSE_MSI)

    /* the machine timer interrupt goes to BASE + 28 */
    li a0, MIP_MTIP
    csrw mie, a0
    li a0, VIRT_CLINT_MTIMECMP
    sw zero, 0(a0)
    sw zero, 4(a0)
    la t4, 4f
    csrsi mstatus, MSTATUS_MIE
5:  j 5b
4:  li a0, VIRT_CLINT_MTIMECMP
    li a1, -1
    sw a1, 4(a0)
    sw a1, 0(a0)
    CHECK_WORD(vector_taken, 7)
    csrw mie, zero

    /* stvec: vectored, delegated supervisor software interrupt taken in U-mode: BASE + 4 */
    la a0, tandem_mtrap
    csrw mtvec, a0
    la a0, vtable
    ori a0, a0, 1
    csrw stvec, a0
    csrr a1, stvec
    CHECK_EQ_REG(a0, a1)
    li a0, MIP_SSIP
    csrw mideleg, a0
    csrw mie, a0
    csrs mip, a0
    la t4, 6f
    ENTER_U(u_spin)
6:  csrr s2, scause
    csrci sip, MIP_SSIP
    BACK_TO_M
    CHECK_EQ(s2, CAUSE_SSI)
    CHECK_WORD(vector_taken, 1)
    /* a delegated exception still goes to BASE */
    li a0, 1 << CAUSE_ECALL_U
    csrw medeleg, a0
    la t4, 7f
    ENTER_U(u_ecall)
7:  csrr s2, scause
    BACK_TO_M
    CHECK_EQ(s2, CAUSE_ECALL_U)
    CHECK_WORD(vector_taken, 0)
    TEST_PASS

u_spin:
    j u_spin
u_ecall:
    ecall

/* Each slot links its own address so the common code can tell which slot ran; it records the
 * slot number in vector_taken and resumes at t4 like the default handlers (in M or S). */
    .balign 64
    .option push
    .option norvc
vtable:
    .rept 16
    jal t5, vector_common
    .endr
    .option pop
vector_common:
    la t6, vtable + 4
    sub t5, t5, t6
    srli t5, t5, 2
    la t6, vector_taken
    sw t5, 0(t6)
    mv t5, t4
    li t4, 0
    jr t5

    .bss
    .balign 4
vector_taken: .word 0
