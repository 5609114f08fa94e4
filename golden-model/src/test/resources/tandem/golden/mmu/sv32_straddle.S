/* A 32-bit instruction whose first half ends one virtual page and whose second half starts the
 * next, with the two pages mapped to unrelated physical pages (the second below the first); and
 * the same instruction with the second page unmapped: a fetch page fault with mepc at the
 * instruction and mtval at the start of the missing page. */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    /* assemble the code pages: straddle_lo ends with the first half of `addi a0, a1, 0x123`,
     * straddle_hi starts with its second half followed by an ecall */
    la t0, insn_template
    lhu t1, 0(t0)
    lhu t2, 2(t0)
    la s0, straddle_lo
    li t3, 4094
    add s0, s0, t3
    sh t1, 0(s0)
    la s1, straddle_hi
    sh t2, 0(s1)
    lhu t1, 4(t0)
    sh t1, 2(s1)
    lhu t1, 6(t0)
    sh t1, 4(s1)
    fence.i
    SV32_ON
    MAP_TEST(4, straddle_lo, PTE_V | PTE_X | PTE_A)
    MAP_TEST(5, straddle_hi, PTE_V | PTE_X | PTE_A)
    li a1, 0x100
    li a0, TEST_VA(5) - 2
    IN_S(s_fetch)
    CHECK_S_OK
    CHECK_EQ(a0, 0x223)
    CHECK_MTRAP_EPC_VALUE(TEST_VA(5) + 2)

    SET_TEST_PTE(5, 0)
    li a1, 0x100
    li a0, TEST_VA(5) - 2
    IN_S(s_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(5))
    CHECK_MTRAP_EPC_VALUE(TEST_VA(5) - 2)
    TEST_PASS

    .option push
    .option norvc
insn_template:
    addi a0, a1, 0x123
    ecall
    .option pop

    .data
    .balign 4096
straddle_hi: .skip 4096
straddle_lo: .skip 4096
