# SPI-like shifter on core 1, mode 0, MSB first: words from FIFO 1 go out on MOSI (pin 1) with
# the clock on SCK (pin 2); MISO (pin 3) is sampled on each rising clock edge and the received
# word goes to FIFO 2. Half a clock period per quantum.
#include "bio.h"
    .text
    li      a0, 0x06            # MOSI and SCK are outputs
    mv      pinmask, a0
    mv      dirout, a0
    li      s0, 0x04            # SCK
    li      s1, 0
1:
    mv      a1, fifo1           # word to send
    li      a2, 32
    li      a3, 0               # received word
2:
    srli    t0, a1, 30          # MSB to bit 1 (MOSI)
    li      a0, 0x02
    mv      pinmask, a0
    mv      quantum, x0
    mv      pins, t0            # data out while SCK is low
    slli    a1, a1, 1
    mv      pinmask, s0
    mv      quantum, x0
    mv      pinset, s0          # SCK rises
    mv      t1, pins            # sample MISO
    srli    t1, t1, 3
    andi    t1, t1, 1
    slli    a3, a3, 1
    or      a3, a3, t1
    mv      quantum, x0
    mv      pinclr, s1          # SCK falls
    addi    a2, a2, -1
    bnez    a2, 2b
    mv      fifo2, a3
    j       1b
