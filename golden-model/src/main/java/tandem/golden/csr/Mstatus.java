package tandem.golden.csr;

/** mstatus fields and the sstatus view, as VexRiscv implements them (no FS, TVM, TW, TSR). */
public final class Mstatus {
    public static final int SIE = 1 << 1;
    public static final int MIE = 1 << 3;
    public static final int SPIE = 1 << 5;
    public static final int MPIE = 1 << 7;
    public static final int SPP = 1 << 8;
    public static final int MPP_SHIFT = 11;
    public static final int MPP = 3 << MPP_SHIFT;
    public static final int MPRV = 1 << 17;
    public static final int SUM = 1 << 18;
    public static final int MXR = 1 << 19;

    /** Bits software can write through mstatus. */
    public static final int WRITABLE = SIE | MIE | SPIE | MPIE | SPP | MPP | MPRV | SUM | MXR;
    /** Bits visible and writable through sstatus. VexRiscv: MPRV (bit 17) too. */
    public static final int SSTATUS_MASK = SIE | SPIE | SPP | MPRV | SUM | MXR;

    private Mstatus() {
    }

    /** The MPP field. */
    public static int mpp(int mstatus) {
        return (mstatus >>> MPP_SHIFT) & 3;
    }
}
