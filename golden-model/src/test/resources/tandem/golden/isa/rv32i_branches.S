/* RV32I conditional branches (taken and not taken, signed and unsigned), JAL and JALR links. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    li a0, -1
    li a1, 1
    li s0, 0                 /* bit mask of branches that behaved */

    beq a0, a0, 1f
    FAIL_HERE
1:  beq a0, a1, 2f
    ori s0, s0, 1
2:  bne a0, a1, 3f
    FAIL_HERE
3:  bne a1, a1, 4f
    ori s0, s0, 2
4:  blt a0, a1, 5f           /* -1 < 1 signed */
    FAIL_HERE
5:  blt a1, a0, 6f
    ori s0, s0, 4
6:  bltu a1, a0, 7f          /* 1 < 0xffffffff unsigned */
    FAIL_HERE
7:  bltu a0, a1, 8f
    ori s0, s0, 8
8:  bge a1, a0, 9f
    FAIL_HERE
9:  bge a0, a0, 10f          /* equal counts as greater-or-equal */
    FAIL_HERE
10: bge a0, a1, 11f
    ori s0, s0, 16
11: bgeu a0, a1, 12f
    FAIL_HERE
12: bgeu a1, a0, 13f
    ori s0, s0, 32
13: CHECK_EQ(s0, 63)

    /* backward branch loop */
    li a2, 0
    li a3, 10
14: addi a2, a2, 3
    addi a3, a3, -1
    bnez a3, 14b
    CHECK_EQ(a2, 30)

    /* JAL links pc+4 */
    jal ra, 20f
21: FAIL_HERE
20: la a4, 21b
    sub a4, ra, a4
    CHECK_EQ(a4, 0)

    /* JALR: target = (rs1 + imm) & ~1, link = pc + 4, rd == rs1 allowed */
    la a5, 30f
    addi a5, a5, -3          /* odd: bit 0 is cleared by jalr */
    jalr a5, 4(a5)
31: FAIL_HERE
    .balign 4
30: la a4, 31b
    sub a4, a5, a4
    CHECK_EQ(a4, 0)

    /* JAL with rd = x0 does not link */
    li ra, 77
    j 40f
    FAIL_HERE
40: CHECK_EQ(ra, 77)
    TEST_PASS
