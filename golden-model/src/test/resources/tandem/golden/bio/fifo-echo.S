# Two cores talk through FIFOs. Core 0 (entry 0) sends 1, 2, 3 ... to FIFO 0 and shows each
# word that comes back on FIFO 1 on pins 0-7. Core 1 (entry "echo", load at its address 0)
# returns every word plus 0x10.
#include "bio.h"
    .text
    .globl sender
sender:
    li      a0, 0xFF
    mv      pinmask, a0
    mv      dirout, a0
    li      a1, 0
1:
    addi    a1, a1, 1
    mv      fifo0, a1           # push; waits while FIFO 0 is full
    mv      pins, fifo1         # pop the echo (waits while empty) and drive pins 0-7
    j       1b
