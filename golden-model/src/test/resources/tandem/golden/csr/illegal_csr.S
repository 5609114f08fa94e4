/* Illegal-instruction traps from CSR instructions, with the instruction word in mtval:
 * CSRs that do not exist, writes to read-only CSRs (including csrrs/csrrc with a non-zero rs1
 * and the immediate forms), and CSRs above the current privilege. Reads of read-only CSRs with
 * rs1 = x0 are legal. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    /* CSRs that do not exist */
    ILLEGAL(csrr a0, 0x5ff)
    ILLEGAL(csrr a0, 0x8ff)
    ILLEGAL(csrw 0x5fe, a0)
    ILLEGAL(csrr a0, 0x805)
#ifndef TANDEM_QEMU
    ILLEGAL(csrr a0, 0x3b0)     /* pmpaddr0: the modelled VexRiscv has no PMP */
    ILLEGAL(csrw 0x3a0, zero)   /* pmpcfg0 */
#endif

    /* read-only CSRs (csr[11:10] == 3) reject writes but allow reads */
    csrr a0, mhartid
    CHECK_EQ(a0, 0)
    csrr a0, mvendorid
    csrr a0, marchid
    csrr a0, mimpid
    csrrs a0, mhartid, zero
    csrrc a0, mhartid, zero
    csrrsi a0, mhartid, 0
    ILLEGAL(csrw mhartid, a0)
    ILLEGAL(csrrw zero, mvendorid, zero)
    li a1, 1
    ILLEGAL(csrrs a0, marchid, a1)
    ILLEGAL(csrrc a0, mimpid, a1)
    ILLEGAL(csrrsi a0, mhartid, 1)
    ILLEGAL(csrrwi a0, mhartid, 0)
    ILLEGAL(csrw cycle, a1)
    ILLEGAL(csrw instret, a1)
    ILLEGAL(csrs cycleh, a1)

    /* too low a privilege: M-mode CSRs from S-mode, S-mode CSRs from U-mode */
    EXPECT_TRAP(1f)
    ENTER_S(s_code)
1:  CHECK_ILLEGAL_AT(s_insn)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, MSTATUS_MPP_S)
    EXPECT_TRAP(2f)
    ENTER_S(s_code2)
2:  CHECK_ILLEGAL_AT(s_insn2)
    EXPECT_TRAP(3f)
    ENTER_U(u_code)
3:  CHECK_ILLEGAL_AT(u_insn)
    CHECK_CSR_MASKED(mstatus, MSTATUS_MPP, 0)
    EXPECT_TRAP(4f)
    ENTER_U(u_code2)
4:  CHECK_ILLEGAL_AT(u_insn2)
#ifndef TANDEM_QEMU
    /* VexRiscv's machine IRQ mask is an M-mode CSR */
    EXPECT_TRAP(5f)
    ENTER_S(s_code3)
5:  CHECK_ILLEGAL_AT(s_insn3)
    /* the pending CSRs are read-only */
    ILLEGAL(csrw CSR_MIRQ_PENDING, zero)
    ILLEGAL(csrw CSR_SIRQ_PENDING, zero)
#endif
    TEST_PASS

s_code:
s_insn:  csrr a0, mstatus
    FAIL_HERE
s_code2:
s_insn2: csrw mscratch, zero
    FAIL_HERE
u_code:
u_insn:  csrr a0, sstatus
    FAIL_HERE
u_code2:
u_insn2: csrw sscratch, a0
    FAIL_HERE
#ifndef TANDEM_QEMU
s_code3:
s_insn3: csrr a0, CSR_MIRQ_MASK
    FAIL_HERE
#endif
