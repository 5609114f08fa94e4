/* tandem: vexriscv-only
 * VexRiscv never sets A or D in hardware: any access through a leaf with A = 0 page-faults
 * (load 13, store 15, fetch 12), a store through a leaf with D = 0 faults (15) while loads work,
 * and the PTE in memory is left unchanged. (QEMU sets A/D itself, so this program is not run
 * there.) */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    MAP_TEST(0, page_a, PTE_V | PTE_R | PTE_W | PTE_D)
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(0))
    li a0, TEST_VA(0) + 4
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(0) + 4)
    MAP_TEST(1, page_code, PTE_V | PTE_X)
    li a0, TEST_VA(1)
    IN_S(s_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(1))

    /* D = 0: loads work, stores fault */
    MAP_TEST(2, page_a, PTE_V | PTE_R | PTE_W | PTE_A)
    li a0, TEST_VA(2)
    IN_S(s_load)
    CHECK_S_OK
    CHECK_EQ(a1, 0xaaaa0001)
    li a0, TEST_VA(2) + 8
    li a1, 5
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(2) + 8)
    CHECK_WORD(page_a + 8, 0)

    /* the PTEs were not updated */
    la a0, tl0
    lw a1, 0(a0)
    andi a1, a1, PTE_A | PTE_D
    CHECK_EQ(a1, PTE_D)
    lw a1, 8(a0)
    andi a1, a1, PTE_A | PTE_D
    CHECK_EQ(a1, PTE_A)

    /* a superpage with A = 0 faults too; MPRV accesses follow the same rule */
    MAP_SUPER(1, VIRT_RAM, PTE_V | PTE_R | PTE_W | PTE_D)
    li a0, SUPER_VA(1) + 0x100
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, SUPER_VA(1) + 0x100)
    li t0, MSTATUS_MPP
    csrc mstatus, t0
    li t0, MSTATUS_MPP_S | MSTATUS_MPRV
    csrs mstatus, t0
    EXPECT_TRAP(1f)
    li a0, TEST_VA(2) + 12
    sw zero, 0(a0)
    FAIL_HERE
1:  CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(2) + 12)
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    TEST_PASS
