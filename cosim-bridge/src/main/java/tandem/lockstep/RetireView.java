package tandem.lockstep;

/**
 * One retire of either side kept for a divergence report: the fields that are compared plus
 * what the side reported about traps.
 *
 * @param index   position in that side's retire stream
 * @param cycle   RTL clock cycle (golden: -1)
 * @param pc      instruction address
 * @param insn    instruction bits
 * @param rdAddr  register written, 0 for none
 * @param rdWdata value written
 * @param memWrite whether it wrote memory
 * @param memAddr address accessed
 * @param memData data written or read
 * @param memSize access size in bytes, 0 for none
 * @param priv    privilege before
 * @param note    "trap cause 2", "interrupt cause 0x8000000b", "device" or empty
 */
public record RetireView(long index, long cycle, int pc, int insn, int rdAddr, int rdWdata, boolean memWrite,
                         int memAddr, int memData, int memSize, int priv, String note) {
}
