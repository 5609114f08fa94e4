/*
 * Start-up for Tandem's C guest programs on the `virt` layout: stack, global pointer, PMP
 * opened for QEMU, zeroed .bss, main(); main's return value ends the run through the SiFive test finisher (0 passes,
 * anything else fails with that code).
 */
    .section .text.init, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, tandem_stack_top
    /*
     * QEMU refuses S/U-mode (and mret into them) while no PMP entry is set; VexRiscv has no
     * PMP. Open one entry over all memory; on a hart without PMP the write traps to 0f.
     */
    la t0, 0f
    csrw mtvec, t0
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    .balign 4
0:  csrw mtvec, zero
    la t0, tandem_bss_start
    la t1, tandem_bss_end
1:  bgeu t0, t1, 2f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 1b
2:  call main
    li t1, 0x00100000
    beqz a0, 3f
    slli a0, a0, 16
    li t0, 0x3333
    or a0, a0, t0
    sw a0, 0(t1)
    j 4f
3:  li t0, 0x5555
    sw t0, 0(t1)
4:  j 4b
