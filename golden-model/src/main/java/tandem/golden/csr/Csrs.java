package tandem.golden.csr;

/** CSR addresses the golden model implements, named as the privileged spec names them. */
public final class Csrs {
    public static final int SSTATUS = 0x100;
    public static final int SIE = 0x104;
    public static final int STVEC = 0x105;
    public static final int SCOUNTEREN = 0x106;
    public static final int SSCRATCH = 0x140;
    public static final int SEPC = 0x141;
    public static final int SCAUSE = 0x142;
    public static final int STVAL = 0x143;
    public static final int SIP = 0x144;
    public static final int SATP = 0x180;
    public static final int MSTATUS = 0x300;
    public static final int MISA = 0x301;
    public static final int MEDELEG = 0x302;
    public static final int MIDELEG = 0x303;
    public static final int MIE = 0x304;
    public static final int MTVEC = 0x305;
    public static final int MCOUNTEREN = 0x306;
    public static final int MSCRATCH = 0x340;
    public static final int MEPC = 0x341;
    public static final int MCAUSE = 0x342;
    public static final int MTVAL = 0x343;
    public static final int MIP = 0x344;
    public static final int MCYCLE = 0xB00;
    public static final int MINSTRET = 0xB02;
    public static final int MCYCLEH = 0xB80;
    public static final int MINSTRETH = 0xB82;
    public static final int CYCLE = 0xC00;
    public static final int TIME = 0xC01;
    public static final int INSTRET = 0xC02;
    public static final int CYCLEH = 0xC80;
    public static final int TIMEH = 0xC81;
    public static final int INSTRETH = 0xC82;
    public static final int MVENDORID = 0xF11;
    public static final int MARCHID = 0xF12;
    public static final int MIMPID = 0xF13;
    public static final int MHARTID = 0xF14;
    /** VexRiscv ExternalInterruptArrayPlugin: machine mask (M, read-write). */
    public static final int VEX_MIRQ_MASK = 0xBC0;
    /** VexRiscv ExternalInterruptArrayPlugin: machine pending (M, read-only). */
    public static final int VEX_MIRQ_PENDING = 0xFC0;
    /** VexRiscv ExternalInterruptArrayPlugin: supervisor mask (S, read-write). */
    public static final int VEX_SIRQ_MASK = 0x9C0;
    /** VexRiscv ExternalInterruptArrayPlugin: supervisor pending (S, read-only). */
    public static final int VEX_SIRQ_PENDING = 0xDC0;
    /** Baochip-1x VexRiscv: a read-only implementation-information CSR. */
    public static final int BAO_INFO = 0xCC0;

    private Csrs() {
    }

    /** Lowest privilege allowed to access {@code addr} (address bits 9:8). */
    public static int minPrivilege(int addr) {
        return (addr >>> 8) & 3;
    }

    /** Whether {@code addr} is read-only by its address (bits 11:10 = 3). */
    public static boolean readOnly(int addr) {
        return (addr >>> 10) == 3;
    }
}
