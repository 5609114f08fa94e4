/* RV32I loads (sign and zero extension) and stores of every width, with negative offsets. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    la s0, data
    lb a0, 0(s0)
    CHECK_EQ(a0, 0xffffff80)
    lbu a0, 0(s0)
    CHECK_EQ(a0, 0x80)
    lb a0, 1(s0)
    CHECK_EQ(a0, 0x7f)
    lh a0, 2(s0)
    CHECK_EQ(a0, 0xffff8001)
    lhu a0, 2(s0)
    CHECK_EQ(a0, 0x8001)
    lw a0, 4(s0)
    CHECK_EQ(a0, 0xdeadbeef)
    lw a0, 0(s0)
    CHECK_EQ(a0, 0x80017f80)

    addi s1, s0, 16
    lw a0, -12(s1)
    CHECK_EQ(a0, 0xdeadbeef)

    la s2, buf
    li a1, 0x11223344
    sw a1, 0(s2)
    li a1, 0xaabb
    sh a1, 4(s2)
    li a1, 0x1ccdd      /* only the low half is stored */
    sh a1, 6(s2)
    li a1, 0x1ee
    sb a1, 8(s2)
    sb a1, 9(s2)
    sb zero, 10(s2)
    li a1, 0x5a
    sb a1, -1(s2)       /* store just below the buffer */
    lw a0, 0(s2)
    CHECK_EQ(a0, 0x11223344)
    lw a0, 4(s2)
    CHECK_EQ(a0, 0xccddaabb)
    lhu a0, 8(s2)
    CHECK_EQ(a0, 0xeeee)
    lbu a0, 10(s2)
    CHECK_EQ(a0, 0)
    lb a0, -1(s2)
    CHECK_EQ(a0, 0x5a)
    sb a1, 2(s2)
    lw a0, 0(s2)
    CHECK_EQ(a0, 0x115a3344)

    /* a load into x0 has no effect on registers */
    lw zero, 4(s0)
    CHECK_EQ(zero, 0)
    TEST_PASS

    .data
    .balign 4
data:
    .byte 0x80, 0x7f, 0x01, 0x80
    .word 0xdeadbeef
    .word 0, 0
pad:
    .word 0
buf:
    .word 0, 0, 0, 0
