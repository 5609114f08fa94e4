package tandem.lockstep;

/**
 * CSR reads whose value, or part of it, the RTL decides and the golden model cannot predict: the
 * cycle counters (pipeline and bus timing), and the interrupt-pending bits that follow input
 * levels ({@code mip}'s MSIP, MTIP, SEIP and MEIP, {@code sip}'s SEIP, the interrupt-array
 * pending CSRs 0xFC0 and 0xDC0). The RTL sees its interrupt inputs as they were driven at the
 * last batch boundary, the golden devices as they are now. In lockstep those bits are taken from
 * the RTL (as Ibex's co-simulation pushes mcycle and mip into Spike) and every other bit is still
 * compared. The golden model must not run past such a read before it is compared: the value it
 * adopts feeds what follows.
 */
final class RtlDecidedCsr {

    private static final int SYSTEM = 0x73;
    private static final int MIP_INPUTS = 1 << 3 | 1 << 7 | 1 << 9 | 1 << 11;
    private static final int SIP_INPUTS = 1 << 9;

    private RtlDecidedCsr() {
    }

    /**
     * The bits of the value {@code insn} (32-bit form) reads into rd that the RTL decides; 0 when
     * it is not a Zicsr instruction with rd != x0 on such a CSR.
     */
    static int bits(int insn) {
        if ((insn & 0x7F) != SYSTEM || (insn >>> 7 & 0x1F) == 0) {
            return 0;
        }
        int funct3 = insn >>> 12 & 7;
        if (funct3 == 0 || funct3 == 4) {
            return 0;
        }
        return switch (insn >>> 20) {
            case 0xC00, 0xC80, 0xB00, 0xB80, 0xFC0, 0xDC0 -> -1;
            case 0x344 -> MIP_INPUTS;
            case 0x144 -> SIP_INPUTS;
            default -> 0;
        };
    }
}
