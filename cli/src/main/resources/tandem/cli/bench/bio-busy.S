# BIO benchmark load, the same image on all four cores: ALU work, a branch per iteration, a
# multiply, a load and a store, and a FIFO hand-off around the ring of cores every 16
# iterations (core n pushes to FIFO n and pops FIFO n-1), so every core is busy every cycle
# and the block's arbitration is exercised.
#include "bio.h"
    .text
    mv      a0, clk
    srli    a0, a0, 30          # core number
    addi    a1, a0, -1
    andi    a1, a1, 3           # the FIFO this core pops
    li      a2, 0
    li      s0, 0x100           # scratch data address
    li      s1, 0
    li      a0, 0x0F
    mv      pinmask, a0
    mv      dirout, a0
1:
    addi    a2, a2, 1
    xor     a3, a2, a0
    slli    a4, a3, 3
    add     a5, a4, a2
    mul     a5, a5, a3
    sw      a5, 0(s0)
    lw      a4, 0(s0)
    mv      pins, a4
    andi    t0, a2, 15
    bnez    t0, 1b
    mv      a0, clk             # hand a word around the ring: push to FIFO n ...
    srli    a0, a0, 30
    beqz    a0, 10f
    li      t1, 1
    beq     a0, t1, 11f
    li      t1, 2
    beq     a0, t1, 12f
    mv      fifo3, a2
    mv      s1, fifo2
    j       1b
10: mv      fifo0, a2
    mv      s1, fifo3
    j       1b
11: mv      fifo1, a2
    mv      s1, fifo0
    j       1b
12: mv      fifo2, a2
    mv      s1, fifo1
    j       1b
