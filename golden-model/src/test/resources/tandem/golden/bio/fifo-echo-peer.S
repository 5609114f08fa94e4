# Core 1 of the FIFO echo: pop FIFO 0, add 0x10, push to FIFO 1.
#include "bio.h"
    .text
1:
    addi    fifo1, fifo0, 0x10
    j       1b
