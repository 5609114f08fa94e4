/* FENCE variants retire as no-ops; FENCE.I makes stores to code visible to fetch (self-modifying
 * code, 32-bit and 16-bit patches, code that already ran); VexRiscv's cache-flush instruction
 * 0x0000500F is a no-op. */
#include "tandem_test.h"
    .text
    .globl tandem_test
tandem_test:
    li a0, 5
    fence
    fence rw, rw
    fence r, w
    fence iorw, iorw
    CHECK_EQ(a0, 5)

    /* run the routine once so any decoded copy of it is warm */
    jal ra, patched
    CHECK_EQ(a0, 1)
    jal ra, patched
    CHECK_EQ(a0, 1)

    /* patch the 32-bit instruction, fence.i, run */
    la s0, patched
    la s1, template_two
    lw t0, 0(s1)
    sw t0, 0(s0)
    fence.i
    jal ra, patched
    CHECK_EQ(a0, 2)

    /* patch the 16-bit instruction that follows it */
    la s1, template_c
    lhu t0, 0(s1)
    sh t0, 4(s0)
    fence.i
    jal ra, patched
    CHECK_EQ(a0, 9)

    /* patch a loop body while the loop is hot: each pass rewrites the instruction it will run
     * next, so every pass must see the previous store */
    li s2, 0
    li s3, 4
    la s4, loop_insn
    la s5, template_add1
    lw s6, 0(s5)
    la s5, template_add3
    lw s7, 0(s5)
    .balign 4
1:
loop_insn:
    .option push
    .option norvc
    addi s2, s2, 1
    .option pop
    sw s7, 0(s4)
    fence.i
    addi s3, s3, -1
    bnez s3, 1b
    CHECK_EQ(s2, 10)            /* 1 + 3 + 3 + 3 */
    sw s6, 0(s4)
    fence.i

#ifndef TANDEM_QEMU
    /* VexRiscv's data-cache flush, a no-op for the architecture */
    li a0, 7
    .word 0x0000500f
    CHECK_EQ(a0, 7)
#endif
    TEST_PASS

    /* align while RVC is on: with norvc GNU as cannot pad by a halfword */
    .balign 4
    .option push
    .option norvc
patched:
    addi a0, zero, 1
    .option rvc
    c.addi a0, 0
    ret
    .balign 4
template_two:
    .option norvc
    addi a0, zero, 2
template_add1:
    addi s2, s2, 1
template_add3:
    addi s2, s2, 3
    .option rvc
template_c:
    c.addi a0, 7
    .option pop
