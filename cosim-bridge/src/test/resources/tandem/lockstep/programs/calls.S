# Calls and returns through the stack: recursive Fibonacci, a callee-saved register dance and
# an indirect call through a table, so jal/jalr link values, sp arithmetic and stack traffic
# are compared.
#include "finish.h"
    .section .text.start
    .globl _start
_start:
    la   sp, _stack_top
    li   a0, 12
    call fib
    li   t0, 144
    bne  a0, t0, bad
    li   s0, 0x1111
    li   s1, 0x2222
    call clobber
    li   t0, 0x1111
    bne  s0, t0, bad
    li   t0, 0x2222
    bne  s1, t0, bad
    la   t1, table
    lw   t2, 4(t1)
    li   a0, 7
    jalr t2
    li   t0, 21
    bne  a0, t0, bad
    PASS
bad:
    FAIL(3)

fib:                        # a0 = fib(a0)
    li   t0, 2
    blt  a0, t0, 1f
    addi sp, sp, -12
    sw   ra, 8(sp)
    sw   s0, 4(sp)
    sw   a0, 0(sp)
    addi a0, a0, -1
    call fib
    mv   s0, a0
    lw   a0, 0(sp)
    addi a0, a0, -2
    call fib
    add  a0, a0, s0
    lw   s0, 4(sp)
    lw   ra, 8(sp)
    addi sp, sp, 12
1:  ret

clobber:                    # saves and restores s0/s1 around changing them
    addi sp, sp, -8
    sw   s0, 0(sp)
    sw   s1, 4(sp)
    li   s0, -1
    li   s1, -2
    lw   s0, 0(sp)
    lw   s1, 4(sp)
    addi sp, sp, 8
    ret

double: slli a0, a0, 1
    ret
triple: slli t0, a0, 1
    add  a0, a0, t0
    ret

    .data
    .align 2
table: .word double, triple
