# Machine timer interrupts from the virt platform's CLINT (needs Zicsr: for VexRiscv, not for
# RiscvCore). Three interrupts are taken; each handler moves mtimecmp further on. In lockstep
# the RTL decides where each interrupt lands and the golden model must agree it was pending
# and enabled there.
#include "finish.h"
#define MTIMECMP 0x02004000
    .section .text.start
    .globl _start
_start:
    la   t0, handler
    csrw mtvec, t0
    li   s0, 0                  # interrupts taken
    li   s2, 400                # next compare value
    li   t0, MTIMECMP
    sw   zero, 4(t0)
    sw   s2, 0(t0)
    li   t0, 0x80
    csrs mie, t0                # MTIE
    csrsi mstatus, 8            # MIE
spin:
    addi s1, s1, 1
    li   t2, 3
    blt  s0, t2, spin
    csrci mstatus, 8
    PASS

    .align 2
handler:
    addi s0, s0, 1
    addi s2, s2, 600
    li   t0, MTIMECMP
    sw   s2, 0(t0)
    mret
