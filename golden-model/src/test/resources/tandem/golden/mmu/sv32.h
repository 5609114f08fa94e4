/*
 * Shared set-up for the Sv32 tests. RAM is identity-mapped through `root`/`l0` (supervisor
 * pages RWX, .user.text pages RWX+U, all with A and D set so QEMU and VexRiscv agree). Test
 * mappings live in the 4 MiB region at TEST_VA(0) = 0x4000_0000 (level-0 table `tl0`) and in
 * root entries 0x101.. for superpages (SUPER_VA(n) = 0x4000_0000 + (n << 22)).
 *
 * The access routines run the access at a0 with data a1 and then ecall, so a successful access
 * reaches M-mode as an ecall (cause 9 from S, 8 from U) and a failing one as a page fault with
 * the virtual address in mtval. Loaded values come back in a1.
 */
#include "tandem_test.h"

#define TEST_VA(i) (0x40000000 + ((i) << 12))
#define SUPER_VA(n) (0x40000000 + ((n) << 22))
#define KERNEL_FLAGS (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)
#define USER_FLAGS (PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)
#define RW_AD (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)

/* Builds the identity map and the pointer to tl0, then turns Sv32 on (used by S/U and MPRV). */
#define SV32_ON \
    la a0, root; la a1, l0; li a2, KERNEL_FLAGS; li a3, USER_FLAGS; jal tandem_map_ram; \
    la t0, tl0; srli t0, t0, 12; slli t0, t0, 10; ori t0, t0, PTE_V; la t1, root; li t2, 0x100 * 4; add t1, t1, t2; sw t0, 0(t1); \
    SATP_FOR(t0, root); csrw satp, t0; sfence.vma

/* tl0[i] = leaf for the page at symbol `sym` with `flags`. Clobbers t0, t1. */
#define MAP_TEST(i, sym, flags) \
    PTE_FOR(t0, sym, flags); la t1, tl0 + (i) * 4; sw t0, 0(t1); sfence.vma

/* tl0[i] = raw PTE value `pte`. */
#define SET_TEST_PTE(i, pte) \
    li t0, pte; la t1, tl0 + (i) * 4; sw t0, 0(t1); sfence.vma

/* root[0x100 + n] = superpage leaf for physical address `pa` with `flags`. */
#define MAP_SUPER(n, pa, flags) \
    li t0, (((pa) >> 12) << 10) | (flags); la t1, root + (0x100 + (n)) * 4; sw t0, 0(t1); sfence.vma

/* Runs routine `r` in S-mode (U-mode) at a0 and resumes at the next line in M-mode. */
#define IN_S(r) EXPECT_TRAP(9995f); ENTER_S(r); 9995:
#define IN_U(r) EXPECT_TRAP(9995f); ENTER_U(r); 9995:

/* The last access from S (U) succeeded / faulted with `cause` at virtual address `va`. */
#define CHECK_S_OK CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
#define CHECK_U_OK CHECK_MTRAP(CAUSE_ECALL_U, ECALL_TVAL)
#define CHECK_FAULT(cause, va) CHECK_MTRAP(cause, va)

    .text
s_load:  lw a1, 0(a0); ecall
s_store: sw a1, 0(a0); ecall
s_fetch: jr a0

    .section .user.text, "ax"
u_load:  lw a1, 0(a0); ecall
u_store: sw a1, 0(a0); ecall
u_fetch: jr a0

    .data
    .balign 4096
page_a: .word 0xaaaa0001
    .balign 4096
page_b: .word 0xbbbb0002
    .balign 4096
/* A page of code for fetch tests: ecall at offset 0. */
page_code: ecall
    .balign 4096

    PAGE_TABLE(root)
    PAGE_TABLE(l0)
    PAGE_TABLE(tl0)
    .text
