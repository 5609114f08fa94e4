/* With several interrupts pending and enabled at once, M-mode takes them in the privileged
 * spec's order MEI > MSI > MTI > SEI > SSI > STI. MSI and MTI come from the CLINT, SSI and STI
 * from mip writes; on the golden model MEI and SEI come from the VexRiscv IRQ array, whose
 * line 5 the harness drives high (IrqArrayTest / InterruptTest). */
#include "tandem_test.h"
#define IRQ_LINE_BIT (1 << 5)
    .text
    .globl tandem_test
tandem_test:
    csrw mideleg, zero
    li a0, MIP_MSIP | MIP_MTIP | MIP_MEIP | MIP_SSIP | MIP_STIP | MIP_SEIP
    csrw mie, a0
    /* raise everything while MIE = 0 */
    li a0, VIRT_CLINT_MSIP
    li a1, 1
    sw a1, 0(a0)
    li a0, VIRT_CLINT_MTIMECMP
    sw zero, 0(a0)
    sw zero, 4(a0)
    li a0, MIP_SSIP | MIP_STIP
    csrs mip, a0
#ifndef TANDEM_QEMU
    li a0, IRQ_LINE_BIT
    csrw CSR_MIRQ_MASK, a0
    csrw CSR_SIRQ_MASK, a0
#endif
    la s0, expected
    la s1, expected_end
next:
    bgeu s0, s1, done
    EXPECT_TRAP(taken)
    csrsi mstatus, MSTATUS_MIE
    li a0, 100000
1:  addi a0, a0, -1
    bnez a0, 1b
    FAIL_HERE                   /* no interrupt arrived */
taken:
    la t5, tandem_mtrap_record
    lw a0, 0(t5)
    lw a1, 0(s0)
    CHECK_EQ_REG(a0, a1)
    addi s0, s0, 4
    /* clear the source just taken */
    li a1, CAUSE_MSI
    bne a0, a1, 2f
    li a2, VIRT_CLINT_MSIP
    sw zero, 0(a2)
2:  li a1, CAUSE_MTI
    bne a0, a1, 3f
    li a2, VIRT_CLINT_MTIMECMP
    li a3, -1
    sw a3, 4(a2)
    sw a3, 0(a2)
3:  li a1, CAUSE_SSI
    bne a0, a1, 4f
    csrci mip, MIP_SSIP
4:  li a1, CAUSE_STI
    bne a0, a1, 5f
    li a2, MIP_STIP
    csrc mip, a2
5:
#ifndef TANDEM_QEMU
    li a1, CAUSE_MEI
    bne a0, a1, 6f
    csrw CSR_MIRQ_MASK, zero
6:  li a1, CAUSE_SEI
    bne a0, a1, 7f
    csrw CSR_SIRQ_MASK, zero
7:
#endif
    j next
done:
    /* nothing left pending */
    CHECK_CSR_MASKED(mip, MIP_MSIP | MIP_MTIP | MIP_MEIP | MIP_SSIP | MIP_STIP | MIP_SEIP, 0)
    TEST_PASS

    .section .rodata
    .balign 4
expected:
#ifndef TANDEM_QEMU
    .word CAUSE_MEI
    .word CAUSE_MSI
    .word CAUSE_MTI
    .word CAUSE_SEI
    .word CAUSE_SSI
    .word CAUSE_STI
#else
    /* QEMU 7.2 without AIA takes the lowest-numbered pending interrupt first; checking that
     * order there still proves the raising and clearing code of this program. */
    .word CAUSE_SSI
    .word CAUSE_MSI
    .word CAUSE_STI
    .word CAUSE_MTI
#endif
expected_end:
