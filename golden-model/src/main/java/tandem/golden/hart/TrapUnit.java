package tandem.golden.hart;

import tandem.golden.csr.Mstatus;
import tandem.golden.trap.Cause;
import tandem.golden.trap.Trap;

/**
 * Trap entry and return, the privileged spec's rules in one place: delegation through
 * medeleg/mideleg, the xPP/xPIE/xIE stack, direct and vectored xtvec, and MRET/SRET.
 *
 * <p>VexRiscv: an interrupt leaves xtval as it was (its CsrPlugin writes xtval only when the trap
 * is an exception, as the Baochip-1x RTL shows); the spec and QEMU write 0.
 */
final class TrapUnit {
    private final Hart h;

    TrapUnit(Hart hart) {
        this.h = hart;
    }

    /**
     * Takes a trap of {@code cause} at the current pc: to S-mode when running in S or U and
     * the cause is delegated, else to M-mode.
     */
    void take(Cause cause, int tval) {
        boolean interrupt = cause.isInterrupt();
        int delegated = interrupt ? h.mideleg : h.medeleg;
        boolean toSupervisor = h.priv <= Hart.S && ((delegated >>> cause.code()) & 1) != 0;
        int s = h.mstatus;
        if (toSupervisor) {
            h.scause = cause.xcause();
            h.sepc = h.pc;
            if (!interrupt) {
                h.stval = tval;
            }
            s = (s & ~Mstatus.SPP) | (h.priv == Hart.S ? Mstatus.SPP : 0);
            s = (s & ~Mstatus.SPIE) | ((s & Mstatus.SIE) != 0 ? Mstatus.SPIE : 0);
            s &= ~Mstatus.SIE;
            h.mstatus = s;
            h.pc = target(h.stvec, cause, h.profile().traps().vectoredTvec());
            h.priv = Hart.S;
        } else {
            h.mcause = cause.xcause();
            h.mepc = h.pc;
            if (!interrupt) {
                h.mtval = tval;
            }
            s = (s & ~Mstatus.MPP) | (h.priv << Mstatus.MPP_SHIFT);
            s = (s & ~Mstatus.MPIE) | ((s & Mstatus.MIE) != 0 ? Mstatus.MPIE : 0);
            s &= ~Mstatus.MIE;
            h.mstatus = s;
            h.pc = target(h.mtvec, cause, h.profile().traps().vectoredTvec());
            h.priv = Hart.M;
        }
        h.privilegeChanged();
    }

    private static int target(int tvec, Cause cause, boolean vectored) {
        int base = tvec & ~3;
        return vectored && (tvec & 3) == 1 && cause.isInterrupt() ? base + 4 * cause.code() : base;
    }

    /** MRET: returns to MPP, MIE = MPIE, MPIE = 1, MPP = U, MPRV cleared when leaving M. */
    int mret(int raw) {
        if (h.priv < Hart.M) {
            throw new Trap(Cause.ILLEGAL_INSTRUCTION, raw);
        }
        int s = h.mstatus;
        int target = Mstatus.mpp(s);
        s = (s & ~Mstatus.MIE) | ((s & Mstatus.MPIE) != 0 ? Mstatus.MIE : 0);
        s |= Mstatus.MPIE;
        s &= ~Mstatus.MPP;
        if (target != Hart.M) {
            s &= ~Mstatus.MPRV;
        }
        h.mstatus = s;
        h.priv = target;
        h.privilegeChanged();
        return h.mepc;
    }

    /** SRET: returns to SPP, SIE = SPIE, SPIE = 1, SPP = U, MPRV cleared. */
    int sret(int raw) {
        if (h.priv < Hart.S) {
            throw new Trap(Cause.ILLEGAL_INSTRUCTION, raw);
        }
        int s = h.mstatus;
        int target = (s & Mstatus.SPP) != 0 ? Hart.S : Hart.U;
        s = (s & ~Mstatus.SIE) | ((s & Mstatus.SPIE) != 0 ? Mstatus.SIE : 0);
        s |= Mstatus.SPIE;
        s &= ~(Mstatus.SPP | Mstatus.MPRV);
        h.mstatus = s;
        h.priv = target;
        h.privilegeChanged();
        return h.sepc;
    }
}
