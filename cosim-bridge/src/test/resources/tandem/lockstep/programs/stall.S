# Never retires on RiscvCore: its first instruction is a misaligned load, which hangs that core
# (the golden model would trap). Used to check stall detection and its report.
    .section .text.start
    .globl _start
_start:
    lw   a1, 1(zero)
    j    _start
