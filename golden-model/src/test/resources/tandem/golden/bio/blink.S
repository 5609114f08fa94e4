# Blink pin 21 by busy-waiting: 2000 writes to pinset, then 2000 to pinclr, forever.
# The same instruction sequence as the blink that the BIO simulator ships with, so that the
# published pin-change cycles apply.
#include "bio.h"
    .text
_start:
    lui     sp, 1
    j       main
main:
    li      a1, 0
    lui     a0, 512            # 1 << 21
    mv      pinmask, a0
    mv      dirout, a0
    mv      pinclr, a1
    li      a2, 2000
high:
    mv      pinset, a0
    addi    a1, a1, 1
    bne     a1, a2, high
    li      a3, 2000
low:
    li      a1, 0
    mv      pinclr, a1
    addi    a3, a3, -1
    bnez    a3, low
    j       high
