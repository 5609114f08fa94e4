# BIO benchmark load for the quantum-paced case, the same image on all four cores: each core
# bit-bangs its own pin once per quantum (as a UART or SPI transmitter does), shifting a data
# word and counting bits between the waits.
#include "bio.h"
    .text
    mv      a0, clk
    srli    a0, a0, 30          # core number
    li      a1, 1
    sll     a1, a1, a0          # this core's pin
    mv      pinmask, a1
    mv      dirout, a1
    li      a2, 0x5A5A5A5A      # data to send
    li      a3, 0
1:
    mv      quantum, x0         # wait for the next bit time
    and     a4, a2, a1
    mv      pins, a4
    srli    a5, a2, 31
    slli    a2, a2, 1
    or      a2, a2, a5          # rotate the data word
    addi    a3, a3, 1
    j       1b
