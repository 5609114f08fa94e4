/* RV32C: every RV32 compressed form (C.FLW/C.FSW and friends excluded: no F), written with
 * explicit c.* mnemonics so each assembles to its 16-bit encoding. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    .option push
    .option rvc
    la sp, stack_top
    la s0, data

    /* quadrant 0 */
    c.addi4spn s1, sp, 1020
    sub a0, s1, sp
    CHECK_EQ(a0, 1020)
    c.lw a1, 4(s0)
    CHECK_EQ(a1, 0x01234567)
    c.lw a2, 124(s0)
    CHECK_EQ(a2, 0x89abcdef)
    li a3, 0x55aa55aa
    mv a4, a3
    c.sw a4, 8(s0)
    lw a5, 8(s0)
    CHECK_EQ(a5, 0x55aa55aa)

    /* quadrant 1 */
    c.nop
    li a0, 10
    c.addi a0, -11
    CHECK_EQ(a0, -1)
    c.addi a0, 31
    CHECK_EQ(a0, 30)
    c.li a1, -32
    CHECK_EQ(a1, -32)
    c.li a1, 31
    CHECK_EQ(a1, 31)
    mv s1, sp
    c.addi16sp sp, -512
    sub a0, s1, sp
    CHECK_EQ(a0, 512)
    c.addi16sp sp, 496
    sub a0, s1, sp
    CHECK_EQ(a0, 16)
    c.addi16sp sp, 16
    c.lui a2, 0xfffe1            /* nzimm[17:12] = -31, sign-extended */
    CHECK_EQ(a2, 0xfffe1000)
    c.lui a2, 1
    CHECK_EQ(a2, 0x1000)
    li a3, 0x80000010
    mv s1, a3
    c.srli s1, 4
    CHECK_EQ(s1, 0x08000001)
    mv s1, a3
    c.srai s1, 4
    CHECK_EQ(s1, 0xf8000001)
    mv s1, a3
    c.srai s1, 31
    CHECK_EQ(s1, -1)
    mv s1, a3
    c.andi s1, -16
    CHECK_EQ(s1, 0x80000010)
    c.andi s1, 15
    CHECK_EQ(s1, 0)
    li s1, 100
    li a4, 58
    c.sub s1, a4
    CHECK_EQ(s1, 42)
    li s1, 0xf0f0
    li a4, 0xff00
    mv a5, s1
    c.xor a5, a4
    CHECK_EQ(a5, 0x0ff0)
    mv a5, s1
    c.or a5, a4
    CHECK_EQ(a5, 0xfff0)
    mv a5, s1
    c.and a5, a4
    CHECK_EQ(a5, 0xf000)

    c.j 1f
    FAIL_HERE
1:  c.jal 2f
3:  j 4f
2:  la a0, 3b
    sub a0, ra, a0             /* c.jal links pc + 2 */
    CHECK_EQ(a0, 0)
    ret
4:  li a0, 0
    c.beqz a0, 5f
    FAIL_HERE
5:  li a0, 1
    c.beqz a0, 6f
    c.bnez a0, 7f
6:  FAIL_HERE
7:  li s1, 0
    c.bnez s1, 6b

    /* backward compressed branch */
    li s1, 3
    li a0, 0
8:  addi a0, a0, 5
    addi s1, s1, -1
    c.bnez s1, 8b
    CHECK_EQ(a0, 15)

    /* quadrant 2 */
    li a0, 0x00010003
    c.slli a0, 15
    CHECK_EQ(a0, 0x80018000)
    c.slli a0, 1
    CHECK_EQ(a0, 0x00030000)
    li a1, 0x13572468
    c.swsp a1, 252(sp)
    c.lwsp a2, 252(sp)
    CHECK_EQ(a2, 0x13572468)
    lw a3, 252(sp)
    CHECK_EQ(a3, 0x13572468)
    c.swsp a1, 0(sp)
    c.lwsp a3, 0(sp)
    CHECK_EQ(a3, 0x13572468)
    li a4, 7
    c.mv a5, a4
    CHECK_EQ(a5, 7)
    c.add a5, a4
    CHECK_EQ(a5, 14)
    la a0, 10f
    c.jr a0
    FAIL_HERE
10: la a0, 11f
    c.jalr a0
12: j 13f
11: la a1, 12b
    sub a1, ra, a1             /* c.jalr links pc + 2 */
    CHECK_EQ(a1, 0)
    ret
13:
    /* c.jalr with rs1 == ra: the target is read before the link is written */
    la ra, 14f
    c.jalr ra
15: j 16f
14: la a1, 15b
    sub a1, ra, a1
    CHECK_EQ(a1, 0)
    ret
16:
    /* c.ebreak raises a breakpoint with mepc at the 16-bit instruction */
    EXPECT_TRAP(18f)
17: c.ebreak
    FAIL_HERE
18: CHECK_WORD(tandem_mtrap_record, CAUSE_BREAKPOINT)
    CHECK_MTRAP_EPC(17b)

    /* the all-zero halfword is illegal (other reserved encodings: mmu/sv32_vexriscv_quirks.S) */
    EXPECT_TRAP(20f)
19: .half 0x0000
    FAIL_HERE
20: CHECK_WORD(tandem_mtrap_record, CAUSE_ILLEGAL)
    CHECK_MTRAP_EPC(19b)
    .option pop
    TEST_PASS

    .data
    .balign 4
data:
    .word 0, 0x01234567, 0
    .fill 28, 4, 0
    .word 0x89abcdef
    .balign 16
    .skip 2048
stack_top:
    .skip 1024
