package tandem.golden.hart;

import tandem.golden.csr.CsrFile;
import tandem.golden.csr.Csrs;
import tandem.golden.csr.Mstatus;

/**
 * Registers the privileged CSRs a profile's groups ask for, each with its WARL rule next to
 * it. The state lives in {@link Hart}; these are its software views.
 */
final class MachineCsrs {
    private static final int SSIP = 1 << 1;
    private static final int MIP_WRITABLE = SSIP | (1 << 5) | (1 << 9);
    private static final int MIE_WRITABLE = 0xAAA;
    private static final int MIDELEG_WRITABLE = 0x222;
    /** Exceptions 0-9, 12, 13, 15: not ECALL from M (11), not the reserved 10 and 14. */

    private MachineCsrs() {
    }

    static void install(Hart h, CsrFile f) {
        Profile p = h.profile();
        if (p.has(Profile.CsrGroup.MACHINE)) {
            machine(h, f, p);
        }
        if (p.has(Profile.CsrGroup.SUPERVISOR)) {
            supervisor(h, f, p);
        }
        if (p.has(Profile.CsrGroup.SV32)) {
            f.define(Csrs.SATP, "satp", () -> h.satp, v -> {
                h.satp = v;
                h.satpChanged();
            });
        }
        if (p.has(Profile.CsrGroup.COUNTERS)) {
            counters(h, f);
        }
        if (p.has(Profile.CsrGroup.TIME)) {
            f.define(Csrs.TIME, "time", () -> (int) h.time(), null);
            f.define(Csrs.TIMEH, "timeh", () -> (int) (h.time() >>> 32), null);
        }
        if (p.has(Profile.CsrGroup.BAOCHIP_INFO)) {
            f.define(Csrs.BAO_INFO, "baoinfo", () -> 0x0200_1000, null);
        }
    }

    private static void machine(Hart h, CsrFile f, Profile p) {
        f.define(Csrs.MSTATUS, "mstatus", () -> h.mstatus, v -> {
            int next = (h.mstatus & ~Mstatus.WRITABLE) | (v & Mstatus.WRITABLE);
            if (Mstatus.mpp(next) == 2) {
                // WARL: MPP=2 (hypervisor) does not exist; keep the previous mode.
                next = (next & ~Mstatus.MPP) | (h.mstatus & Mstatus.MPP);
            }
            h.mstatus = next;
            h.mstatusChanged();
        });
        f.define(Csrs.MISA, "misa", () -> h.misa, v -> {
            if (p.misaWritable()) {
                h.misa = (p.misa() & 0xC000_0000) | (v & 0x03FF_FFFF);
            }
        });
        f.define(Csrs.MIE, "mie", () -> h.mie, v -> {
            h.mie = v & MIE_WRITABLE;
            h.interruptInputsChanged();
        });
        f.define(Csrs.MTVEC, "mtvec", () -> h.mtvec, v -> h.mtvec = tvec(p, v));
        f.define(Csrs.MSCRATCH, "mscratch", () -> h.mscratch, v -> h.mscratch = v);
        f.define(Csrs.MEPC, "mepc", () -> h.mepc, v -> h.mepc = epc(h, v));
        f.define(Csrs.MCAUSE, "mcause", () -> h.mcause, v -> h.mcause = v);
        f.define(Csrs.MTVAL, "mtval", () -> h.mtval, v -> h.mtval = v);
        f.define(Csrs.MIP, "mip", h::mip, v -> {
            h.mipSoftware = v & MIP_WRITABLE;
            h.interruptInputsChanged();
        });
        f.define(Csrs.MVENDORID, "mvendorid", p::mvendorid, null);
        f.define(Csrs.MARCHID, "marchid", p::marchid, null);
        f.define(Csrs.MIMPID, "mimpid", p::mimpid, null);
        f.define(Csrs.MHARTID, "mhartid", p::mhartid, null);
    }

    private static void supervisor(Hart h, CsrFile f, Profile p) {
        f.define(Csrs.MEDELEG, "medeleg", () -> h.medeleg, v -> h.medeleg = v & p.traps().medelegWritable());
        f.define(Csrs.MIDELEG, "mideleg", () -> h.mideleg, v -> {
            h.mideleg = v & MIDELEG_WRITABLE;
            h.interruptInputsChanged();
        });
        f.define(Csrs.SSTATUS, "sstatus", () -> h.mstatus & Mstatus.SSTATUS_MASK, v -> {
            h.mstatus = (h.mstatus & ~Mstatus.SSTATUS_MASK) | (v & Mstatus.SSTATUS_MASK);
            h.mstatusChanged();
        });
        f.define(Csrs.SIE, "sie", () -> h.mie & h.mideleg, v -> {
            h.mie = (h.mie & ~h.mideleg) | (v & h.mideleg & MIE_WRITABLE);
            h.interruptInputsChanged();
        });
        f.define(Csrs.STVEC, "stvec", () -> h.stvec, v -> h.stvec = tvec(p, v));
        f.define(Csrs.SSCRATCH, "sscratch", () -> h.sscratch, v -> h.sscratch = v);
        f.define(Csrs.SEPC, "sepc", () -> h.sepc, v -> h.sepc = epc(h, v));
        f.define(Csrs.SCAUSE, "scause", () -> h.scause, v -> h.scause = v);
        f.define(Csrs.STVAL, "stval", () -> h.stval, v -> h.stval = v);
        f.define(Csrs.SIP, "sip", () -> h.mip() & h.mideleg, v -> {
            int writable = SSIP & h.mideleg;
            h.mipSoftware = (h.mipSoftware & ~writable) | (v & writable);
            h.interruptInputsChanged();
        });
    }

    private static void counters(Hart h, CsrFile f) {
        f.define(Csrs.MCYCLE, "mcycle", () -> (int) cycle(h), v -> setCycle(h, (cycle(h) & ~0xFFFF_FFFFL) | (v & 0xFFFF_FFFFL)));
        f.define(Csrs.MCYCLEH, "mcycleh", () -> (int) (cycle(h) >>> 32), v -> setCycle(h, (cycle(h) & 0xFFFF_FFFFL) | ((long) v << 32)));
        f.define(Csrs.MINSTRET, "minstret", () -> (int) instret(h), v -> setInstret(h, (instret(h) & ~0xFFFF_FFFFL) | (v & 0xFFFF_FFFFL)));
        f.define(Csrs.MINSTRETH, "minstreth", () -> (int) (instret(h) >>> 32), v -> setInstret(h, (instret(h) & 0xFFFF_FFFFL) | ((long) v << 32)));
        f.define(Csrs.CYCLE, "cycle", () -> (int) cycle(h), null);
        f.define(Csrs.CYCLEH, "cycleh", () -> (int) (cycle(h) >>> 32), null);
        f.define(Csrs.INSTRET, "instret", () -> (int) instret(h), null);
        f.define(Csrs.INSTRETH, "instreth", () -> (int) (instret(h) >>> 32), null);
    }

    private static long cycle(Hart h) {
        return h.cycles() + h.cycleOffset;
    }

    private static long instret(Hart h) {
        return h.retiredCount() + h.instretOffset;
    }

    /** The writing instruction's own cycle still counts: the next one reads value + 1. */
    private static void setCycle(Hart h, long value) {
        h.cycleOffset = value - h.cycles() - 1;
    }

    /** The writing instruction does not count itself: the next one reads value. */
    private static void setInstret(Hart h, long value) {
        h.instretOffset = value - h.retiredCount() - 1;
    }

    /**
     * WARL: modes 0 (direct) and 1 (vectored); reserved modes become direct. A core without
     * vectored mode keeps whatever mode bits are written (Baochip-1x) and ignores them.
     */
    private static int tvec(Profile p, int v) {
        return p.traps().vectoredTvec() && (v & 3) >= 2 ? v & ~3 : v;
    }

    private static int epc(Hart h, int v) {
        return v & (h.profile().has(tandem.golden.isa.Extension.C) ? ~1 : ~3);
    }
}
