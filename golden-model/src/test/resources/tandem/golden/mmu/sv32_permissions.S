/* Page faults from permissions, with the virtual address in mtval: store to a read-only page
 * (15), fetch from a page without X (12), load from an execute-only page (13) unless MXR, and a
 * load from a read-write page without X still works. */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    /* read-only page: loads work, stores fault */
    MAP_TEST(0, page_a, PTE_V | PTE_R | PTE_A | PTE_D)
    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_S_OK
    CHECK_EQ(a1, 0xaaaa0001)
    li a0, TEST_VA(0) + 12
    li a1, 0x1234
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(0) + 12)
    CHECK_WORD(page_a + 12, 0)
    /* AMOs and SC need write permission too, and report store faults */
    li a0, TEST_VA(0)
    IN_S(s_amo)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(0))
    CHECK_WORD(page_a, 0xaaaa0001)

    /* no X: fetch faults */
    MAP_TEST(1, page_code, RW_AD)
    li a0, TEST_VA(1)
    IN_S(s_fetch)
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(1))

    /* execute-only: fetch works, load faults unless MXR, store faults even with MXR */
    MAP_TEST(2, page_code, PTE_V | PTE_X | PTE_A)
    li a0, TEST_VA(2)
    IN_S(s_fetch)
    CHECK_S_OK
    li a0, TEST_VA(2)
    IN_S(s_load)
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(2))
    li t0, MSTATUS_MXR
    csrs mstatus, t0
    li a0, TEST_VA(2)
    IN_S(s_load)
    CHECK_S_OK
    la a2, page_code
    lw a2, 0(a2)
    CHECK_EQ_REG(a1, a2)
    li a0, TEST_VA(2)
    IN_S(s_store)
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(2))
    li t0, MSTATUS_MXR
    csrc mstatus, t0
    TEST_PASS

s_amo:
    li a1, 1
    amoadd.w a1, a1, (a0)
    ecall
