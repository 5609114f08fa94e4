# BIO side of the interrupt example: core 0 waits three quanta, then raises event bit 3.
#include "bio.h"
    .text
    li      a0, 8
    mv      quantum, x0
    mv      quantum, x0
    mv      quantum, x0
    mv      evset, a0
1:  j       1b
