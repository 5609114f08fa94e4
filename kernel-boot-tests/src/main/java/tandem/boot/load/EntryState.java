package tandem.boot.load;

/**
 * The machine state at which the loader hands over to the kernel: S-mode at {@code pc} with these
 * registers, {@code satp}, and medeleg = mideleg = 0xFFFF_FFFF.
 *
 * @param pc kernel entry point
 * @param satp the kernel's satp (PID 1)
 * @param sp stack pointer, 0xFFF7_FFF0
 * @param a0 virtual address of the argument block copy
 * @param a1 virtual address of the initial-process table
 * @param a2 virtual address of the runtime page tracker (one owner byte per RAM page)
 * @param a3 virtual address of the extra page tracker (one owner byte per MREx page)
 * @param a7 bit 0 DEBUG, bit 1 resume
 * @param mstatus the value written before mret: MPP=S (0x800), plus SUM (bit 18) with DEBUG
 */
public record EntryState(long pc, long satp, long sp, long a0, long a1, long a2, long a3, long a7, long mstatus) {
}
