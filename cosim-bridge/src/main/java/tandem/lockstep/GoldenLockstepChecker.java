package tandem.lockstep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tandem.dut.DutRetire;
import tandem.dut.RetireBatch;
import tandem.golden.csr.Csr;
import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.hart.MmioPort;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.golden.trap.Cause;

/**
 * {@link LockstepChecker} backed by Tandem's golden {@link Hart}.
 *
 * <p>The hart runs with autonomous interrupts off and its device accesses replayed from the
 * RTL's. It may execute ahead of the RTL by the number of retires the caller announced with
 * {@link #expectRetires} (a batch without interrupts), which lets it run in its fast loop
 * instead of one call per instruction; its records wait in a queue until compared.
 *
 * <p>Trap handling follows VexRiscv: a trapping instruction never appears in the RTL's stream,
 * the handler's first instruction does. A golden trap record is therefore consumed when the
 * RTL's next retire is at the trap's target, and reported when the RTL retired the
 * instruction instead.
 */
public final class GoldenLockstepChecker implements LockstepChecker {

    private static final int MSTATUS_SIE = 1 << 1;
    private static final int MSTATUS_MIE = 1 << 3;

    private final Hart hart;
    private final int historyDepth;
    private final Queue queue;
    private final RetireHistory rtlHistory;
    private final DutRetire historyRecord = new DutRetire();
    private RetireBatch batch;
    private boolean goldenHeadInHistory;
    private final int[] rtlRegs = new int[32];
    private final int[] goldenRegs = new int[32];
    private final java.util.ArrayDeque<DataAccess> deviceLoads = new java.util.ArrayDeque<>();
    private final Map<Integer, Integer> csrOverrides = new LinkedHashMap<>();
    private final List<Divergence> divergences = new ArrayList<>();
    private long matched;
    private long lookahead;
    private long replayFaultOrder = -1;
    private int replayFaultPc;
    private String replayFault;
    private boolean stopped;
    private boolean rtlLevelsKnown;
    private int rtlLines;
    private int rtlMip;

    /**
     * Checks against {@code hart}, which must be in its reset state with the same image loaded
     * as the RTL; keeps the last {@code historyDepth} retires of each side for reports.
     */
    public GoldenLockstepChecker(Hart hart, int historyDepth) {
        this.hart = hart;
        this.historyDepth = historyDepth;
        this.queue = new Queue(historyDepth);
        this.rtlHistory = new RetireHistory(historyDepth);
        for (int i = 1; i < 32; i++) {
            rtlRegs[i] = hart.x(i);
            goldenRegs[i] = hart.x(i);
        }
        hart.setAutonomousInterrupts(false);
        hart.setMmioPort(new ReplayPort());
        hart.addRetireListener(queue);
    }

    /**
     * Performance hint: the next {@code n} calls to {@link #step} carry no interrupt, so the
     * golden model may execute up to {@code n} instructions ahead. Takes effect at the next step.
     */
    public void expectRetires(long n) {
        lookahead = n;
    }

    /**
     * Performance hint: the retires about to be stepped are records of {@code b}, so the RTL
     * history for reports is taken from it when needed instead of being recorded retire by
     * retire. Ends with {@link #endBatch}, before the batch's buffer is reused.
     */
    public void beginBatch(RetireBatch b) {
        batch = b;
    }

    /** Ends {@link #beginBatch}: keeps the batch's last retires (up to {@code checkedUpTo}, exclusive) as history. */
    public void endBatch(int checkedUpTo) {
        if (batch != null) {
            rtlHistoryFromBatch(checkedUpTo);
            batch = null;
        }
    }

    @Override
    public boolean step(DutRetire r) {
        if (stopped) {
            return false;
        }
        if (!csrOverrides.isEmpty()) {
            for (Map.Entry<Integer, Integer> e : csrOverrides.entrySet()) {
                hart.csrs().write(e.getKey(), e.getValue());
            }
            csrOverrides.clear();
        }
        if (r.has(DutRetire.INTERRUPT) && !takeInterrupt(r)) {
            return false;
        }
        int g = nextGoldenRetire(r);
        if (g < 0) {
            return false;
        }
        List<FieldMismatch> diff = null;
        if (r.pc != queue.pc[g]) {
            diff = add(diff, new FieldMismatch("pc", hex(r.pc), hex(queue.pc[g])));
        }
        if (!sameInstruction(r.insn, queue.insn[g])) {
            diff = add(diff, new FieldMismatch("insn", hex(r.insn), hex(queue.insn[g])));
        }
        int grd = queue.rdAddr[g];
        if (r.rdAddr != grd) {
            diff = add(diff, new FieldMismatch("rd", reg(r.rdAddr, r.rdWdata), reg(grd, queue.rdWdata[g])));
        } else if (grd != 0 && r.rdWdata != queue.rdWdata[g]) {
            int rtlDecided = RtlDecidedCsr.bits(queue.insn[g], hart.csrs());
            if (((r.rdWdata ^ queue.rdWdata[g]) & ~rtlDecided) == 0 && queue.isNewest(g)) {
                hart.setX(grd, r.rdWdata);
                queue.rdWdata[g] = r.rdWdata;
            } else {
                diff = add(diff, new FieldMismatch("rd_wdata", reg(grd, r.rdWdata), reg(grd, queue.rdWdata[g])));
            }
        }
        if (r.priv != queue.priv[g]) {
            diff = add(diff, new FieldMismatch("priv", Integer.toString(r.priv), Integer.toString(queue.priv[g])));
        }
        boolean gw = (queue.memFlags[g] & RetireBuffer.MEM_WRITE) != 0;
        boolean rw = r.has(DutRetire.MEM_WRITE);
        if (rw != gw) {
            diff = add(diff, new FieldMismatch("mem_write", rw ? store(r.memAddr, r.memData, r.memSize) : "none",
                    gw ? store(queue.memAddr[g], queue.memData[g], queue.memSize[g]) : "none"));
        } else if (rw) {
            int mask = mask(queue.memSize[g]);
            if (r.memAddr != queue.memAddr[g] || r.memSize != queue.memSize[g]
                    || (r.memData & mask) != (queue.memData[g] & mask)) {
                diff = add(diff, new FieldMismatch("mem_write", store(r.memAddr, r.memData, r.memSize),
                        store(queue.memAddr[g], queue.memData[g], queue.memSize[g])));
            }
        }
        if (replayFault != null && queue.order[g] >= replayFaultOrder && queue.pc[g] == replayFaultPc) {
            diff = add(diff, new FieldMismatch("device_load", "no such device load", replayFault));
        }
        if (diff != null) {
            recordRtl(r);
            goldenHeadInHistory = true;
            diverge(r, diff);
            return false;
        }
        if (batch == null) {
            recordRtl(r);
        }
        if (r.rdAddr != 0) {
            rtlRegs[r.rdAddr] = r.rdWdata;
        }
        if (grd != 0) {
            goldenRegs[grd] = queue.rdWdata[g];
        }
        queue.pop();
        matched++;
        if (lookahead > 0) {
            lookahead--;
        }
        return true;
    }

    /** Finds the golden record to compare with {@code r}, consuming traps the RTL skipped. */
    private int nextGoldenRetire(DutRetire r) {
        while (true) {
            if (queue.isEmpty()) {
                // the RTL left WFI on the levels it saw; the golden devices may already hold
                // what the RTL's later stores made of them (it runs a batch ahead)
                boolean inWfi = hart.waitingForInterrupt();
                int devices = inWfi ? applyRtlLevels() : 0;
                // a stop requested by a device (the finisher the RTL just wrote) ends one run
                // call early; the RTL's remaining retires still need golden records. A hart
                // waiting in WFI wakes on the levels that woke the RTL.
                for (int attempt = 0; attempt < 2 && queue.isEmpty(); attempt++) {
                    if (hart.waitingForInterrupt()) {
                        applyRtlLevels();
                    }
                    hart.run(Math.max(1, lookahead));
                }
                if (inWfi) {
                    restoreDeviceLines(devices);
                }
                if (queue.isEmpty()) {
                    recordRtl(r);
                    diverge(r, List.of(new FieldMismatch("retire", "retired " + hex(r.pc),
                            "golden model stopped (idle in WFI or stop requested) at " + hex(hart.pc()))));
                    return -1;
                }
            }
            int g = queue.head();
            byte kind = queue.kind[g];
            if (kind == RetireBuffer.KIND_RETIRE) {
                return g;
            }
            if (r.pc == queue.nextPc[g]) {
                queue.pop();
                continue;
            }
            recordRtl(r);
            goldenHeadInHistory = true;
            diverge(r, List.of(new FieldMismatch(kind == RetireBuffer.KIND_TRAP ? "trap" : "interrupt",
                    "retired " + hex(r.pc) + " " + hex(r.insn),
                    (kind == RetireBuffer.KIND_TRAP ? "trap" : "interrupt") + " cause " + hex(queue.cause[g])
                            + " at " + hex(queue.pc[g]) + " to " + hex(queue.nextPc[g]))));
            return -1;
        }
    }

    private boolean takeInterrupt(DutRetire r) {
        if (!queue.isEmpty()) {
            recordRtl(r);
            diverge(r, List.of(new FieldMismatch("interrupt", "taken before " + hex(r.pc),
                    "golden model already executed " + hex(queue.pc[queue.head()]))));
            return false;
        }
        int devices = applyRtlLevels();
        Cause pending = hart.pendingInterrupt();
        Cause taken = r.interruptCause == 0 ? pending : Cause.ofXcause(r.interruptCause);
        if ((pending == null || taken != pending) && !externalOnRtlLines(taken)) {
            recordRtl(r);
            diverge(r, List.of(new FieldMismatch("interrupt", "taken, cause " + hex(r.interruptCause),
                    pending == null ? "none pending and enabled" : "pending: " + pending)));
            return false;
        }
        hart.forceInterrupt(taken);
        restoreDeviceLines(devices);
        while (!queue.isEmpty() && queue.kind[queue.head()] == RetireBuffer.KIND_INTERRUPT) {
            queue.pop();
        }
        return true;
    }

    /**
     * Whether {@code taken} is an external interrupt that the RTL's interrupt-array lines make
     * pending and enabled. A golden profile with register stages on the array (Baochip-1x: two)
     * latches the lines the checker just applied only cycles later; the RTL's own stages have
     * already passed, and the RTL decides the boundary.
     */
    private boolean externalOnRtlLines(Cause taken) {
        if (!rtlLevelsKnown
                || taken != Cause.MACHINE_EXTERNAL_INTERRUPT && taken != Cause.SUPERVISOR_EXTERNAL_INTERRUPT) {
            return false;
        }
        boolean machine = taken == Cause.MACHINE_EXTERNAL_INTERRUPT;
        int bit = 1 << taken.code();
        int mask = hart.csrs().read(machine ? Csrs.VEX_MIRQ_MASK : Csrs.VEX_SIRQ_MASK);
        if ((rtlLines & mask) == 0 || (hart.csrs().read(Csrs.MIE) & bit) == 0) {
            return false;
        }
        int mstatus = hart.csrs().read(Csrs.MSTATUS);
        int priv = hart.privilege();
        boolean delegated = (hart.csrs().read(Csrs.MIDELEG) & bit) != 0;
        if (!delegated) {
            return priv < Hart.M || (mstatus & MSTATUS_MIE) != 0;
        }
        return priv < Hart.S || priv == Hart.S && (mstatus & MSTATUS_SIE) != 0;
    }

    @Override
    public void setInterruptPending(int externalLines, int mipLevels) {
        rtlLines = externalLines;
        rtlMip = mipLevels;
        rtlLevelsKnown = true;
    }

    /**
     * Puts the RTL's interrupt input levels into the golden hart. The shared devices may have
     * moved on (the RTL runs a batch ahead: its handler may already have cleared the source),
     * so legality is judged on what the RTL saw, not on the devices' present state.
     *
     * @return the lines the devices drive, for {@link #restoreDeviceLines}
     */
    private int applyRtlLevels() {
        int devices = hart.irqArray().driven();
        if (!rtlLevelsKnown) {
            return devices;
        }
        hart.irqArray().drive(rtlLines);
        hart.setMachineTimerPending((rtlMip & (1 << 7)) != 0);
        hart.setMachineSoftwarePending((rtlMip & (1 << 3)) != 0);
        return devices;
    }

    /**
     * Gives the interrupt-array lines back to the devices once the RTL's levels have served their
     * decision. The array also feeds the RTL's inputs at the next batch boundary; left at the
     * RTL's old levels, a line the handler has just acknowledged would be driven high again and
     * never dropped (devices call setLine only when their level changes). MTIP and MSIP need no
     * such care: the CLINT sets them again on every tick.
     */
    private void restoreDeviceLines(int devices) {
        hart.irqArray().drive(devices);
    }


    @Override
    public void notifyDataAccess(DataAccess access) {
        if (!access.write()) {
            deviceLoads.addLast(access);
        }
    }

    @Override
    public void overrideCsr(int csr, int value) {
        csrOverrides.put(csr, value);
    }

    @Override
    public List<Divergence> divergences() {
        return List.copyOf(divergences);
    }

    @Override
    public long matchedRetires() {
        return matched;
    }

    /** The golden hart (for tools that read its state after a run). */
    public Hart hart() {
        return hart;
    }

    private void diverge(DutRetire r, List<FieldMismatch> diff) {
        stopped = true;
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("divergence at retire #%d (cycle %d) pc %08x: ", r.index, r.cycle, r.pc));
        for (int i = 0; i < diff.size(); i++) {
            summary.append(i == 0 ? "" : "; ").append(diff.get(i));
        }
        divergences.add(snapshot(r, summary.toString(), diff));
    }

    /**
     * A divergence at {@code r} as things stand: both sides' last retires (up to {@code r} once
     * it was stepped), both register files, the golden CSRs. For findings the checker does not
     * make itself (an X-check's parting seeds); does not stop checking.
     */
    Divergence snapshot(DutRetire r, String summary, List<FieldMismatch> diff) {
        Map<String, Integer> csrs = new LinkedHashMap<>();
        for (Csr c : hart.csrs().all()) {
            try {
                csrs.put(c.name(), c.read());
            } catch (RuntimeException e) {
                // a CSR whose read has side effects or needs state we lack is left out of the dump
            }
        }
        if (batch != null) {
            rtlHistoryFromBatch((int) (r.index - batch.firstIndex()) + 1);
            batch = null;
        }
        return new Divergence(r.index, r.cycle, r.pc, summary, List.copyOf(diff), rtlHistory.views(),
                goldenHistory(), rtlRegs.clone(), goldenRegs.clone(), csrs, null);
    }

    /** Adds the batch's last retires before {@code upTo} (exclusive) to the RTL history. */
    private void rtlHistoryFromBatch(int upTo) {
        RetireBatch b = batch;
        batch = null;
        for (int i = Math.max(0, upTo - historyDepth); i < upTo; i++) {
            recordRtl(b.read(i, historyRecord));
        }
        batch = b;
    }

    private void recordRtl(DutRetire r) {
        if (batch != null) {
            return;
        }
        int note = r.has(DutRetire.INTERRUPT) ? RetireHistory.NOTE_INTERRUPT
                : r.has(DutRetire.MMIO) ? RetireHistory.NOTE_DEVICE : RetireHistory.NOTE_NONE;
        rtlHistory.add(r.index, r.cycle, r.pc, r.insn, r.rdAddr, r.rdWdata, r.has(DutRetire.MEM_WRITE),
                r.memAddr, r.memData, r.memSize, r.priv, note, r.interruptCause);
    }

    /**
     * The golden side's last retires for a report: the records the queue popped (it keeps the
     * last ones), and the one at its head when the divergence involves it.
     */
    private List<RetireView> goldenHistory() {
        RetireHistory h = new RetireHistory(historyDepth);
        long end = goldenHeadInHistory && !queue.isEmpty() ? queue.headSeq() + 1 : queue.headSeq();
        for (long seq = Math.max(queue.oldestSeq(), end - historyDepth); seq < end; seq++) {
            int g = queue.slot(seq);
            byte kind = queue.kind[g];
            int note = kind == RetireBuffer.KIND_TRAP ? RetireHistory.NOTE_TRAP
                    : kind == RetireBuffer.KIND_INTERRUPT ? RetireHistory.NOTE_INTERRUPT : RetireHistory.NOTE_NONE;
            h.add(queue.order[g], -1, queue.pc[g], queue.insn[g], queue.rdAddr[g], queue.rdWdata[g],
                    (queue.memFlags[g] & RetireBuffer.MEM_WRITE) != 0, queue.memAddr[g], queue.memData[g],
                    queue.memSize[g], queue.priv[g], note, queue.cause[g]);
        }
        return h.views();
    }

    /**
     * A 16-bit golden instruction matches the RTL's raw form (upper half ignored: VexRiscv's
     * RVFI reports junk there) or, when the RTL reports the decompressed 32-bit form, is not
     * compared bit for bit (pc and effects still are).
     */
    private static boolean sameInstruction(int rtl, int golden) {
        if ((golden & 3) == 3) {
            return rtl == golden;
        }
        return (rtl & 3) == 3 || (rtl & 0xFFFF) == golden;
    }

    private static List<FieldMismatch> add(List<FieldMismatch> list, FieldMismatch m) {
        List<FieldMismatch> l = list == null ? new ArrayList<>(2) : list;
        l.add(m);
        return l;
    }

    private static int mask(int size) {
        return size >= 4 ? -1 : (1 << (8 * size)) - 1;
    }

    static String hex(int v) {
        return String.format("0x%08x", v);
    }

    private static String reg(int rd, int value) {
        return rd == 0 ? "no write" : "x" + rd + "=" + hex(value);
    }

    private static String store(int addr, int data, int size) {
        return String.format("[%08x]/%d<-%08x", addr, size, data & mask(size));
    }

    /**
     * Serves the golden model's device loads from the RTL's, in order. A core that caches the
     * device region reads whole lines (VexRiscv's D-cache refills 8 words) and later hits its
     * cache: the golden load takes the queued RTL access that covers its address, skipping the
     * line's other beats, and otherwise the last value the RTL read at that word.
     */
    private final class ReplayPort implements MmioPort {
        private final Map<Integer, Integer> lastWord = new java.util.HashMap<>();

        @Override
        public int load(long paddr, int width) {
            int a = (int) paddr;
            while (!deviceLoads.isEmpty()) {
                DataAccess d = deviceLoads.pollFirst();
                if (d.size() == 4 && (d.address() & 3) == 0) {
                    lastWord.put(d.address(), d.value());
                }
                if (Integer.compareUnsigned(a - d.address(), d.size()) < 0 && a - d.address() + width <= d.size()) {
                    return extract(d.value(), a - d.address(), width);
                }
            }
            Integer word = lastWord.get(a & ~3);
            if (word != null && (a & 3) + width <= 4) {
                return extract(word, a & 3, width);
            }
            if (replayFault == null) {
                replayFaultOrder = queue.nextOrder;
                replayFaultPc = hart.pc();
                replayFault = String.format("load %08x/%d with no RTL device access to replay", a, width);
            }
            return 0;
        }

        @Override
        public void store(long paddr, int value, int width) {
            // the device already received the RTL's store; the store is compared at its retire
        }

        private int extract(int value, int offset, int width) {
            int v = value >>> (8 * offset);
            return width >= 4 ? v : v & ((1 << (8 * width)) - 1);
        }
    }

    /**
     * Golden records waiting to be compared, copied out of the hart's reusable buffer: a ring
     * indexed by sequence number that also keeps the last {@code keep} records compared, which
     * are the golden history of a report (so matching a retire records nothing extra).
     */
    private static final class Queue implements RetireListener {
        private final int keep;
        int mask = 1023;
        long[] order = new long[1024];
        byte[] kind = new byte[1024];
        int[] pc = new int[1024];
        int[] nextPc = new int[1024];
        int[] insn = new int[1024];
        int[] priv = new int[1024];
        int[] rdAddr = new int[1024];
        int[] rdWdata = new int[1024];
        int[] memFlags = new int[1024];
        int[] memAddr = new int[1024];
        int[] memData = new int[1024];
        int[] memSize = new int[1024];
        int[] cause = new int[1024];
        private long head;
        private long tail;
        long nextOrder;

        Queue(int keep) {
            this.keep = keep;
        }

        boolean isEmpty() {
            return head == tail;
        }

        /** Whether {@code slot} holds the newest record: the golden model has not run past it. */
        boolean isNewest(int slot) {
            return tail > 0 && ((tail - 1) & mask) == slot;
        }

        /** The slot of the next record to compare. */
        int head() {
            return (int) head & mask;
        }

        long headSeq() {
            return head;
        }

        /** The oldest record still held (compared ones are kept up to {@code keep}). */
        long oldestSeq() {
            return Math.max(0, Math.max(head - keep, tail - (mask + 1)));
        }

        int slot(long seq) {
            return (int) seq & mask;
        }

        void pop() {
            head++;
        }

        @Override
        public void retired(RetireBuffer b, int from, int count) {
            long oldest = Math.max(0, head - keep);
            if (tail + count - oldest > mask + 1) {
                grow(oldest, count);
            }
            for (int s = from; s < from + count; s++) {
                int t = (int) tail++ & mask;
                order[t] = b.order(s);
                kind[t] = b.kind(s);
                pc[t] = b.pc(s);
                nextPc[t] = b.nextPc(s);
                insn[t] = b.insn(s);
                priv[t] = b.privBefore(s);
                rdAddr[t] = b.rdAddr(s);
                rdWdata[t] = b.rdWdata(s);
                int flags = b.memFlags(s);
                memFlags[t] = flags;
                if ((flags & RetireBuffer.MEM_WRITE) != 0) {
                    memAddr[t] = b.memPaddr(s);
                    memData[t] = b.memWdata(s);
                    memSize[t] = b.memWidth(s);
                } else {
                    memAddr[t] = 0;
                    memData[t] = 0;
                    memSize[t] = 0;
                }
                cause[t] = b.cause(s);
                nextOrder = order[t] + 1;
            }
        }

        private void grow(long oldest, int incoming) {
            int cap = mask + 1;
            while (tail + incoming - oldest > cap) {
                cap *= 2;
            }
            int newMask = cap - 1;
            order = move(order, new long[cap], oldest, newMask);
            kind = move(kind, new byte[cap], oldest, newMask);
            pc = move(pc, new int[cap], oldest, newMask);
            nextPc = move(nextPc, new int[cap], oldest, newMask);
            insn = move(insn, new int[cap], oldest, newMask);
            priv = move(priv, new int[cap], oldest, newMask);
            rdAddr = move(rdAddr, new int[cap], oldest, newMask);
            rdWdata = move(rdWdata, new int[cap], oldest, newMask);
            memFlags = move(memFlags, new int[cap], oldest, newMask);
            memAddr = move(memAddr, new int[cap], oldest, newMask);
            memData = move(memData, new int[cap], oldest, newMask);
            memSize = move(memSize, new int[cap], oldest, newMask);
            cause = move(cause, new int[cap], oldest, newMask);
            mask = newMask;
        }

        private <T> T move(T src, T dst, long oldest, int newMask) {
            for (long seq = oldest; seq < tail; seq++) {
                System.arraycopy(src, (int) seq & mask, dst, (int) seq & newMask, 1);
            }
            return dst;
        }
    }
}
