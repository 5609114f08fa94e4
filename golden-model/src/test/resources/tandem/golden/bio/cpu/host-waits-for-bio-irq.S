# Baochip-1x CPU program that sleeps until the BIO interrupts it: it loads bio-alarm.bin into
# core 0, routes event bit 3 to BIO interrupt 0 (IRQMASK0), unmasks IRQ array line 18 (the BIO's
# bank) in mirqmask and MEIE, starts the core and waits in WFI. The machine external interrupt
# handler checks EVENT_STATUS, clears the event and ends through tohost: 1 = pass, 3 = the
# interrupt came without the event.
    .equ    BIO,        0x50124000
    .equ    CTRL,       0x00
    .equ    EVENT_CLR,  0x3C
    .equ    EVENT_STATUS, 0x40
    .equ    QDIV0,      0x50
    .equ    IRQMASK0,   0x70
    .equ    CODE0,      0x50125000
    .equ    MIRQMASK,   0xBC0

    .section .text.init
    .globl  _start
_start:
    la      t0, on_interrupt
    csrw    mtvec, t0
    li      s0, BIO
    la      a0, bio_image
    la      a1, bio_image_end
    li      a2, CODE0
1:  lw      t0, 0(a0)
    sw      t0, 0(a2)
    addi    a0, a0, 4
    addi    a2, a2, 4
    bltu    a0, a1, 1b

    li      t0, 0x00640000          # a quantum of 100 BIO clocks
    sw      t0, QDIV0(s0)
    li      t0, 8                   # event bit 3 -> BIO interrupt 0
    sw      t0, IRQMASK0(s0)
    li      t0, 1 << 18
    csrw    MIRQMASK, t0
    li      t0, 1 << 11             # MEIE
    csrw    mie, t0
    csrsi   mstatus, 8              # MIE
    li      t0, 0x111
    sw      t0, CTRL(s0)
2:  wfi
    j       2b

    .balign 4
on_interrupt:
    lw      t0, EVENT_STATUS(s0)
    andi    t0, t0, 8
    li      a0, 3
    beqz    t0, done
    li      t0, 8
    sw      t0, EVENT_CLR(s0)
    li      a0, 1
done:
    la      t0, tohost
    sw      a0, 0(t0)
3:  j       3b

    .section .rodata
    .balign 4
bio_image:
    .incbin "bio-alarm.bin"
    .balign 4
bio_image_end:

    .section .tohost, "aw"
    .balign 4
    .globl  tohost
tohost:
    .word   0
