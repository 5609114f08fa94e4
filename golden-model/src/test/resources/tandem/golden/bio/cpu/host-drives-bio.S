# Baochip-1x CPU program that drives the BIO the way the Xous driver does: it copies a BIO
# program (bio-doubler.bin, assembled beforehand) into core 0's code window while the core is
# disabled, starts the core with EN + RESTART + CLKDIV_RESTART, waits until it runs, then sends three words through
# TXF0, waits on FLEVEL for each answer in FIFO 1, checks it is twice the word and that the BIO
# drove the word's low byte onto pins 7:0 (DBG_PADOUT). Ends through tohost: 1 = pass,
# 2n+1 = failure n (1 wrong answer, 2 wrong pins).
    .equ    BIO,        0x50124000
    .equ    CTRL,       0x00
    .equ    FLEVEL,     0x0C
    .equ    TXF0,       0x10
    .equ    RXF1,       0x24
    .equ    PADOUT,     0x84
    .equ    DBG0,       0x90
    .equ    CODE0,      0x50125000

    .section .text.init
    .globl  _start
_start:
    li      s0, BIO
    la      a0, bio_image
    la      a1, bio_image_end
    li      a2, CODE0
1:  lw      t0, 0(a0)               # the code window takes whole words only
    sw      t0, 0(a2)
    addi    a0, a0, 4
    addi    a2, a2, 4
    bltu    a0, a1, 1b

    li      t0, 0x111               # core 0: EN | RESTART | CLKDIV_RESTART
    sw      t0, CTRL(s0)
    # RESTART also holds FIFO 0 in reset for three host clocks: a word pushed now would be
    # dropped. Wait until the core runs (its DBG pc leaves 0).
5:  lw      t0, DBG0(s0)
    slli    t0, t0, 20              # the pc, DBG0[11:0]
    beqz    t0, 5b

    li      s1, 0x5A                # the first word
    li      s2, 3                   # words to exchange
2:  sw      s1, TXF0(s0)
3:  lw      t0, FLEVEL(s0)
    andi    t0, t0, 0xF0            # FIFO 1's level
    beqz    t0, 3b
    lw      t1, RXF1(s0)
    slli    t2, s1, 1
    li      a0, 3
    bne     t1, t2, done
    lw      t3, PADOUT(s0)
    andi    t3, t3, 0xFF
    andi    t4, s1, 0xFF
    li      a0, 5
    bne     t3, t4, done
    addi    s1, s1, 0x11
    addi    s2, s2, -1
    bnez    s2, 2b
    li      a0, 1
done:
    la      t0, tohost
    sw      a0, 0(t0)
4:  j       4b

    .section .rodata
    .balign 4
bio_image:
    .incbin "bio-doubler.bin"
    .balign 4
bio_image_end:

    .section .tohost, "aw"
    .balign 4
    .globl  tohost
tohost:
    .word   0
