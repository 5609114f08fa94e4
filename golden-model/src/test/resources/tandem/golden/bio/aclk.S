# Timing probe after the BIO "ACLK test": sample the clock counter into FIFO 1 around a nop and
# two quantum waits. Run on core 1 with QDIV1 = 0x000A_0000 (one quantum every 10 BIO clocks).
#include "bio.h"
    .text
    .option rvc
    mv      fifo1, clk
    mv      fifo1, clk
    mv      fifo1, clk
    nop
    mv      fifo1, clk
    mv      fifo1, clk
    c.li    quantum, 0
    mv      fifo1, clk
    c.li    quantum, 0
    mv      fifo1, clk
    ebreak
