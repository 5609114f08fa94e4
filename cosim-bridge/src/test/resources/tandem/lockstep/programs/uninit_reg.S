# Reads a register nothing ever wrote. The golden model's registers reset to 0; RiscvCore's
# register file is a memory with no reset, so on an X-check build each X seed gives it other
# contents: the add below retires a different value per seed (X-propagation into a retire),
# while on the normal build (X values fixed to 0 at build time) lockstep passes.
#include "finish.h"
    .section .text.start
    .globl _start
_start:
    li   a0, 1
    li   a1, 2
    add  a2, a0, a1
    add  a3, a0, s7             # s7: never written
    add  a4, a3, a2
    PASS
