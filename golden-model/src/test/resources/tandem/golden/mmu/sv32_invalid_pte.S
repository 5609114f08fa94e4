/* Page faults from malformed or missing translations, with the virtual address in mtval:
 * V = 0 (load 13, store 15, fetch 12), W without R (reserved), a pointer PTE at level 0, and a
 * misaligned superpage (PPN[0] != 0). */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    /* V = 0: everything else set */
    MAP_TEST(0, page_a, RW_AD & ~PTE_V)
    li a0, TEST_VA(0) + 4
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(0) + 4)
    li a0, TEST_VA(0) + 8
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(0) + 8)
    MAP_TEST(0, page_code, KERNEL_FLAGS & ~PTE_V)
    li a0, TEST_VA(0)
    IN_S(s_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(0))
    CHECK_MTRAP_EPC_VALUE(TEST_VA(0))
    /* a whole 4 MiB region with no root entry */
    li a0, SUPER_VA(3) + 0x120
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, SUPER_VA(3) + 0x120)

    /* W without R is reserved: loads and stores fault */
    MAP_TEST(1, page_a, PTE_V | PTE_W | PTE_A | PTE_D)
    li a0, TEST_VA(1)
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(1))
    li a0, TEST_VA(1)
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(1))
    MAP_TEST(1, page_code, PTE_V | PTE_W | PTE_X | PTE_A | PTE_D)
    li a0, TEST_VA(1)
    IN_S(s_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(1))

    /* a pointer (R = W = X = 0) at level 0 is not a leaf: the spec's page fault (VexRiscv's
     * walker never completes on one, it refills forever; the model faults instead) */
    MAP_TEST(2, page_a, PTE_V)
    li a0, TEST_VA(2)
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(2))

    /* misaligned superpage: PPN[0] != 0 */
    MAP_SUPER(2, VIRT_RAM + 0x1000, RW_AD)
    li a0, SUPER_VA(2) + 0x10
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, SUPER_VA(2) + 0x10)
    li a0, SUPER_VA(2) + 0x10
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, SUPER_VA(2) + 0x10)
    /* the same entry aligned works */
    MAP_SUPER(2, VIRT_RAM, RW_AD)
    li a0, SUPER_VA(2)
    IN_S(s_load)
    CHECK_S_OK
    TEST_PASS
