/* Sv32 translation of loads, stores and fetches in S-mode through 4 KiB pages and a 4 MiB
 * superpage, and data accesses from M-mode under MPRV with MPP = S. */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    MAP_TEST(0, page_a, RW_AD)
    MAP_TEST(1, page_b, RW_AD)
    MAP_TEST(2, page_code, PTE_V | PTE_X | PTE_A)

    li a0, TEST_VA(0)
    IN_S(s_load)
    CHECK_S_OK
    CHECK_EQ(a1, 0xaaaa0001)
    li a0, TEST_VA(1)
    IN_S(s_load)
    CHECK_EQ(a1, 0xbbbb0002)
    li a0, TEST_VA(1) + 8
    li a1, 0x12345678
    IN_S(s_store)
    CHECK_S_OK
    CHECK_WORD(page_b + 8, 0x12345678)
    li a0, TEST_VA(2)
    IN_S(s_fetch)
    CHECK_S_OK
    CHECK_MTRAP_EPC_VALUE(TEST_VA(2))

    /* a superpage over the first 4 MiB of RAM */
    MAP_SUPER(1, VIRT_RAM, RW_AD)
    la a0, page_a
    li t0, VIRT_RAM
    sub a0, a0, t0
    li t0, SUPER_VA(1)
    add a0, a0, t0
    IN_S(s_load)
    CHECK_EQ(a1, 0xaaaa0001)

    /* M-mode with MPRV = 1 and MPP = S translates its loads and stores (not its fetches) */
    li t0, MSTATUS_MPP_S | MSTATUS_MPRV
    csrs mstatus, t0
    li a0, TEST_VA(1)
    lw a1, 0(a0)
    li a2, 0x5555aaaa
    sw a2, 4(a0)
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    CHECK_EQ(a1, 0xbbbb0002)
    CHECK_WORD(page_b + 4, 0x5555aaaa)
    /* MPRV with MPP = M: no translation */
    li t0, MSTATUS_MPP_M | MSTATUS_MPRV
    csrs mstatus, t0
    la a0, page_a
    lw a1, 0(a0)
    li t0, MSTATUS_MPRV
    csrc mstatus, t0
    CHECK_EQ(a1, 0xaaaa0001)
    TEST_PASS
