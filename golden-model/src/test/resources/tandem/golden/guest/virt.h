/*
 * Addresses of QEMU's `virt` machine that the golden model's `virt` platform mirrors, and the
 * CSR numbers and bit fields the guest programs use. Shared by assembly and C guests.
 */
#ifndef TANDEM_VIRT_H
#define TANDEM_VIRT_H

#define VIRT_FINISHER      0x00100000
#define VIRT_CLINT         0x02000000
#define VIRT_CLINT_MSIP    0x02000000
#define VIRT_CLINT_MTIMECMP 0x02004000
#define VIRT_CLINT_MTIME   0x0200BFF8
#define VIRT_UART          0x10000000
#define VIRT_RAM           0x80000000

/* SiFive test finisher: write PASS, or (code << 16) | FAIL. */
#define FINISHER_PASS      0x5555
#define FINISHER_FAIL      0x3333

/* VexRiscv ExternalInterruptArrayPlugin CSRs. */
#define CSR_MIRQ_MASK      0xBC0
#define CSR_MIRQ_PENDING   0xFC0
#define CSR_SIRQ_MASK      0x9C0
#define CSR_SIRQ_PENDING   0xDC0

#define MSTATUS_SIE        0x00000002
#define MSTATUS_MIE        0x00000008
#define MSTATUS_SPIE       0x00000020
#define MSTATUS_MPIE       0x00000080
#define MSTATUS_SPP        0x00000100
#define MSTATUS_MPP        0x00001800
#define MSTATUS_MPP_S      0x00000800
#define MSTATUS_MPP_M      0x00001800
#define MSTATUS_MPRV       0x00020000
#define MSTATUS_SUM        0x00040000
#define MSTATUS_MXR        0x00080000

#define MIP_SSIP           0x002
#define MIP_MSIP           0x008
#define MIP_STIP           0x020
#define MIP_MTIP           0x080
#define MIP_SEIP           0x200
#define MIP_MEIP           0x800

#define CAUSE_MISALIGNED_FETCH  0
#define CAUSE_FETCH_ACCESS      1
#define CAUSE_ILLEGAL           2
#define CAUSE_BREAKPOINT        3
#define CAUSE_MISALIGNED_LOAD   4
#define CAUSE_LOAD_ACCESS       5
#define CAUSE_MISALIGNED_STORE  6
#define CAUSE_STORE_ACCESS      7
#define CAUSE_ECALL_U           8
#define CAUSE_ECALL_S           9
#define CAUSE_ECALL_M           11
#define CAUSE_FETCH_PAGE        12
#define CAUSE_LOAD_PAGE         13
#define CAUSE_STORE_PAGE        15
#define CAUSE_IRQ               0x80000000
#define CAUSE_SSI               (CAUSE_IRQ | 1)
#define CAUSE_MSI               (CAUSE_IRQ | 3)
#define CAUSE_STI               (CAUSE_IRQ | 5)
#define CAUSE_MTI               (CAUSE_IRQ | 7)
#define CAUSE_SEI               (CAUSE_IRQ | 9)
#define CAUSE_MEI               (CAUSE_IRQ | 11)

/* Sv32 page-table entry bits. */
#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_G 0x20
#define PTE_A 0x40
#define PTE_D 0x80
#define SATP_SV32 0x80000000

#endif
