/* RV32A: every AMO returns the old word and stores op(old, rs2); aq/rl forms; rd = x0. */
#include "tandem_test.h"
#define AMO(op, old, src, expect_mem) \
    li a0, old; sw a0, 0(s0); li a1, src; op a2, a1, (s0); CHECK_EQ(a2, old); lw a3, 0(s0); CHECK_EQ(a3, expect_mem)
    .text
    .globl tandem_test
tandem_test:
    la s0, word
    AMO(amoswap.w,  0x11111111, 0x22222222, 0x22222222)
    AMO(amoadd.w,   0xfffffff0, 0x20, 0x10)
    AMO(amoxor.w,   0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
    AMO(amoand.w,   0xff00ff00, 0x0ff00ff0, 0x0f000f00)
    AMO(amoor.w,    0xff00ff00, 0x0ff00ff0, 0xfff0fff0)
    AMO(amomin.w,   -5, 3, -5)
    AMO(amomin.w,   5, -3, -3)
    AMO(amomax.w,   -5, 3, 3)
    AMO(amomax.w,   5, -3, 5)
    AMO(amominu.w,  0xfffffffb, 3, 3)
    AMO(amominu.w,  3, 0xfffffffb, 3)
    AMO(amomaxu.w,  0xfffffffb, 3, 0xfffffffb)
    AMO(amomaxu.w,  3, 0xfffffffb, 0xfffffffb)
    AMO(amoadd.w.aq,   1, 2, 3)
    AMO(amoadd.w.rl,   1, 2, 3)
    AMO(amoadd.w.aqrl, 1, 2, 3)

    /* rd = x0 still writes memory */
    li a0, 40
    sw a0, 0(s0)
    li a1, 2
    amoadd.w zero, a1, (s0)
    lw a3, 0(s0)
    CHECK_EQ(a3, 42)
    /* rd = rs2: the old value lands in rd, the source was read first */
    li a1, 8
    amoswap.w a1, a1, (s0)
    CHECK_EQ(a1, 42)
    lw a3, 0(s0)
    CHECK_EQ(a3, 8)
    TEST_PASS

    .data
    .balign 4
word: .word 0
