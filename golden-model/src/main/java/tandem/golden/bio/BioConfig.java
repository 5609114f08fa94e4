package tandem.golden.bio;

/**
 * Immutable options of the BIO model. {@link #DEFAULT} is the silicon: both errata on, the host
 * APB clock at one eighth of the BIO clock (PCLK 43.75 MHz against ACLK 350 MHz), and one BIO
 * clock per CPU clock for the platform's {@link Bio#tick}. Its host writes land at the next BIO
 * clock, the convention the stand-alone API counts cycles in; the platform's BIO sets
 * {@link #apbWriteTiming} so that they land when the RTL's APB port delivers them.
 *
 * @param phantomRs1 reproduce erratum 1: instructions without an rs1 operand (lui, auipc) still
 *     act on bits [19:15] — a FIFO pop for 16–19, a quantum wait for 20, an event wait for 30
 * @param phantomRs2 reproduce erratum 2: instructions without an rs2 operand still act on bits
 *     [24:20] — a quantum wait for 20 (including C.SLLI/C.SRLI/C.SRAI with shift amount 20), and
 *     for 16–19 the cancelled pop of that FIFO when rs1 names it too (the read becomes a peek)
 * @param pclkRatio BIO clock cycles per host APB clock cycle (≥ 2); host control actions land
 *     with the RTL's synchroniser delays measured in these
 * @param bioCyclesPerCpuCycleNum numerator of BIO clocks per CPU clock
 * @param bioCyclesPerCpuCycleDen denominator of BIO clocks per CPU clock
 * @param apbWriteTiming host writes take the RTL's APB transfer and synchronisers: each waits for
 *     the host clock, two host clocks of transfer, one after the other, then lands 11 to 18 BIO
 *     clocks after it was issued at the host clock ratio of 8 (see {@link Bio})
 * @param spanReplay replay learned instruction spans when no observer watches every clock (see
 *     {@link Bio}); off, every clock runs on the reference core
 */
public record BioConfig(boolean phantomRs1, boolean phantomRs2, int pclkRatio,
                        int bioCyclesPerCpuCycleNum, int bioCyclesPerCpuCycleDen, boolean apbWriteTiming,
                        boolean spanReplay) {

    /** The silicon's behaviour, with host writes landing at the next BIO clock. */
    public static final BioConfig DEFAULT = new BioConfig(true, true, 8, 1, 1, false, true);

    /** Validates the ratios. */
    public BioConfig {
        if (pclkRatio < 2) {
            throw new IllegalArgumentException("pclkRatio must be at least 2, got " + pclkRatio);
        }
        if (bioCyclesPerCpuCycleNum < 1 || bioCyclesPerCpuCycleDen < 1) {
            throw new IllegalArgumentException("clock ratio must be positive");
        }
    }

    /** The same options with both errata switched on or off. */
    public BioConfig withErrata(boolean on) {
        return new BioConfig(on, on, pclkRatio, bioCyclesPerCpuCycleNum, bioCyclesPerCpuCycleDen, apbWriteTiming, spanReplay);
    }

    /** The same options with {@code num/den} BIO clocks per CPU clock. */
    public BioConfig withClockRatio(int num, int den) {
        return new BioConfig(phantomRs1, phantomRs2, pclkRatio, num, den, apbWriteTiming, spanReplay);
    }

    /** The same options with another host clock ratio. */
    public BioConfig withPclkRatio(int ratio) {
        return new BioConfig(phantomRs1, phantomRs2, ratio, bioCyclesPerCpuCycleNum, bioCyclesPerCpuCycleDen, apbWriteTiming,
                spanReplay);
    }

    /** The same options with host writes landing as through the RTL's APB port, or at the next clock. */
    public BioConfig withApbWriteTiming(boolean on) {
        return new BioConfig(phantomRs1, phantomRs2, pclkRatio, bioCyclesPerCpuCycleNum, bioCyclesPerCpuCycleDen, on, spanReplay);
    }

    /** The same options with span replay on or off. */
    public BioConfig withSpanReplay(boolean on) {
        return new BioConfig(phantomRs1, phantomRs2, pclkRatio, bioCyclesPerCpuCycleNum, bioCyclesPerCpuCycleDen, apbWriteTiming, on);
    }
}
