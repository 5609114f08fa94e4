# Bit-banged UART transmitter on pin 5, 8N1, one bit per quantum: QDIV sets the baud rate
# (QDIV int = BIO clock / baud). Bytes come from FIFO 0.
#include "bio.h"
    .text
    li      a0, 0x20
    mv      pinmask, a0
    mv      dirout, a0
    mv      pinset, a0          # idle high
1:
    mv      a1, fifo0           # next byte
    andi    a1, a1, 0xFF
    ori     a1, a1, 0x100       # stop bit after the 8 data bits
    slli    a1, a1, 6           # start bit (0) in bit 5, data from bit 6
    li      a2, 10              # start + 8 data + stop
2:
    mv      quantum, x0
    mv      pins, a1            # pin 5 takes bit 5 of a1
    srli    a1, a1, 1
    addi    a2, a2, -1
    bnez    a2, 2b
    mv      quantum, x0         # hold the stop bit for a full bit time
    j       1b
