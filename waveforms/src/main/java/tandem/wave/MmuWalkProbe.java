package tandem.wave;

import tandem.golden.bus.Bus;
import tandem.golden.csr.Csrs;
import tandem.golden.csr.Mstatus;
import tandem.golden.hart.Hart;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Sv32Walker;
import tandem.golden.mmu.Walk;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.trap.Cause;

/**
 * The Sv32 walks behind each retire, as waveform signals. The retire stream carries no walk
 * data, so for every record whose fetch or data access is translated (satp.MODE = Sv32 and an
 * effective privilege below M, MPRV honoured) this re-walks it with {@link Sv32Walker} over the
 * live bus and sets, in {@code <scope>.mmu}, per side ({@code fetch_*} and {@code data_*}):
 * {@code walk} (strobe), {@code va}, {@code pte1_addr} and {@code pte0_addr} (the PTE read at
 * each level; {@code x} for a level not read), {@code level} (of the leaf or the failing PTE),
 * {@code pa} and {@code fault} ({@code TranslationFailure} ordinal + 1, 0 for none).
 *
 * <p>satp and mstatus are followed through the CSR writes the records carry (and MRET/SRET's
 * effect on MPRV and MPP). The walk happens when the batch of records is delivered, not at the
 * access itself, so a page table changed later in the same batch is seen changed: {@code stale}
 * goes high when the re-walked data address disagrees with the physical address the record holds.
 * A {@link RetireWaveform} owns the probe and calls it at each record's time.
 */
public final class MmuWalkProbe {

    private static final int MRET = 0x30200073;
    private static final int SRET = 0x10200073;

    private final Sv32Walker walker;
    private final Side fetch;
    private final Side data;
    private final VcdSignal stale;
    private final Walk walk = new Walk();
    private int satp;
    private int mstatus;

    /**
     * Declares the signals on {@code vcd} (not yet started) and starts from {@code hart}'s
     * current satp and mstatus, walking page tables on its bus.
     */
    public MmuWalkProbe(VcdWriter vcd, String scope, Hart hart) {
        this(vcd, scope, hart.bus(), hart.profile().accessedDirtyFaults(), hart.satp(), hart.mstatus());
    }

    /** As {@link #MmuWalkProbe(VcdWriter, String, Hart)} with the parts given one by one. */
    public MmuWalkProbe(VcdWriter vcd, String scope, Bus bus, boolean accessedDirtyFaults, int satp, int mstatus) {
        this.walker = new Sv32Walker(bus, accessedDirtyFaults);
        this.satp = satp;
        this.mstatus = mstatus;
        String s = scope + ".mmu";
        fetch = new Side(vcd, s, "fetch");
        data = new Side(vcd, s, "data");
        stale = vcd.wire(s, "stale", 1);
    }

    /** Sets the walk signals for record {@code slot}; the writer is at the record's time. */
    void record(VcdWriter vcd, RetireBuffer b, int slot) {
        int kind = b.kind(slot);
        int privBefore = b.privBefore(slot);
        vcd.set(stale, 0);
        if (kind == RetireBuffer.KIND_TRAP) {
            Cause cause = Cause.ofXcause(b.cause(slot));
            if (cause == Cause.INSTRUCTION_PAGE_FAULT) {
                walkFetch(vcd, b.tval(slot), privBefore);
            } else if (cause == Cause.LOAD_PAGE_FAULT || cause == Cause.STORE_PAGE_FAULT) {
                walkFetch(vcd, b.pc(slot), privBefore);
                walkData(vcd, b.tval(slot), cause == Cause.LOAD_PAGE_FAULT ? Access.LOAD : Access.STORE, privBefore, -1);
            } else {
                walkFetch(vcd, b.pc(slot), privBefore);
            }
        } else if (kind == RetireBuffer.KIND_RETIRE) {
            walkFetch(vcd, b.pc(slot), privBefore);
            int mem = b.memFlags(slot);
            if (mem != 0) {
                Access a = (mem & RetireBuffer.MEM_WRITE) != 0 ? Access.STORE : Access.LOAD;
                walkData(vcd, b.memVaddr(slot), a, privBefore, b.memPaddr(slot) & 0xFFFF_FFFFL);
            }
        }
        follow(b, slot);
    }

    /** Ends the strobes at the middle of the record's slot. */
    void endStrobes(VcdWriter vcd) {
        vcd.set(fetch.walk, 0);
        vcd.set(data.walk, 0);
    }

    private void walkFetch(VcdWriter vcd, int va, int priv) {
        if (Sv32Walker.enabled(satp) && priv != Hart.M) {
            walker.translate(satp, va, Access.FETCH, priv, sum(), mxr(), walk);
            fetch.show(vcd, va, rootPte(va), walk);
        }
    }

    private void walkData(VcdWriter vcd, int va, Access access, int priv, long recordedPa) {
        boolean mprv = priv == Hart.M && (mstatus & Mstatus.MPRV) != 0;
        int effective = mprv ? Mstatus.mpp(mstatus) : priv;
        if (Sv32Walker.enabled(satp) && effective != Hart.M) {
            // VexRiscv: an MPRV access translates as MPP but checks U against the real privilege (M)
            walker.translate(satp, va, access, effective, mprv ? Hart.M : effective, sum(), mxr(), walk);
            data.show(vcd, va, rootPte(va), walk);
            if (recordedPa >= 0 && walk.ok() && walk.physical != recordedPa) {
                vcd.set(stale, 1);
            }
        }
    }

    /** Applies the record's CSR writes and xRET effects to the satp and mstatus the next walks use. */
    private void follow(RetireBuffer b, int slot) {
        for (int i = 0; i < b.csrCount(slot); i++) {
            int v = b.csrValue(slot, i);
            switch (b.csrAddr(slot, i)) {
                case Csrs.SATP -> satp = v;
                case Csrs.MSTATUS -> mstatus = v;
                case Csrs.SSTATUS -> mstatus = (mstatus & ~Mstatus.SSTATUS_MASK) | (v & Mstatus.SSTATUS_MASK);
                default -> { }
            }
        }
        if (b.kind(slot) == RetireBuffer.KIND_RETIRE && (b.insn(slot) == MRET || b.insn(slot) == SRET)) {
            if (b.privAfter(slot) != Hart.M) {
                mstatus &= ~Mstatus.MPRV;
            }
            if (b.insn(slot) == MRET) {
                mstatus &= ~Mstatus.MPP;
            }
        }
    }

    /** Address of the level-1 PTE for {@code va} (the walk's steps 1 and 2; known even when reading it faults). */
    private long rootPte(int va) {
        return ((satp & 0x3F_FFFFL) << 12) + ((va >>> 22) << 2) & 0xFFFF_FFFFL;
    }

    private boolean sum() {
        return (mstatus & Mstatus.SUM) != 0;
    }

    private boolean mxr() {
        return (mstatus & Mstatus.MXR) != 0;
    }

    /** The signals of one side (fetch or data). */
    private static final class Side {
        final VcdSignal walk;
        final VcdSignal va;
        final VcdSignal[] pteAddress = new VcdSignal[2];
        final VcdSignal level;
        final VcdSignal pa;
        final VcdSignal fault;

        Side(VcdWriter vcd, String scope, String side) {
            walk = vcd.wire(scope, side + "_walk", 1);
            va = vcd.wire(scope, side + "_va", 32);
            pteAddress[1] = vcd.wire(scope, side + "_pte1_addr", 32);
            pteAddress[0] = vcd.wire(scope, side + "_pte0_addr", 32);
            level = vcd.wire(scope, side + "_level", 2);
            pa = vcd.wire(scope, side + "_pa", 32);
            fault = vcd.wire(scope, side + "_fault", 4);
        }

        void show(VcdWriter vcd, int address, long root, Walk w) {
            vcd.set(walk, 1);
            vcd.set(va, address & 0xFFFF_FFFFL);
            // the walk starts at level 1; level 0 is read only when level 1 held a pointer
            vcd.set(pteAddress[1], root);
            if (w.level == 0) {
                vcd.set(pteAddress[0], w.pteAddress[0]);
            } else {
                vcd.setUnknown(pteAddress[0]);
            }
            vcd.set(level, Math.max(w.level, 0));
            if (w.ok()) {
                vcd.set(pa, w.physical);
            } else {
                vcd.setUnknown(pa);
            }
            vcd.set(fault, w.failure == null ? 0 : w.failure.ordinal() + 1);
        }
    }
}
