# A hot loop for the binary-trace tests: loads and stores of every width, taken and untaken
# branches, calls and returns, compressed instructions and a CSR read every iteration, so the
# golden model's compiled code and its interpreter both write records. Ends through the
# virt test finisher (pass).
    .section .text
    .globl _start
_start:
    la      sp, stack_top
    la      s0, data
    li      s1, 3000            # iterations
    li      s2, 0               # checksum
loop:
    lw      t0, 0(s0)
    lh      t1, 4(s0)
    lhu     t2, 6(s0)
    lb      t3, 8(s0)
    lbu     t4, 9(s0)
    add     s2, s2, t0
    xor     s2, s2, t1
    add     s2, s2, t2
    sub     s2, s2, t3
    add     s2, s2, t4
    addi    t0, t0, 7
    sw      t0, 0(s0)
    sh      s2, 4(s0)
    sb      s1, 9(s0)
    andi    t5, s1, 3
    beqz    t5, skip
    mul     t6, s2, s1
    srli    t6, t6, 3
    c.add   s2, t6
skip:
    call    mix
    csrr    t5, mscratch
    addi    t5, t5, 1
    csrw    mscratch, t5
    addi    s1, s1, -1
    bnez    s1, loop
    li      t0, 0x100000
    li      t1, 0x5555
    sw      t1, 0(t0)
1:  j       1b

mix:
    slli    a0, s2, 5
    srai    a1, s2, 2
    xor     s2, a0, a1
    sltu    a2, a0, a1
    add     s2, s2, a2
    ret

    .section .data
    .balign 4
data:
    .word   0x12345678, 0x8001ff7f, 0x000080ff
    .balign 16
    .space  256
stack_top:
