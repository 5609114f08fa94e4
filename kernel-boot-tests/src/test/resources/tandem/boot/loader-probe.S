/*
 * A stand-in for a signed Xous loader.bin on Precursor: 0x1000 bytes of signature block, then code
 * at +0x1000 (0x2050_1000) that prints a0 on the kernel UART, touches an unmodelled CSR page,
 * then starts "signature checking" by reading the keyrom, and spins as a failed check would.
 */
    .section .text
    .globl _start
_start:
    .fill 0x1000, 1, 0
    li t0, 0xF0005000          /* kernel UART RXTX */
    li t1, 'a'
    sw t1, 0(t0)
    li t1, '0'
    sw t1, 0(t0)
    li t1, '='
    sw t1, 0(t0)
    li t2, 28
1:  srl t3, a0, t2
    andi t3, t3, 0xF
    li t4, 10
    blt t3, t4, 2f
    addi t3, t3, 'a' - 10
    j 3f
2:  addi t3, t3, '0'
3:  sw t3, 0(t0)
    addi t2, t2, -4
    bgez t2, 1b
    li t1, '\n'
    sw t1, 0(t0)
    li t0, 0xF0000000          /* reboot: not modelled */
    lw t1, 0(t0)
    li t0, 0xF001A000          /* keyrom ADDRESS, DATA */
    li t1, 0x10
    sw t1, 0(t0)
    lw t1, 4(t0)
4:  j 4b
