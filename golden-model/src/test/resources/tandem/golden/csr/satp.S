/* satp: MODE (bit 31), ASID (bits 30:22, stored though VexRiscv never uses it) and PPN read back
 * as written; S-mode can access it; writing it turns translation on for S-mode at once. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    CHECK_CSR(satp, 0)
    li a0, 0x80000000 | (5 << 22) | 0x12345
    csrw satp, a0
    CHECK_CSR(satp, 0x80000000 | (5 << 22) | 0x12345)
    li a0, 0x00012345
    csrw satp, a0
    CHECK_CSR(satp, 0x00012345)
    csrw satp, zero
    CHECK_CSR(satp, 0)

    /* S-mode writes satp and its very next fetch is translated: the identity map lets it run
     * on; a second write back to bare happens in S too */
    la a0, root
    la a1, l0
    li a2, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
    li a3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D
    jal tandem_map_ram
    SATP_FOR(s0, root)
    EXPECT_TRAP(1f)
    ENTER_S(s_code)
1:  CHECK_MTRAP(CAUSE_ECALL_S, ECALL_TVAL)
    CHECK_EQ_REG(s1, s0)
    CHECK_CSR(satp, 0)
    TEST_PASS

s_code:
    csrw satp, s0
    sfence.vma
    csrr s1, satp
    csrw satp, zero
    sfence.vma
    ecall

    PAGE_TABLE(root)
    PAGE_TABLE(l0)
