/* Zicsr read-modify-write forms on mscratch and sscratch: csrrw/csrrs/csrrc and their
 * immediate forms return the old value; rd = x0 and rs1 = x0 / uimm = 0 cases. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    li a0, 0x12345678
    csrrw a1, mscratch, a0
    csrrw a1, mscratch, zero
    CHECK_EQ(a1, 0x12345678)
    CHECK_CSR(mscratch, 0)
    li a0, 0xf0
    csrrs a1, mscratch, a0
    CHECK_EQ(a1, 0)
    li a0, 0x0f
    csrrs a1, mscratch, a0
    CHECK_EQ(a1, 0xf0)
    CHECK_CSR(mscratch, 0xff)
    li a0, 0x3c
    csrrc a1, mscratch, a0
    CHECK_EQ(a1, 0xff)
    CHECK_CSR(mscratch, 0xc3)
    csrrs a1, mscratch, zero        /* read only */
    CHECK_EQ(a1, 0xc3)
    csrrc a1, mscratch, zero
    CHECK_EQ(a1, 0xc3)
    csrrwi a1, mscratch, 31
    CHECK_EQ(a1, 0xc3)
    CHECK_CSR(mscratch, 31)
    csrrci a1, mscratch, 0x11
    CHECK_EQ(a1, 31)
    CHECK_CSR(mscratch, 0x0e)
    csrrsi a1, mscratch, 0x10
    CHECK_EQ(a1, 0x0e)
    CHECK_CSR(mscratch, 0x1e)
    csrrsi a1, mscratch, 0
    CHECK_EQ(a1, 0x1e)
    csrw mscratch, zero              /* csrrw x0 */
    CHECK_CSR(mscratch, 0)

    /* rd == rs1: the old value is returned and the source was read first */
    li a0, 5
    csrw sscratch, a0
    li a1, 9
    csrrw a1, sscratch, a1
    CHECK_EQ(a1, 5)
    CHECK_CSR(sscratch, 9)
    li a0, -1
    csrw sscratch, a0
    CHECK_CSR(sscratch, 0xffffffff)
    csrw mscratch, a0
    CHECK_CSR(mscratch, 0xffffffff)

    /* sscratch from S-mode */
    EXPECT_TRAP(1f)
    ENTER_S(s_code)
1:  CHECK_EQ(a2, 0xffffffff)
    CHECK_CSR(sscratch, 0x5a5a)
    TEST_PASS

s_code:
    li a3, 0x5a5a
    csrrw a2, sscratch, a3
    ecall
