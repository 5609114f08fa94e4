/* Where VexRiscv departs from the privileged spec (SpinalHDL/VexRiscv master).
 * MmuPlugin.scala: its U-bit check is `U && isSupervisor && !SUM || !U && isUser` on the
 * current privilege, for fetches and data alike, so
 *  - S-mode with SUM = 1 may execute from a U page (the spec faults, cause 12);
 *  - M-mode loads/stores under MPRV are translated with MPP but never U-bit checked (the spec
 *    checks them as in MPP's mode: MPP = U on a supervisor page faults, MPP = S on a U page
 *    without SUM faults);
 * CsrPlugin.scala maps MPRV (bit 17) into sstatus as well as mstatus.
 * IBusSimplePlugin/IBusCachedPlugin report a fetch fault's xtval word-aligned (pc & ~3).
 * RvcDecompressor (Misc.scala) expands every 16-bit encoding but the all-zero one: reserved
 * C.ADDI16SP with imm 0 runs as addi sp, sp, 0 and C.JR x0 as jalr x0, 0(x0); and the xtval of
 * an exception raised by a compressed instruction is its 32-bit expansion (C.EBREAK: 0x00100073).
 * Built for QEMU (-DTANDEM_QEMU) this program checks the spec's behaviour; for the golden model,
 * VexRiscv's. */
#include "sv32.h"
    .text
    .globl tandem_test
tandem_test:
    SV32_ON
    MAP_TEST(0, page_a, RW_AD | PTE_U)
    MAP_TEST(1, page_b, RW_AD)
    MAP_TEST(2, page_code, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)

    /* S-mode fetch from a U page with SUM = 1 */
    li t0, MSTATUS_SUM
    csrs mstatus, t0
    li a0, TEST_VA(2)
    IN_S(s_fetch)
#ifdef TANDEM_QEMU
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(2))
#else
    CHECK_S_OK
#endif
    li t0, MSTATUS_SUM
    csrc mstatus, t0

    /* MPRV, MPP = U: a load from a supervisor page */
    li t0, MSTATUS_MPP
    csrc mstatus, t0
    li t0, MSTATUS_MPRV
    csrs mstatus, t0
    li a1, 0
    EXPECT_TRAP(1f)
    li a0, TEST_VA(1)
    lw a1, 0(a0)
    li t4, 0
1:  li t0, MSTATUS_MPRV
    csrc mstatus, t0
#ifdef TANDEM_QEMU
    CHECK_FAULT(CAUSE_LOAD_PAGE, TEST_VA(1))
#else
    CHECK_EQ(a1, 0xbbbb0002)
    CHECK_MTRAP_COUNT(1)
#endif

    /* MPRV, MPP = S, SUM = 0: a store to a U page */
    li t0, MSTATUS_MPP
    csrc mstatus, t0
    li t0, MSTATUS_MPP_S | MSTATUS_MPRV
    csrs mstatus, t0
    li a1, 0x77
    EXPECT_TRAP(2f)
    li a0, TEST_VA(0) + 4
    sw a1, 0(a0)
    li t4, 0
2:  li t0, MSTATUS_MPRV
    csrc mstatus, t0
#ifdef TANDEM_QEMU
    CHECK_FAULT(CAUSE_STORE_PAGE, TEST_VA(0) + 4)
    CHECK_WORD(page_a + 4, 0)
#else
    CHECK_WORD(page_a + 4, 0x77)
    CHECK_MTRAP_COUNT(1)
#endif

    /* MPRV through sstatus */
    li t0, MSTATUS_MPRV
    csrs mstatus, t0
#ifdef TANDEM_QEMU
    CHECK_CSR_MASKED(sstatus, MSTATUS_MPRV, 0)
#else
    CHECK_CSR_MASKED(sstatus, MSTATUS_MPRV, MSTATUS_MPRV)
    csrc sstatus, t0
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPRV, 0)
#endif
    csrc mstatus, t0

    /* a fetch page fault at a pc that is 2 mod 4 */
    li a0, TEST_VA(6) + 2
    IN_S(s_fetch)
#ifdef TANDEM_QEMU
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(6) + 2)
#else
    CHECK_FAULT(CAUSE_FETCH_PAGE, TEST_VA(6))
#endif

    .option push
    .option rvc
    /* reserved C.ADDI16SP sp, 0 */
    mv s0, sp
    EXPECT_TRAP(3f)
4:  .half 0x6101
#ifdef TANDEM_QEMU
    FAIL_HERE
3:  CHECK_WORD(tandem_mtrap_record, CAUSE_ILLEGAL)
    CHECK_MTRAP_EPC(4b)
#else
    li t4, 0
3:  CHECK_EQ_REG(sp, s0)
    CHECK_MTRAP_COUNT(2)
#endif
    /* reserved C.JR x0 */
    EXPECT_TRAP(5f)
6:  .half 0x8002
    FAIL_HERE
5:
#ifdef TANDEM_QEMU
    CHECK_WORD(tandem_mtrap_record, CAUSE_ILLEGAL)
    CHECK_MTRAP_EPC(6b)
#else
    CHECK_WORD(tandem_mtrap_record, CAUSE_FETCH_ACCESS)
    CHECK_MTRAP_EPC_VALUE(0)
#endif
#ifndef TANDEM_QEMU
    /* xtval of C.EBREAK is the expanded EBREAK */
    EXPECT_TRAP(7f)
    c.ebreak
7:  CHECK_MTRAP(CAUSE_BREAKPOINT, 0x00100073)
#endif
    .option pop
    TEST_PASS
