# BIO side of the host example: core 0 takes each word the host pushes into FIFO 0, shows its
# low byte on pins 7:0 and returns twice the word on FIFO 1.
#include "bio.h"
    .text
    li      a0, 0xFF
    mv      pinmask, a0
    mv      dirout, a0
1:
    mv      a1, fifo0
    mv      pins, a1
    slli    a2, a1, 1
    mv      fifo1, a2
    j       1b
