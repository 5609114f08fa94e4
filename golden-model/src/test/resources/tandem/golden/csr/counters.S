/* cycle/instret/time and their high halves, the machine counters mcycle/minstret(h):
 * readable, counting up; the golden model counts minstret exactly (one per retired instruction,
 * a csrr reads the count before its own retirement); mcycle/minstret are writable. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    csrr a0, cycle
    csrr a1, instret
    nop
    nop
    csrr a2, cycle
    csrr a3, instret
    sub a2, a2, a0
    sub a3, a3, a1
    bnez a2, 1f
    FAIL_HERE
1:  bnez a3, 2f
    FAIL_HERE
2:  csrr a0, cycleh
    csrr a0, instreth
    csrr a0, mcycleh
    csrr a0, minstreth
    csrr a0, time
    csrr a0, timeh
    csrr a0, mcycle
    csrr a1, minstret
#ifndef TANDEM_QEMU
    /* exact retirement count: 4 instructions retire between the two reads */
    csrr a0, minstret
    nop
    nop
    nop
    csrr a1, minstret
    sub a1, a1, a0
    CHECK_EQ(a1, 4)
    /* instret is the same counter */
    csrr a0, minstret
    csrr a1, instret
    sub a1, a1, a0
    CHECK_EQ(a1, 1)
    /* writes to the machine counters take effect (QEMU without -icount derives them from the
     * host clock) */
    csrw minstreth, zero
    li a0, 1000
    csrw minstret, a0
    csrr a1, minstret
    sub a1, a1, a0
    sltiu a1, a1, 100
    CHECK_EQ(a1, 1)
    li a0, 7
    csrw minstreth, a0
    csrr a1, minstreth
    CHECK_EQ(a1, 7)
    csrr a1, instreth
    CHECK_EQ(a1, 7)
    csrw mcycleh, zero
    csrw mcycle, zero
    csrr a1, mcycleh
    CHECK_EQ(a1, 0)
    /* a carry out of the low half reaches the high half */
    csrw minstreth, zero
    li a0, -3
    csrw minstret, a0
    nop
    nop
    nop
    nop
    csrr a1, minstreth
    CHECK_EQ(a1, 1)
#endif
    TEST_PASS
