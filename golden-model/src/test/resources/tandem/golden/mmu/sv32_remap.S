/* Translation changes take effect: after a PTE is rewritten and sfence.vma runs, the next access
 * sees the new page; a satp write to another root switches address space; writing satp = 0
 * returns S-mode to bare addressing. On the golden model (VexRiscv flushes its TLBs on every
 * satp write) the satp switch also works without sfence.vma. */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    MAP_TEST(0, page_a, RW_AD)
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_EQ(a1, 0xaaaa0001)
    /* rewrite the leaf: tl0[0] -> page_b (MAP_TEST ends with sfence.vma) */
    MAP_TEST(0, page_b, RW_AD)
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_EQ(a1, 0xbbbb0002)
    /* sfence.vma issued from S-mode with an address operand */
    PTE_FOR(t0, page_a, RW_AD)
    la t1, tl0
    sw t0, 0(t1)
    li a0, TEST_VA(0)
    IN_S(s_fence_load)
    CHECK_EQ(a1, 0xaaaa0001)

    /* a second root maps the same VA to page_b */
    la a0, root2
    la a1, l0b
    li a2, KERNEL_FLAGS
    li a3, USER_FLAGS
    jal tandem_map_ram
    la t0, tl0b
    srli t0, t0, 12
    slli t0, t0, 10
    ori t0, t0, PTE_V
    la t1, root2 + 0x100 * 4
    sw t0, 0(t1)
    PTE_FOR(t0, page_b, RW_AD)
    la t1, tl0b
    sw t0, 0(t1)
    SATP_FOR(t0, root2)
    csrw satp, t0
    sfence.vma
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_EQ(a1, 0xbbbb0002)
#ifndef TANDEM_QEMU
    /* VexRiscv: the satp write alone flushes */
    SATP_FOR(t0, root)
    csrw satp, t0
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_EQ(a1, 0xaaaa0001)
#endif
    /* satp = 0: bare again */
    csrw satp, zero
    sfence.vma
    la a0, page_b
    IN_S(s_load)
    CHECK_EQ(a1, 0xbbbb0002)
    TEST_PASS

s_fence_load:
    sfence.vma a0, zero
    lw a1, 0(a0)
    ecall

    PAGE_TABLE(root2)
    PAGE_TABLE(l0b)
    PAGE_TABLE(tl0b)
