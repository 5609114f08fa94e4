# Host <-> core exchange: the host pushes words into FIFO 2; core 2 returns each word times
# three on FIFO 3 and pulses pin 4 once per word.
#include "bio.h"
    .text
    li      a0, 0x10
    mv      pinmask, a0
    mv      dirout, a0
    li      a2, 3
    li      a3, 0
1:
    mv      a1, fifo2           # copy first: a multiply reading a FIFO pops it every cycle
    mul     a1, a1, a2
    mv      fifo3, a1
    mv      pinset, a0
    mv      pinclr, a3
    j       1b
