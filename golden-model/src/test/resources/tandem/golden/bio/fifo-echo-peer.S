# Core 1 of the FIFO echo: pop FIFO 0, add 0x10, push to FIFO 1.
# Not "addi fifo1, fifo0, 0x10": that immediate puts 16 in the rs2 field, which cancels the
# FIFO 0 pop (the read becomes a peek); see BioBlockTest.
#include "bio.h"
    .text
1:
    mv      t0, fifo0
    addi    fifo1, t0, 0x10
    j       1b
