/*
 * Runtime linked into every directed assembly test: start-up, default trap handlers, pass and
 * fail exits, and the identity map of RAM used by tests that turn Sv32 on. The conventions are
 * described in tandem_test.h.
 */
#include "virt.h"

    .section .text.init, "ax"
    .globl _start
_start:
    /* QEMU's boot ROM leaves a0, a1, t0 set; start every run from the same registers. */
    li x1, 0
    li x2, 0
    li x3, 0
    li x4, 0
    li x5, 0
    li x6, 0
    li x7, 0
    li x8, 0
    li x9, 0
    li x10, 0
    li x11, 0
    li x12, 0
    li x13, 0
    li x14, 0
    li x15, 0
    li x16, 0
    li x17, 0
    li x18, 0
    li x19, 0
    li x20, 0
    li x21, 0
    li x22, 0
    li x23, 0
    li x24, 0
    li x25, 0
    li x26, 0
    li x27, 0
    li x28, 0
    li x29, 0
    li x30, 0
    li x31, 0
    /*
     * QEMU denies S/U-mode accesses while no PMP entry matches; VexRiscv has no PMP. Open one
     * entry over all memory; on a hart without PMP the CSR write traps straight to 1f.
     */
    la t0, 1f
    csrw mtvec, t0
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    .balign 4
1:  la t0, tandem_mtrap
    csrw mtvec, t0
    la t0, tandem_strap
    csrw stvec, t0
    csrw mstatus, zero
    csrw mie, zero
    csrw medeleg, zero
    csrw mideleg, zero
    csrw satp, zero
    la t0, tandem_bss_start
    la t1, tandem_end
2:  bgeu t0, t1, 3f
    sw zero, 0(t0)
    addi t0, t0, 4
    j 2b
3:  la sp, tandem_stack_top
    li t0, 0
    li t1, 0
    j tandem_test

    .text
    .balign 4
    .globl tandem_mtrap
tandem_mtrap:
    la t6, tandem_mtrap_record
    csrr t5, mcause
    sw t5, 0(t6)
    csrr t5, mepc
    sw t5, 4(t6)
    csrr t5, mtval
    sw t5, 8(t6)
    lw t5, 12(t6)
    addi t5, t5, 1
    sw t5, 12(t6)
    beqz t4, tandem_unexpected_trap
    mv t5, t4
    li t4, 0
    jr t5

    .balign 4
    .globl tandem_strap
tandem_strap:
    la t6, tandem_strap_record
    csrr t5, scause
    sw t5, 0(t6)
    csrr t5, sepc
    sw t5, 4(t6)
    csrr t5, stval
    sw t5, 8(t6)
    lw t5, 12(t6)
    addi t5, t5, 1
    sw t5, 12(t6)
    beqz t4, 1f
    mv t5, t4
    li t4, 0
    jr t5
    /* Unexpected in S-mode: the ecall reaches M-mode with t4 == 0, which reports both records. */
1:  ecall

tandem_unexpected_trap:
    la t0, tandem_die
    csrw mtvec, t0
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    la a0, msg_unexpected
    jal tandem_puts
    la s0, tandem_mtrap_record
    lw a0, 0(s0)
    jal tandem_puthex
    la a0, msg_mepc
    jal tandem_puts
    lw a0, 4(s0)
    jal tandem_puthex
    la a0, msg_mtval
    jal tandem_puts
    lw a0, 8(s0)
    jal tandem_puthex
    la a0, msg_scause
    jal tandem_puts
    la s0, tandem_strap_record
    lw a0, 0(s0)
    jal tandem_puthex
    la a0, msg_sepc
    jal tandem_puts
    lw a0, 4(s0)
    jal tandem_puthex
    la a0, msg_newline
    jal tandem_puts
    li a0, 0xFFFF
    j tandem_exit

/* t4 = source line of the failing check, t5 = value got, t6 = value expected. */
    .globl tandem_fail
tandem_fail:
    la t0, tandem_die
    csrw mtvec, t0
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    la a0, msg_fail
    jal tandem_puts
    mv a0, t4
    jal tandem_putdec
    la a0, msg_got
    jal tandem_puts
    mv a0, t5
    jal tandem_puthex
    la a0, msg_expected
    jal tandem_puts
    mv a0, t6
    jal tandem_puthex
    la a0, msg_newline
    jal tandem_puts
    mv a0, t4
    j tandem_exit

    .globl tandem_pass
tandem_pass:
    la a0, msg_pass
    jal tandem_puts
    li t0, FINISHER_PASS
    li t1, VIRT_FINISHER
    sw t0, 0(t1)
1:  j 1b

/* A trap while reporting a failure: give up with code 0xFFFE. */
    .balign 4
tandem_die:
    li a0, 0xFFFE
/* Exits through the finisher with code a0 (1..0xFFFF). */
tandem_exit:
    slli a0, a0, 16
    li t0, FINISHER_FAIL
    or a0, a0, t0
    li t1, VIRT_FINISHER
    sw a0, 0(t1)
1:  j 1b

/* Writes the NUL-terminated string at a0; clobbers a0-a2. */
tandem_puts:
    li a1, VIRT_UART
1:  lbu a2, 0(a0)
    beqz a2, 2f
    sb a2, 0(a1)
    addi a0, a0, 1
    j 1b
2:  ret

/* Writes a0 as 0x%08x; clobbers a0-a4. */
tandem_puthex:
    li a1, VIRT_UART
    li a2, '0'
    sb a2, 0(a1)
    li a2, 'x'
    sb a2, 0(a1)
    li a3, 28
1:  srl a2, a0, a3
    andi a2, a2, 15
    li a4, 10
    blt a2, a4, 2f
    addi a2, a2, 'a' - '0' - 10
2:  addi a2, a2, '0'
    sb a2, 0(a1)
    addi a3, a3, -4
    bgez a3, 1b
    ret

/* Writes a0 (unsigned, < 100000) in decimal; clobbers a0-a5. */
tandem_putdec:
    li a1, VIRT_UART
    li a3, 10000
    li a4, 0
1:  divu a2, a0, a3
    remu a0, a0, a3
    or a4, a4, a2
    bnez a4, 2f
    li a5, 1
    beq a3, a5, 2f
    j 3f
2:  addi a2, a2, '0'
    sb a2, 0(a1)
    li a4, 1
3:  li a2, 10
    divu a3, a3, a2
    bnez a3, 1b
    ret

/*
 * Builds an identity map of the first 4 MiB of RAM: root table a0 gets one pointer to the
 * level-0 table a1, whose 1024 leaves get flags a2, except the pages of .user.text/.user.data, which get
 * a3. Call from M-mode; clobbers t0-t3 and a4-a6.
 */
    .globl tandem_map_ram
tandem_map_ram:
    srli t0, a1, 12
    slli t0, t0, 10
    ori t0, t0, PTE_V
    li t1, (VIRT_RAM >> 22) * 4
    add t1, a0, t1
    sw t0, 0(t1)
    li t0, VIRT_RAM
    mv t1, a1
    addi t2, a1, 2047
    addi t2, t2, 2047
    addi t2, t2, 2
    la a4, tandem_user_start
    la a5, tandem_user_end
1:  mv t3, a2
    bltu t0, a4, 2f
    bgeu t0, a5, 2f
    mv t3, a3
2:  srli a6, t0, 12
    slli a6, a6, 10
    or a6, a6, t3
    sw a6, 0(t1)
    li a6, 4096
    add t0, t0, a6
    addi t1, t1, 4
    bltu t1, t2, 1b
    ret

    .section .rodata
msg_pass:       .asciz "PASS\n"
msg_fail:       .asciz "FAIL line "
msg_got:        .asciz " got "
msg_expected:   .asciz " expected "
msg_unexpected: .asciz "FAIL unexpected trap mcause="
msg_mepc:       .asciz " mepc="
msg_mtval:      .asciz " mtval="
msg_scause:     .asciz " scause="
msg_sepc:       .asciz " sepc="
msg_newline:    .asciz "\n"

    .bss
    .balign 4
    .globl tandem_mtrap_record
tandem_mtrap_record: .skip 16
    .globl tandem_strap_record
tandem_strap_record: .skip 16
