/*
 * Convention for Tandem's directed assembly tests (see GuestToolchain and GuestProgram).
 *
 * A test file includes this header and defines the global label `tandem_test`; the runtime
 * (tandem_runtime.S) starts in M-mode at `_start`, clears the registers, installs its trap
 * handlers and jumps there. The test ends with TEST_PASS. A failing CHECK writes
 * "FAIL line N got 0x... expected 0x..." to the UART and exits through the finisher with code
 * N, the source line of the failing check, so a JUnit assertion can name it.
 *
 * Registers t4, t5 and t6 (x29-x31) belong to the harness:
 *  - t5/t6 are scratch for the CHECK macros and the trap handlers;
 *  - t4 is the resume address of an expected trap. The M-mode handler (and the S-mode handler
 *    for delegated traps) records xcause/xepc/xtval in tandem_mtrap_record /
 *    tandem_strap_record (cause, epc, tval, count), clears t4 and jumps to its old value
 *    without touching any other state, so the test can inspect mstatus/mepc as the trap left
 *    them. A trap with t4 == 0 is unexpected and fails with code 0xFFFF.
 * CHECKs run in M-mode only (they may print); code in S/U mode keeps results in registers.
 */
#include "virt.h"

/* Fails unless register `reg` (not t4-t6) equals `val`. */
#define CHECK_EQ(reg, val) \
    li t6, val; beq reg, t6, 9999f; mv t5, reg; li t4, __LINE__; j tandem_fail; 9999:

/* Fails unless registers `reg` and `other` (not t4-t6) are equal. */
#define CHECK_EQ_REG(reg, other) \
    beq reg, other, 9999f; mv t5, reg; mv t6, other; li t4, __LINE__; j tandem_fail; 9999:

/* Fails unless CSR `csr` reads `val`. */
#define CHECK_CSR(csr, val) \
    csrr t5, csr; li t6, val; beq t5, t6, 9999f; li t4, __LINE__; j tandem_fail; 9999:

/* Fails unless (CSR & mask) == val. */
#define CHECK_CSR_MASKED(csr, mask, val) \
    csrr t5, csr; li t6, mask; and t5, t5, t6; li t6, val; beq t5, t6, 9999f; li t4, __LINE__; j tandem_fail; 9999:

/* Fails unless the word at symbol `sym` equals `val`. */
#define CHECK_WORD(sym, val) \
    la t5, sym; lw t5, 0(t5); li t6, val; beq t5, t6, 9999f; li t4, __LINE__; j tandem_fail; 9999:

/*
 * xtval after ECALL: the privileged spec says 0 and QEMU writes 0; VexRiscv's CsrPlugin writes
 * the instruction word for the exceptions it raises itself (ECALL, EBREAK, illegal), and the
 * golden model follows VexRiscv.
 */
#ifdef TANDEM_QEMU
#define ECALL_TVAL 0
#else
#define ECALL_TVAL 0x00000073
#endif

/* Fails unless the last M-mode trap had this cause and tval. */
#define CHECK_MTRAP(cause, tval) \
    CHECK_WORD(tandem_mtrap_record, cause); CHECK_WORD(tandem_mtrap_record + 8, tval)

/* Fails unless the last M-mode trap had this cause and its mepc is label `epc`. */
#define CHECK_MTRAP_EPC(epc) \
    la t6, epc; la t5, tandem_mtrap_record + 4; lw t5, 0(t5); beq t5, t6, 9999f; li t4, __LINE__; j tandem_fail; 9999:

/* Fails unless the last S-mode trap had this cause and tval. */
#define CHECK_STRAP(cause, tval) \
    CHECK_WORD(tandem_strap_record, cause); CHECK_WORD(tandem_strap_record + 8, tval)

/* Fails unless the number of M-mode (S-mode) traps taken so far is n. */
#define CHECK_MTRAP_COUNT(n) CHECK_WORD(tandem_mtrap_record + 12, n)
#define CHECK_STRAP_COUNT(n) CHECK_WORD(tandem_strap_record + 12, n)

/* Fails unconditionally (a path that must not be reached). */
#define FAIL_HERE li t5, 0; li t6, 0; li t4, __LINE__; j tandem_fail

/* The next trap is expected; execution resumes at `label`. */
#define EXPECT_TRAP(label) la t4, label

/* Ends the test successfully. */
#define TEST_PASS j tandem_pass

/* Switches from M-mode to S-mode (U-mode) at `label` with mret; clobbers t6. */
#define ENTER_S(label) \
    li t6, MSTATUS_MPP; csrc mstatus, t6; li t6, MSTATUS_MPP_S; csrs mstatus, t6; \
    la t6, label; csrw mepc, t6; mret
#define ENTER_U(label) \
    li t6, MSTATUS_MPP; csrc mstatus, t6; la t6, label; csrw mepc, t6; mret

/* From any mode, back to M-mode at the next instruction (an expected ecall). */
#define BACK_TO_M la t4, 9998f; ecall; 9998:

/* Page tables: 4 KiB aligned, zeroed by the runtime. */
#define PAGE_TABLE(name) .section .pagetables, "aw", @nobits; .balign 4096; name: .skip 4096; .text

/* Sv32 leaf PTE for the page holding `sym` with `flags`, in `reg` (clobbers nothing else). */
#define PTE_FOR(reg, sym, flags) la reg, sym; srli reg, reg, 12; slli reg, reg, 10; ori reg, reg, flags

/* satp value for root table `sym`, in `reg`. */
#define SATP_FOR(reg, sym) la reg, sym; srli reg, reg, 12; li t6, SATP_SV32; or reg, reg, t6

/* Fails unless the last M-mode (S-mode) trap's xtval holds the 32-bit instruction word at
 * `label` (which may be only halfword-aligned). */
#define LOAD_INSN(label) la t6, label; lhu t4, 2(t6); lhu t6, 0(t6); slli t4, t4, 16; or t6, t6, t4
#define CHECK_MTVAL_INSN(label) \
    LOAD_INSN(label); la t5, tandem_mtrap_record + 8; lw t5, 0(t5); beq t5, t6, 9999f; li t4, __LINE__; j tandem_fail; 9999:
#define CHECK_STVAL_INSN(label) \
    LOAD_INSN(label); la t5, tandem_strap_record + 8; lw t5, 0(t5); beq t5, t6, 9999f; li t4, __LINE__; j tandem_fail; 9999:

/* Fails unless the last M-mode trap was an illegal instruction at `label` with the
 * instruction word in mtval. */
#define CHECK_ILLEGAL_AT(label) \
    CHECK_WORD(tandem_mtrap_record, CAUSE_ILLEGAL); CHECK_MTRAP_EPC(label); CHECK_MTVAL_INSN(label)

/* Runs one instruction that must raise illegal-instruction (checked as CHECK_ILLEGAL_AT). */
#define ILLEGAL(...) EXPECT_TRAP(9997f); 9996: __VA_ARGS__; FAIL_HERE; 9997: CHECK_ILLEGAL_AT(9996b)

/* Fails unless the last M-mode trap's mepc equals the constant `value`. */
#define CHECK_MTRAP_EPC_VALUE(value) CHECK_WORD(tandem_mtrap_record + 4, value)

/* Fails unless the last M-mode trap's mtval equals register `reg` (not t4-t6). */
#define CHECK_MTRAP_TVAL_REG(reg) \
    la t5, tandem_mtrap_record + 8; lw t5, 0(t5); beq t5, reg, 9999f; mv t6, reg; li t4, __LINE__; j tandem_fail; 9999:
