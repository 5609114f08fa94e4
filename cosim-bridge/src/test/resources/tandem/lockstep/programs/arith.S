# ALU, shifts, compares, M extension corner cases, branches and a loop; every result lands in
# a register so lockstep compares it. x31 ends as a checksum the test also checks on the RTL.
#include "finish.h"
    .section .text.start
    .globl _start
_start:
    li   x1, 0x12345678
    li   x2, -7
    add  x3, x1, x2
    sub  x4, x1, x2
    xor  x5, x1, x2
    or   x6, x1, x2
    and  x7, x1, x2
    sll  x8, x1, x2
    srl  x9, x1, x2
    sra  x10, x2, x1
    slt  x11, x2, x1
    sltu x12, x2, x1
    slli x13, x1, 3
    srli x14, x2, 31
    srai x15, x2, 1
    addi x16, x1, -2048
    xori x17, x1, 0x7ff
    lui  x18, 0xfffff
    auipc x19, 0
    mul  x20, x1, x2
    mulh x21, x1, x2
    mulhsu x22, x2, x1
    mulhu x23, x2, x1
    div  x24, x1, x2
    divu x25, x1, x2
    rem  x26, x1, x2
    remu x27, x1, x2
    # division corner cases: by zero and INT_MIN / -1
    li   x28, 0x80000000
    li   x29, -1
    div  x20, x28, x29
    rem  x21, x28, x29
    div  x22, x1, x0
    divu x23, x1, x0
    rem  x24, x1, x0
    remu x25, x1, x0
    # a loop: x31 = sum of i*i for i in 1..100
    li   x31, 0
    li   x30, 1
    li   x29, 101
loop:
    mul  x28, x30, x30
    add  x31, x31, x28
    addi x30, x30, 1
    blt  x30, x29, loop
    li   x28, 338350
    bne  x31, x28, bad
    # branches of every kind, taken and not taken
    li   x1, 5
    li   x2, -5
    beq  x1, x2, bad
    bne  x1, x1, bad
    blt  x1, x2, bad
    bge  x2, x1, bad
    bltu x2, x1, bad
    bgeu x1, x2, bad
    jal  x5, 1f
1:  jalr x6, 8(x5)
    j    bad
    PASS
bad:
    FAIL(1)
