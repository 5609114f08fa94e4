/* 32-bit instructions at 2 mod 4, straddling a word boundary and (without translation) a 4 KiB
 * page boundary, mixed with 16-bit instructions; jumps and branches into halfword addresses.
 * The 32-bit instructions use operands that have no compressed form. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    .option push
    .option rvc
    li a0, 0
    la t2, data
    .balign 4
    c.nop
    addi a1, a0, 1              /* at 4n+2 */
    c.addi a1, 1
    lw t1, 0(t2)
    c.mv a2, t1
    beq a1, a1, 1f              /* at 4n+2, to a halfword target */
    FAIL_HERE
    .balign 4
    c.nop
1:  jal t0, 2f                  /* at 4n+2: links 4n+6 */
3:  j 4f
2:  la a3, 3b
    sub a3, t0, a3
    CHECK_EQ(a3, 0)
    jr t0
4:  CHECK_EQ(a1, 2)
    CHECK_EQ(a2, 0x600dc0de)

    /* a 32-bit instruction whose halves sit in two physical pages */
    j straddle_page
back:
    CHECK_EQ(a0, 0x102)
    TEST_PASS

    .section .text.page, "ax"
    .balign 4096
    .skip 4094
straddle_page:                  /* 0x...ffe */
    addi a0, a1, 0x100
    j back
    .option pop

    .data
    .balign 4
data: .word 0x600dc0de
