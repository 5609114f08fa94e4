/* RV32A LR/SC: SC succeeds (rd = 0) only while the reservation from LR is held; an SC or any
 * store ends the reservation, and a failed SC leaves memory alone. VexRiscv keeps one
 * reservation bit without an address, so an SC to another address after LR succeeds there. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    la s0, word
    la s1, other
    li a0, 100
    sw a0, 0(s0)

    /* LR then SC to the same address succeeds */
    lr.w a1, (s0)
    CHECK_EQ(a1, 100)
    li a2, 101
    sc.w a3, a2, (s0)
    CHECK_EQ(a3, 0)
    lw a4, 0(s0)
    CHECK_EQ(a4, 101)

    /* the SC consumed the reservation: a second SC fails and does not write */
    li a2, 102
    sc.w a3, a2, (s0)
    bnez a3, 1f
    FAIL_HERE
1:  lw a4, 0(s0)
    CHECK_EQ(a4, 101)

    /* a plain store to the reserved word between LR and SC makes the SC fail */
    lr.w a1, (s0)
    li a2, 200
    sw a2, 0(s0)
    li a2, 103
    sc.w a3, a2, (s0)
    bnez a3, 2f
    FAIL_HERE
2:  lw a4, 0(s0)
    CHECK_EQ(a4, 200)

    /* aq/rl variants */
    lr.w.aq a1, (s0)
    li a2, 300
    sc.w.rl a3, a2, (s0)
    CHECK_EQ(a3, 0)
    lw a4, 0(s0)
    CHECK_EQ(a4, 300)

    /* an AMO to the reserved word is a store: it ends the reservation */
    lr.w a1, (s0)
    li a2, 1
    amoadd.w zero, a2, (s0)
    li a2, 999
    sc.w a3, a2, (s0)
    bnez a3, 3f
    FAIL_HERE
3:  lw a4, 0(s0)
    CHECK_EQ(a4, 301)

#ifndef TANDEM_QEMU
    /* VexRiscv: the reservation has no address; a store or AMO anywhere ends it ... */
    lr.w a1, (s0)
    sw zero, 0(s1)
    li a2, 302
    sc.w a3, a2, (s0)
    CHECK_EQ(a3, 1)
    lr.w a1, (s0)
    amoadd.w zero, zero, (s1)
    li a2, 302
    sc.w a3, a2, (s0)
    CHECK_EQ(a3, 1)
    /* ... and an SC to another address than the LR's succeeds */
    lr.w a1, (s0)
    li a2, 77
    sc.w a3, a2, (s1)
    CHECK_EQ(a3, 0)
    lw a4, 0(s1)
    CHECK_EQ(a4, 77)
#endif
    TEST_PASS

    .data
    .balign 4
word:  .word 0
other: .word 0
