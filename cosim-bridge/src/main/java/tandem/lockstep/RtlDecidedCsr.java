package tandem.lockstep;

import tandem.golden.csr.CsrFile;
import tandem.golden.csr.Csrs;

/**
 * CSR reads whose value, or part of it, the RTL decides and the golden model cannot predict: the
 * cycle counters (pipeline and bus timing), and the interrupt-pending bits that follow input
 * levels ({@code mip}'s MSIP, MTIP, SEIP and MEIP, {@code sip}'s SEIP, and the interrupt-array
 * pending CSRs 0xFC0 and 0xDC0 within their masks). The RTL sees its interrupt inputs as they
 * were driven at the last batch boundary, the golden devices as they are now. In lockstep those
 * bits are taken from the RTL (as Ibex's co-simulation pushes mcycle and mip into Spike) and every
 * other bit is still compared. The golden model must not run past such a read before it is
 * compared: the value it adopts feeds what follows.
 */
final class RtlDecidedCsr {

    private static final int SYSTEM = 0x73;
    private static final int MIP_INPUTS = 1 << 3 | 1 << 7 | 1 << 9 | 1 << 11;
    private static final int SIP_INPUTS = 1 << 9;

    private RtlDecidedCsr() {
    }

    /** Whether {@code insn} (32-bit form) reads such a CSR into a register other than x0. */
    static boolean is(int insn) {
        return csr(insn) >= 0;
    }

    /**
     * The bits of the value {@code insn} reads into rd that the RTL decides, given the golden
     * hart's {@code csrs} (for the interrupt-array masks); 0 when {@code insn} is no such read.
     */
    static int bits(int insn, CsrFile csrs) {
        return switch (csr(insn)) {
            case Csrs.CYCLE, Csrs.CYCLEH, Csrs.MCYCLE, Csrs.MCYCLEH -> -1;
            case Csrs.VEX_MIRQ_PENDING -> csrs.read(Csrs.VEX_MIRQ_MASK);
            case Csrs.VEX_SIRQ_PENDING -> csrs.read(Csrs.VEX_SIRQ_MASK);
            case Csrs.MIP -> MIP_INPUTS;
            case Csrs.SIP -> SIP_INPUTS;
            default -> 0;
        };
    }

    /** The CSR number a Zicsr instruction with rd != x0 reads, if it is one of those; else -1. */
    private static int csr(int insn) {
        if ((insn & 0x7F) != SYSTEM || (insn >>> 7 & 0x1F) == 0) {
            return -1;
        }
        int funct3 = insn >>> 12 & 7;
        if (funct3 == 0 || funct3 == 4) {
            return -1;
        }
        int csr = insn >>> 20;
        return switch (csr) {
            case Csrs.CYCLE, Csrs.CYCLEH, Csrs.MCYCLE, Csrs.MCYCLEH, Csrs.VEX_MIRQ_PENDING, Csrs.VEX_SIRQ_PENDING,
                    Csrs.MIP, Csrs.SIP -> csr;
            default -> -1;
        };
    }
}
