package tandem.wave;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import tandem.golden.hart.Hart;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;

/**
 * Draws the golden model's retire stream as a waveform: a {@link RetireListener} that writes
 * one time slot per record (record {@code order} n starts at {@code n * period}) to a VCD.
 *
 * <p>Signals, in the given scope: strobes {@code retire}, {@code trap}, {@code interrupt},
 * {@code rd_we}, {@code mem_re}, {@code mem_we} (high for the first half of the record's slot);
 * {@code order}, {@code pc}, {@code insn}, {@code next_pc}, {@code priv} (after the record),
 * {@code rd_addr}, {@code rd_wdata}, {@code mem_addr} (virtual), {@code mem_paddr},
 * {@code mem_width}, {@code mem_rdata}, {@code mem_wdata}, {@code cause}, {@code tval},
 * {@code mmu_failure} (the Sv32 check behind a page fault, {@code TranslationFailure} ordinal + 1),
 * which keep their last value; in {@code <scope>.regs} the register file {@code x1..x31} under ABI names
 * as the writes reveal it, and in {@code <scope>.csrs} the trap and translation CSRs as last
 * written ({@code x} until then); optionally, in {@code <scope>.mmu}, the Sv32 walks behind each
 * record ({@link MmuWalkProbe}).
 */
public final class RetireWaveform implements RetireListener, Closeable {

    private static final int[] CSRS = {0x300, 0x304, 0x305, 0x340, 0x341, 0x342, 0x343, 0x344,
        0x100, 0x104, 0x105, 0x141, 0x142, 0x143, 0x144, 0x180};
    private static final String[] CSR_NAMES = {"mstatus", "mie", "mtvec", "mscratch", "mepc", "mcause", "mtval", "mip",
        "sstatus", "sie", "stvec", "sepc", "scause", "stval", "sip", "satp"};
    private static final String[] ABI = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
        "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4",
        "t5", "t6"};

    private final VcdWriter vcd;
    private final long period;
    private final VcdSignal retire;
    private final VcdSignal trap;
    private final VcdSignal interrupt;
    private final VcdSignal rdWe;
    private final VcdSignal memRe;
    private final VcdSignal memWe;
    private final VcdSignal order;
    private final VcdSignal pc;
    private final VcdSignal insn;
    private final VcdSignal nextPc;
    private final VcdSignal priv;
    private final VcdSignal rdAddr;
    private final VcdSignal rdWdata;
    private final VcdSignal memAddr;
    private final VcdSignal memPaddr;
    private final VcdSignal memWidth;
    private final VcdSignal memRdata;
    private final VcdSignal memWdata;
    private final VcdSignal cause;
    private final VcdSignal tval;
    private final VcdSignal mmuFailure;
    private final VcdSignal[] regs = new VcdSignal[32];
    private final VcdSignal[] csrs = new VcdSignal[CSRS.length];
    private final int[] csrIndex = new int[4096];
    private final MmuWalkProbe mmu;
    private long lastEnd = -1;

    /**
     * Declares the signals on {@code vcd}, which must not have started; each record lasts
     * {@code period} time units (at least 2).
     */
    public RetireWaveform(VcdWriter vcd, String scope, long period) {
        this(vcd, scope, period, null);
    }

    /**
     * As {@link #RetireWaveform(VcdWriter, String, long)}, and with {@code walksOf} given, the
     * Sv32 walks behind each record in {@code <scope>.mmu} ({@link MmuWalkProbe}) re-walked on
     * that hart's bus from its current satp and mstatus.
     */
    public RetireWaveform(VcdWriter vcd, String scope, long period, Hart walksOf) {
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2 time units");
        }
        this.vcd = vcd;
        this.period = period;
        vcd.comment("Tandem golden model retire stream; record n occupies [n*" + period + ", (n+1)*" + period + ")");
        retire = vcd.wire(scope, "retire", 1);
        trap = vcd.wire(scope, "trap", 1);
        interrupt = vcd.wire(scope, "interrupt", 1);
        rdWe = vcd.wire(scope, "rd_we", 1);
        memRe = vcd.wire(scope, "mem_re", 1);
        memWe = vcd.wire(scope, "mem_we", 1);
        order = vcd.wire(scope, "order", 64);
        pc = vcd.wire(scope, "pc", 32);
        insn = vcd.wire(scope, "insn", 32);
        nextPc = vcd.wire(scope, "next_pc", 32);
        priv = vcd.wire(scope, "priv", 2);
        rdAddr = vcd.wire(scope, "rd_addr", 5);
        rdWdata = vcd.wire(scope, "rd_wdata", 32);
        memAddr = vcd.wire(scope, "mem_addr", 32);
        memPaddr = vcd.wire(scope, "mem_paddr", 32);
        memWidth = vcd.wire(scope, "mem_width", 3);
        memRdata = vcd.wire(scope, "mem_rdata", 32);
        memWdata = vcd.wire(scope, "mem_wdata", 32);
        cause = vcd.wire(scope, "cause", 32);
        tval = vcd.wire(scope, "tval", 32);
        mmuFailure = vcd.wire(scope, "mmu_failure", 4);
        for (int i = 1; i < 32; i++) {
            regs[i] = vcd.reg(scope + ".regs", "x" + i + "_" + ABI[i], 32);
        }
        Arrays.fill(csrIndex, -1);
        for (int k = 0; k < CSRS.length; k++) {
            csrs[k] = vcd.reg(scope + ".csrs", CSR_NAMES[k], 32);
            csrIndex[CSRS[k]] = k;
        }
        mmu = walksOf == null ? null : new MmuWalkProbe(vcd, scope, walksOf);
    }

    /** Creates (or replaces) a VCD file with 1 ns units, 10 ns per record, scope {@code tandem.hart0}. */
    public static RetireWaveform open(Path file) throws IOException {
        return new RetireWaveform(VcdWriter.open(file, Timescale.NS), "tandem.hart0", 10);
    }

    /** As {@link #open(Path)}, with the MMU walks of {@code hart} in {@code tandem.hart0.mmu}. */
    public static RetireWaveform open(Path file, Hart hart) throws IOException {
        return new RetireWaveform(VcdWriter.open(file, Timescale.NS), "tandem.hart0", 10, hart);
    }

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        for (int slot = from; slot < from + count; slot++) {
            long t = b.order(slot) * period;
            if (t < lastEnd) {
                t = lastEnd;
            }
            vcd.time(t);
            int kind = b.kind(slot);
            vcd.set(retire, kind == RetireBuffer.KIND_RETIRE ? 1 : 0);
            vcd.set(trap, kind == RetireBuffer.KIND_TRAP ? 1 : 0);
            vcd.set(interrupt, kind == RetireBuffer.KIND_INTERRUPT ? 1 : 0);
            vcd.set(order, b.order(slot));
            vcd.set(pc, b.pc(slot) & 0xFFFFFFFFL);
            vcd.set(insn, b.insn(slot) & 0xFFFFFFFFL);
            vcd.set(nextPc, b.nextPc(slot) & 0xFFFFFFFFL);
            vcd.set(priv, b.privAfter(slot));
            int rd = b.rdAddr(slot);
            vcd.set(rdWe, rd != 0 ? 1 : 0);
            if (rd != 0) {
                vcd.set(rdAddr, rd);
                vcd.set(rdWdata, b.rdWdata(slot) & 0xFFFFFFFFL);
                vcd.set(regs[rd], b.rdWdata(slot) & 0xFFFFFFFFL);
            }
            int mem = b.memFlags(slot);
            vcd.set(memRe, (mem & RetireBuffer.MEM_READ) != 0 ? 1 : 0);
            vcd.set(memWe, (mem & RetireBuffer.MEM_WRITE) != 0 ? 1 : 0);
            if (mem != 0) {
                vcd.set(memAddr, b.memVaddr(slot) & 0xFFFFFFFFL);
                vcd.set(memPaddr, b.memPaddr(slot) & 0xFFFFFFFFL);
                vcd.set(memWidth, b.memWidth(slot));
                if ((mem & RetireBuffer.MEM_READ) != 0) {
                    vcd.set(memRdata, b.memRdata(slot) & 0xFFFFFFFFL);
                }
                if ((mem & RetireBuffer.MEM_WRITE) != 0) {
                    vcd.set(memWdata, b.memWdata(slot) & 0xFFFFFFFFL);
                }
            }
            if (kind != RetireBuffer.KIND_RETIRE) {
                vcd.set(cause, b.cause(slot) & 0xFFFFFFFFL);
                vcd.set(tval, b.tval(slot) & 0xFFFFFFFFL);
                vcd.set(mmuFailure, b.mmuFailure(slot));
            }
            for (int i = 0; i < b.csrCount(slot); i++) {
                int k = csrIndex[b.csrAddr(slot, i)];
                if (k >= 0) {
                    vcd.set(csrs[k], b.csrValue(slot, i) & 0xFFFFFFFFL);
                }
            }
            if (mmu != null) {
                mmu.record(vcd, b, slot);
            }
            vcd.time(t + period / 2);
            if (mmu != null) {
                mmu.endStrobes(vcd);
            }
            vcd.set(retire, 0);
            vcd.set(trap, 0);
            vcd.set(interrupt, 0);
            vcd.set(rdWe, 0);
            vcd.set(memRe, 0);
            vcd.set(memWe, 0);
            lastEnd = t + period;
        }
    }

    /** Ends the last record's slot and closes the file. */
    @Override
    public void close() throws IOException {
        if (lastEnd >= 0) {
            vcd.time(lastEnd);
        }
        vcd.close();
    }
}
