# Event handshake with the host on core 3: wait for event bit 0, raise pin 8, acknowledge with
# event bit 1 (the host can route it to an IRQ), clear the request, then wait for the host to
# clear the acknowledge (event bit 2 as "done") and lower the pin.
#include "bio.h"
    .text
    li      a0, 0x100
    mv      pinmask, a0
    mv      dirout, a0
    li      s0, 1
    li      s1, 2
    li      t0, 4
    li      t2, 0
1:
    mv      evmask, s0
    mv      t1, events          # waits until event 0 is set
    mv      pinset, a0
    mv      evclr, s0
    mv      evset, s1
    mv      evmask, t0
    mv      t1, events          # waits until the host sets event 2
    mv      evclr, t0
    mv      pinclr, t2
    j       1b
