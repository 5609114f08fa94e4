/* RV32M: products (low, high signed/unsigned/mixed), quotients and remainders, including the
 * spec's results for division by zero and for the signed overflow -2^31 / -1. */
#include "tandem_test.h"
#define M(op, a, b, expect) li a0, a; li a1, b; op a2, a0, a1; CHECK_EQ(a2, expect)
    .text
    .globl tandem_test
tandem_test:
    M(mul,    7, -3, -21)
    M(mul,    0x12345678, 0x9abcdef0, 0x242d2080)
    M(mulh,   0x12345678, 0x9abcdef0, 0xf8cc93d6)
    M(mulhu,  0x12345678, 0x9abcdef0, 0x0b00ea4e)
    M(mulhsu, 0x12345678, 0x9abcdef0, 0x0b00ea4e)
    M(mulhsu, 0x9abcdef0, 0x12345678, 0xf8cc93d6)
    M(mulh,   0x80000000, 0x80000000, 0x40000000)
    M(mulhu,  0xffffffff, 0xffffffff, 0xfffffffe)
    M(mulhsu, -1, 0xffffffff, -1)
    M(mulh,   -1, -1, 0)

    M(div,    -20, 6, -3)         /* rounds toward zero */
    M(rem,    -20, 6, -2)         /* sign of the dividend */
    M(div,    20, -6, -3)
    M(rem,    20, -6, 2)
    M(divu,   0xfffffffe, 3, 0x55555554)
    M(remu,   0xfffffffe, 3, 2)

    /* division by zero */
    M(div,    123, 0, -1)
    M(divu,   123, 0, 0xffffffff)
    M(rem,    -123, 0, -123)
    M(remu,   123, 0, 123)
    M(div,    0, 0, -1)

    /* signed overflow */
    M(div,    0x80000000, -1, 0x80000000)
    M(rem,    0x80000000, -1, 0)
    M(divu,   0x80000000, -1, 0)
    M(remu,   0x80000000, -1, 0x80000000)

    /* rd equal to a source */
    li a0, 6
    li a1, 7
    mul a0, a0, a1
    CHECK_EQ(a0, 42)
    div a1, a0, a1
    CHECK_EQ(a1, 6)
    TEST_PASS
