# Device accesses outside RAM: the CLINT's mtime read twice (the RTL's values are replayed
# into the golden model, so both sides see the same time), the UART's line status polled and
# a line written to it. Only RV32IM instructions, no CSRs.
#include "finish.h"
#define CLINT_MTIME 0x0200bff8
#define UART 0x10000000
    .section .text.start
    .globl _start
_start:
    li   s0, CLINT_MTIME
    lw   s1, 0(s0)
    li   t0, 50
1:  addi t0, t0, -1
    bnez t0, 1b
    lw   s2, 0(s0)
    sub  s3, s2, s1         # time moved forward (or stayed): s3 >= 0
    bltz s3, bad
    li   s4, UART
    la   s5, message
next:
    lbu  a0, 0(s5)
    beqz a0, done
wait:
    lbu  t1, 5(s4)          # LSR: bit 5 = transmitter holding register empty
    andi t1, t1, 0x20
    beqz t1, wait
    sb   a0, 0(s4)
    addi s5, s5, 1
    j    next
done:
    PASS
bad:
    FAIL(4)

    .data
message: .asciz "lockstep\n"
