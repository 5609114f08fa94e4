/* xabi test processes: entry (sp from the loader, a1 = environment block), exit by TerminateProcess. */
    .section .text.start
    .globl _start
_start:
    call main
    mv a1, a0
    li a0, 22
    ecall
1:  j 1b
