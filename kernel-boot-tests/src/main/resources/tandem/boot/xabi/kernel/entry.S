/*
 * xabi test kernel: entry from the loader and the trap path.
 *
 * The loader enters _start in S-mode with a0..a3 = arguments, process table, RPT, XPT
 * (0xFFC0_0000 window) and sp = 0xFFF7_FFF0. While a user thread runs, sscratch holds the
 * address of its register save area (struct context: x1..x31 at 4*i, pc at 128); while the
 * kernel runs, sscratch is 0, so a trap taken in S-mode is recognised and reported as a panic.
 */
    .section .text.start
    .globl _start
_start:
    la t0, trap_entry
    csrw stvec, t0
    csrw sscratch, zero
    call kmain
1:  wfi
    j 1b

    .text
    .align 4
    .globl trap_entry
trap_entry:
    csrrw sp, sscratch, sp
    bnez sp, 1f
    csrrw sp, sscratch, sp
    j kernel_trap
1:
    sw x1, 4(sp)
    sw x3, 12(sp)
    sw x4, 16(sp)
    sw x5, 20(sp)
    sw x6, 24(sp)
    sw x7, 28(sp)
    sw x8, 32(sp)
    sw x9, 36(sp)
    sw x10, 40(sp)
    sw x11, 44(sp)
    sw x12, 48(sp)
    sw x13, 52(sp)
    sw x14, 56(sp)
    sw x15, 60(sp)
    sw x16, 64(sp)
    sw x17, 68(sp)
    sw x18, 72(sp)
    sw x19, 76(sp)
    sw x20, 80(sp)
    sw x21, 84(sp)
    sw x22, 88(sp)
    sw x23, 92(sp)
    sw x24, 96(sp)
    sw x25, 100(sp)
    sw x26, 104(sp)
    sw x27, 108(sp)
    sw x28, 112(sp)
    sw x29, 116(sp)
    sw x30, 120(sp)
    sw x31, 124(sp)
    csrrw t0, sscratch, zero
    sw t0, 8(sp)
    csrr t0, sepc
    sw t0, 128(sp)
    li sp, 0xFFF7FFF0
    call trap_handler
    /* fall through: a0 = context to resume */
    .globl resume_context
resume_context:
    lw t0, 128(a0)
    csrw sepc, t0
    /* Return to U-mode with interrupts enabled there (SPP=0, SPIE=1). */
    li t0, 0x100
    csrc sstatus, t0
    li t0, 0x20
    csrs sstatus, t0
    csrw sscratch, a0
    lw x1, 4(a0)
    lw x2, 8(a0)
    lw x3, 12(a0)
    lw x4, 16(a0)
    lw x5, 20(a0)
    lw x6, 24(a0)
    lw x7, 28(a0)
    lw x8, 32(a0)
    lw x9, 36(a0)
    lw x11, 44(a0)
    lw x12, 48(a0)
    lw x13, 52(a0)
    lw x14, 56(a0)
    lw x15, 60(a0)
    lw x16, 64(a0)
    lw x17, 68(a0)
    lw x18, 72(a0)
    lw x19, 76(a0)
    lw x20, 80(a0)
    lw x21, 84(a0)
    lw x22, 88(a0)
    lw x23, 92(a0)
    lw x24, 96(a0)
    lw x25, 100(a0)
    lw x26, 104(a0)
    lw x27, 108(a0)
    lw x28, 112(a0)
    lw x29, 116(a0)
    lw x30, 120(a0)
    lw x31, 124(a0)
    lw x10, 40(a0)
    sret
