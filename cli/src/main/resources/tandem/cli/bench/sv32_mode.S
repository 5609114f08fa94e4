/*
 * run_in_mode(fn, mpp, satp): runs fn() in S-mode (mpp = 1) or U-mode (mpp = 0) with satp set,
 * and returns to the M-mode caller when fn returns (through an ECALL) or traps. Returns mcause,
 * 8 or 9 when fn returned normally.
 */
    .text
    .globl run_in_mode
run_in_mode:
    la t0, m_context
    sw ra, 0(t0)
    sw sp, 4(t0)
    sw s0, 8(t0)
    sw s1, 12(t0)
    sw s2, 16(t0)
    sw s3, 20(t0)
    sw s4, 24(t0)
    sw s5, 28(t0)
    sw s6, 32(t0)
    sw s7, 36(t0)
    sw s8, 40(t0)
    sw s9, 44(t0)
    sw s10, 48(t0)
    sw s11, 52(t0)
    sw gp, 56(t0)
    la t0, back_in_m
    csrw mtvec, t0
    csrw satp, a2
    sfence.vma
    csrw mepc, a0
    li t0, 0x1800
    csrc mstatus, t0
    slli a1, a1, 11
    csrs mstatus, a1
    la ra, mode_exit
    mret
mode_exit:
    ecall

    .balign 4
back_in_m:
    csrw satp, zero
    sfence.vma
    la t0, m_context
    lw ra, 0(t0)
    lw sp, 4(t0)
    lw s0, 8(t0)
    lw s1, 12(t0)
    lw s2, 16(t0)
    lw s3, 20(t0)
    lw s4, 24(t0)
    lw s5, 28(t0)
    lw s6, 32(t0)
    lw s7, 36(t0)
    lw s8, 40(t0)
    lw s9, 44(t0)
    lw s10, 48(t0)
    lw s11, 52(t0)
    lw gp, 56(t0)
    csrr a0, mcause
    ret

    .bss
    .balign 4
m_context: .skip 64
