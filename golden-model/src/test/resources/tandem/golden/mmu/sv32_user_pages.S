/* The U bit: U-mode reaches only U pages; S-mode data access to U pages faults unless SUM;
 * S-mode fetch from a U page faults without SUM; MPRV with MPP = U translates M-mode loads.
 * Where VexRiscv departs from the spec (S-mode fetch from U pages with SUM, the U-bit checks of
 * MPRV accesses) see sv32_vexriscv_quirks.S. */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    MAP_TEST(0, page_a, RW_AD | PTE_U)
    MAP_TEST(1, page_b, RW_AD)
    MAP_TEST(2, page_code, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)
    MAP_TEST(3, page_code, PTE_V | PTE_R | PTE_X | PTE_A)

    /* U-mode */
    li a0, TEST_VA(0)
    IN_U(u_load)
    CHECK_U_OK
    CHECK_EQ(a1, 0xaaaa0001)
    li a0, TEST_VA(0) + 16
    li a1, 77
    IN_U(u_store)
    CHECK_U_OK
    CHECK_WORD(page_a + 16, 77)
    li a0, TEST_VA(1)
    IN_U(u_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(1))
    li a0, TEST_VA(1)
    IN_U(u_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(1))
    li a0, TEST_VA(2)
    IN_U(u_fetch)
    CHECK_U_OK
    li a0, TEST_VA(3)
    IN_U(u_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(3))
    /* SUM changes nothing for U-mode */
    li t0, MSTATUS_SUM
    csrs mstatus, t0
    li a0, TEST_VA(1)
    IN_U(u_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(1))
    csrc mstatus, t0

    /* S-mode and U pages */
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(0))
    li a0, TEST_VA(0)
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(0))
    li t0, MSTATUS_SUM
    csrs mstatus, t0
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_S_OK
    CHECK_EQ(a1, 0xaaaa0001)
    li a0, TEST_VA(0) + 20
    li a1, 99
    IN_S(s_store)
    CHECK_S_OK
    CHECK_WORD(page_a + 20, 99)
    li t0, MSTATUS_SUM
    csrc mstatus, t0
    li a0, TEST_VA(2)
    IN_S(s_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(2))

    /* MPRV with MPP = U translates M-mode loads and stores; a U page is readable then */
    li t0, MSTATUS_MPP
    csrc mstatus, t0
    li t0, MSTATUS_MPRV
    csrs mstatus, t0
    li a0, TEST_VA(0)
    lw a1, 0(a0)
    csrc mstatus, t0
    CHECK_EQ(a1, 0xaaaa0001)
    TEST_PASS
