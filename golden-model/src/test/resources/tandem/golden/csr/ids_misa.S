/* Identification CSRs: mhartid is 0; mvendorid, marchid and mimpid are readable; misa reports
 * RV32 with I, M, A, C, S and U (VexRiscv "imacsu"). */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    CHECK_CSR(mhartid, 0)
    csrr a0, mvendorid
    csrr a0, marchid
    csrr a0, mimpid
    /* MXL = 1 (32-bit) and the extension bits this model needs */
    CHECK_CSR_MASKED(misa, 0xc0000000 | (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20), 0x40000000 | (1 << 0) | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20))
#ifndef TANDEM_QEMU
    /* exactly those: no E, F, D, H or others */
    CHECK_CSR(misa, 0x40141105)
#endif
    TEST_PASS
