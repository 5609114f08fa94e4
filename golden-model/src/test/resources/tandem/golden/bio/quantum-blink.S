# Toggle pin 0 once per quantum: the divider, not the instruction count, sets the rate.
#include "bio.h"
    .text
    li      a0, 1
    mv      pinmask, a0
    mv      dirout, a0
    li      a1, 0
loop:
    mv      quantum, x0         # wait for the next quantum pulse
    mv      pinset, a0
    mv      quantum, x0
    mv      pinclr, a1
    j       loop
