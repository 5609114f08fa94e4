/* RV32I register-register and register-immediate arithmetic, logic, shifts and compares. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    li a0, 0x7fffffff
    li a1, 1
    add a2, a0, a1
    CHECK_EQ(a2, 0x80000000)
    sub a2, a1, a0
    CHECK_EQ(a2, 0x80000002)
    sub a2, zero, a1
    CHECK_EQ(a2, -1)
    li a0, 0xf0f0ff00
    li a1, 0x0ff0f0f0
    and a2, a0, a1
    CHECK_EQ(a2, 0x00f0f000)
    or a2, a0, a1
    CHECK_EQ(a2, 0xfff0fff0)
    xor a2, a0, a1
    CHECK_EQ(a2, 0xff000ff0)

    li a0, 0x80000001
    li a1, 33            /* shift amounts use the low 5 bits only */
    sll a2, a0, a1
    CHECK_EQ(a2, 0x00000002)
    srl a2, a0, a1
    CHECK_EQ(a2, 0x40000000)
    sra a2, a0, a1
    CHECK_EQ(a2, 0xc0000000)
    li a1, 31
    sra a2, a0, a1
    CHECK_EQ(a2, -1)
    srl a2, a0, a1
    CHECK_EQ(a2, 1)
    slli a2, a0, 31
    CHECK_EQ(a2, 0x80000000)
    srli a2, a0, 4
    CHECK_EQ(a2, 0x08000000)
    srai a2, a0, 4
    CHECK_EQ(a2, 0xf8000000)
    srai a2, a0, 0
    CHECK_EQ(a2, 0x80000001)

    li a0, -1
    li a1, 1
    slt a2, a0, a1
    CHECK_EQ(a2, 1)
    sltu a2, a0, a1
    CHECK_EQ(a2, 0)
    slt a2, a1, a0
    CHECK_EQ(a2, 0)
    sltu a2, a1, a0
    CHECK_EQ(a2, 1)
    slt a2, a1, a1
    CHECK_EQ(a2, 0)
    slti a2, a0, 0
    CHECK_EQ(a2, 1)
    sltiu a2, a1, -1     /* the immediate is sign-extended, then compared unsigned */
    CHECK_EQ(a2, 1)
    sltiu a2, zero, 1    /* seqz */
    CHECK_EQ(a2, 1)
    sltu a2, zero, a1    /* snez */
    CHECK_EQ(a2, 1)

    li a0, 0x12345678
    addi a2, a0, -2048
    CHECK_EQ(a2, 0x12344e78)
    addi a2, a0, 2047
    CHECK_EQ(a2, 0x12345e77)
    andi a2, a0, -16
    CHECK_EQ(a2, 0x12345670)
    ori a2, a0, 0x7ff
    CHECK_EQ(a2, 0x123457ff)
    xori a2, a0, -1
    CHECK_EQ(a2, 0xedcba987)

    lui a2, 0xfffff
    CHECK_EQ(a2, 0xfffff000)
    lui a2, 0x80000
    CHECK_EQ(a2, 0x80000000)
1:  auipc a2, 0
    la a3, 1b
    sub a2, a2, a3
    CHECK_EQ(a2, 0)
    .option push
    .option norvc
2:  auipc a2, 0x1
    .option pop
    la a3, 2b
    li t6, 0x1000
    add a3, a3, t6
    sub a2, a2, a3
    CHECK_EQ(a2, 0)

    /* writes to x0 are discarded */
    li a0, 5
    add zero, a0, a0
    addi zero, zero, 1
    lui zero, 1
    CHECK_EQ(zero, 0)
    TEST_PASS
