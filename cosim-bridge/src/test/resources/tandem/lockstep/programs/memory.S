# Loads and stores of every width and sign, to RAM; a copy loop; and a read-modify-write of a
# table, so the memory writes and load results are compared retire by retire.
#include "finish.h"
    .section .text.start
    .globl _start
_start:
    la   x10, table
    li   x1, 0x8899aabb
    sw   x1, 0(x10)
    sh   x1, 4(x10)
    sb   x1, 7(x10)
    lw   x2, 0(x10)
    lh   x3, 0(x10)
    lhu  x4, 2(x10)
    lb   x5, 3(x10)
    lbu  x6, 1(x10)
    lw   x7, 4(x10)
    lb   x8, 7(x10)
    # copy 64 words from src to dst, then sum dst
    la   x11, src
    la   x12, dst
    li   x13, 64
copy:
    lw   x14, 0(x11)
    sw   x14, 0(x12)
    addi x11, x11, 4
    addi x12, x12, 4
    addi x13, x13, -1
    bnez x13, copy
    la   x12, dst
    li   x13, 64
    li   x15, 0
sum:
    lw   x14, 0(x12)
    add  x15, x15, x14
    addi x12, x12, 4
    addi x13, x13, -1
    bnez x13, sum
    # src[i] = i * 3 + 1, so the sum is 3 * 2016 + 64
    li   x16, 6112
    bne  x15, x16, bad
    # bytes: increment each byte of a 16-byte buffer through lbu/sb
    la   x12, bytes
    li   x13, 16
inc:
    lbu  x14, 0(x12)
    addi x14, x14, 1
    sb   x14, 0(x12)
    addi x12, x12, 1
    addi x13, x13, -1
    bnez x13, inc
    la   x12, bytes
    lw   x17, 12(x12)
    li   x18, 0x100f0e0d
    bne  x17, x18, bad
    PASS
bad:
    FAIL(2)

    .data
    .align 4
table: .word 0, 0
src:
    .set i, 0
    .rept 64
    .word i * 3 + 1
    .set i, i + 1
    .endr
dst: .space 256
bytes:
    .byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
