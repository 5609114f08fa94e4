# Ends through the test finisher with failure code 1 (data 0x00013333) after a few instructions.
#include "finish.h"
    .section .text.start
    .globl _start
_start:
    li   a0, 3
    addi a0, a0, 4
    FAIL(1)
