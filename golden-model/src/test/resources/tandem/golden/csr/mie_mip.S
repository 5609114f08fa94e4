/* mie holds the six M/S enable bits; in mip, M-mode can write SSIP and STIP while MSIP, MTIP and
 * MEIP only follow the hardware; sie/sip show the delegated (mideleg) S bits of mie/mip and
 * writes through them reach mie/mip. */
#include "tandem_test.h"
#define ALL6 (MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP)
#define S3 (MIP_SSIP | MIP_STIP | MIP_SEIP)
    .text
    .globl tandem_test
tandem_test:
    li a0, -1
    csrw mie, a0
    CHECK_CSR_MASKED(mie, ALL6, ALL6)
    csrw mie, zero
    CHECK_CSR_MASKED(mie, ALL6, 0)

    /* the CLINT lines are quiet: timer far away, no software interrupt */
    li a0, VIRT_CLINT_MTIMECMP
    li a1, -1
    sw a1, 4(a0)
    sw a1, 0(a0)
    li a0, MIP_SSIP | MIP_STIP
    csrs mip, a0
    CHECK_CSR_MASKED(mip, ALL6, MIP_SSIP | MIP_STIP)
    li a0, MIP_MSIP | MIP_MTIP | MIP_MEIP
    csrs mip, a0
    CHECK_CSR_MASKED(mip, MIP_MSIP | MIP_MTIP | MIP_MEIP, 0)
    li a0, MIP_SSIP | MIP_STIP
    csrc mip, a0
    CHECK_CSR_MASKED(mip, ALL6, 0)

    /* sie/sip with every S interrupt delegated */
    li a0, S3
    csrw mideleg, a0
    li a0, ALL6
    csrw mie, a0
    CHECK_CSR_MASKED(sie, ALL6, S3)
    csrw sie, zero
    CHECK_CSR_MASKED(mie, ALL6, MIP_MSIP | MIP_MTIP | MIP_MEIP)
    li a0, MIP_STIP
    csrs sie, a0
    CHECK_CSR_MASKED(mie, ALL6, MIP_MSIP | MIP_MTIP | MIP_MEIP | MIP_STIP)
    csrw mie, zero
    li a0, MIP_SSIP
    csrs mip, a0
    CHECK_CSR_MASKED(sip, ALL6, MIP_SSIP)
    csrc sip, a0
    CHECK_CSR_MASKED(mip, ALL6, 0)
    li a0, MIP_SSIP
    csrs sip, a0
    CHECK_CSR_MASKED(mip, ALL6, MIP_SSIP)
    csrc mip, a0

    /* S-mode reads sie/sip */
    li a0, MIP_SEIP | MIP_SSIP
    csrw mie, a0
    EXPECT_TRAP(1f)
    ENTER_S(s_code)
1:  CHECK_EQ(a1, MIP_SEIP | MIP_SSIP)
    TEST_PASS

s_code:
    csrr a1, sie
    li a2, ALL6
    and a1, a1, a2
    ecall
