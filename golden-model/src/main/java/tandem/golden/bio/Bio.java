package tandem.golden.bio;

import java.util.function.LongSupplier;
import tandem.golden.TandemException;
import tandem.golden.bus.BusDevice;
import tandem.golden.bus.IrqLine;
import tandem.golden.bus.Ticking;

/**
 * The Baochip-1x BIO block as the host sees it at 0x5012_4000: four {@link BioCore}s, four
 * {@link BioFifo}s, the GPIO, event and quantum logic of {@code bio_bdma.sv}, the register bank,
 * the four code windows (+0x1000 .. +0x4FFF) and the four FIFO alias pages (+0x5000 .. +0x8FFF).
 *
 * <p>One call of {@link #run}'s loop is one {@code aclk} edge of the whole block. Within it every
 * core first presents its side-effect signals, the block resolves stalls and arbitration (host,
 * then core 0 .. 3; a losing FIFO writer's word is dropped, a FIFO pop is broadcast to every
 * reader, GPIO set and clear of one bit hold it, events take one whole 24-bit word by priority),
 * then all registers take their new values.
 *
 * <p>Checked against the Verilated tape-out RTL (cosim-bridge's {@code BioRtlLockstepTest}, with
 * {@code TANDEM_BIO_RTL}): core timing, quantum waits, FIFO traffic between cores, host pushes and
 * pin edges agree cycle for cycle.
 * Host writes land at the next BIO clock by default; with {@link BioConfig#apbWriteTiming} (the
 * platform's BIO) they land when the RTL's APB port delivers them, 11 to 18 BIO clocks after
 * they are issued ({@link #queueApbWrite}). Host reads are answered at once in both modes.
 *
 * <p>Host accesses happen between BIO cycles. Once a write lands, control actions take the RTL's
 * synchroniser delays counted in BIO clocks: enables apply at the next edge (x31 starts counting there), a
 * RESTART holds the core and its FIFO in reset for three host clocks ({@link BioConfig#pclkRatio}
 * BIO clocks each), and a CLKDIV_RESTART lets the divider run three BIO clocks ahead of the core.
 * The core's first clock after the restart is "cycle 0" of the RTL alignment convention. FIFO
 * pushes and event writes from the host take part in the next cycle's arbitration with the
 * host's priority; an RXF read returns the head and pops it.
 *
 * <p>Where the documentation and the RTL disagree the RTL is modelled: contested FIFO writes are
 * dropped rather than retried, GPIO set+clear holds, x27 reads back, CTRL reads only EN, a
 * RESTART empties the core's FIFO, and a field of 20 waits for a quantum even in formats without
 * that operand (erratum 2); an I-type immediate whose low bits name the FIFO that rs1 reads
 * (16..19) cancels that pop, so the read neither pops nor waits. Such a wait can start while the previous instruction is still writing
 * back; the write strobe is not gated by the stall, so a FIFO push there repeats every clock.
 *
 * <p>Time. With an observer every clock runs through {@code cycleOnce}, the reference: each core
 * steps PicoRV32's state machine, the block resolves the clock. Without one ({@link #run} →
 * {@code runSpans}) a core runs by instruction spans instead ({@link SpanNode}, {@link SpanEdge}):
 * a span the reference core has stepped once is replayed in one step the next time the core is in
 * the same control state at the same instruction with the same outcome, so busy cores cost about
 * one replayed instruction rather than three or more reference clocks each; a node replayed
 * often gets its chain of spans compiled to one JVM method ({@link SpanTrace}). Cores run ahead
 * through spans that touch nothing outside the core; block writes are queued and applied at
 * their clocks, and reads of the block wait for its clock. Clocks in which every core is replaying,
 * disabled or waiting and the block has settled are jumped over in one step; a jump ends where a
 * quantum pulse reaches a waiting core, at a host write landing or at the end of the run, so host
 * accesses still meet the exact clock and see every core's exact state. {@code BioSpanReplayTest}
 * holds replay to the reference register for register. The system property
 * {@code tandem.bio.replay=false} runs every clock on the reference. On a platform the block
 * follows the CPU's cycle counter ({@link #followCpuClock}).
 *
 * <p>Not modelled: the BDMA bus (a core load or store above 0x0FFF_FFFF is reported as an
 * error), the DMA request event sources, the address filters (their registers are stored).
 */
public final class Bio implements BusDevice, Ticking {

    /** Bytes of address space from 0x5012_4000: registers, four code windows, four alias pages. */
    public static final int SIZE = 0x9000;
    /** CFGINFO: 4096-byte RAM per core, 4 cores, version 8. */
    public static final int CFGINFO = 0x1000_0408;

    private static final int CORES = 4;
    /**
     * BIO clocks by which a restarted divider runs ahead of its restarted core: the divider's
     * reset is the raw control bit, the core's passes three flops. Verilated RTL with host and
     * BIO clock edges aligned gives 3 (ACLK-test samples 55 and 65 after the quantum waits); the
     * RTL header's SoC run reports 54 and 64, one clock of clock-phase difference.
     */
    private static final int DIVIDER_LEAD = 3;

    private final BioConfig config;
    private final IrqLine[] irqLines;
    private final BioCore[] cores = new BioCore[CORES];
    private final BioFifo[] fifos = new BioFifo[CORES];
    private final QuantumDivider[] dividers = new QuantumDivider[CORES];
    private BioObserver observer;

    private long cycle;
    private long cpuRemainder;
    /** Every core was stalled, disabled or trapped in the last clock: the quiet fast path may apply. */
    private boolean quietCandidate;
    private boolean quietSkipping = true;
    private boolean spanReplay;
    private final SpanTable spans = new SpanTable();
    /** Clocks run by the quiet fast path so far (for tests and benchmarks). */
    private long quietCycles;
    /** The CPU's cycle counter when the block follows it ({@link #followCpuClock}), else null. */
    private LongSupplier cpuClock;
    /** The CPU cycle the block has caught up with. */
    private long cpuSeen;

    /** A host write in flight through the APB port ({@link BioConfig#apbWriteTiming}). */
    private record ApbWrite(long lands, int offset, int value, int width) {
    }

    private final java.util.ArrayDeque<ApbWrite> apbWrites = new java.util.ArrayDeque<>();
    /** The cycle the oldest write in flight lands at, or Long.MAX_VALUE. */
    private long nextApbLanding = Long.MAX_VALUE;
    /** The register-file landing of the latest write, for the one-at-a-time APB transfers. */
    private long lastApbLanding = Long.MIN_VALUE;

    // Core control.
    private int enSync;
    private int ctrlEnables;
    private final int[] restartCount = new int[CORES];
    private final int[] divResetCount = new int[CORES];
    private final int[] clockCount = new int[CORES];
    private int quantum;
    private int extclkSelectedQ;
    private int pendingCtrl = -1;

    // GPIO.
    private int gpioOutAclk;
    private int gpioDirAclk;
    private int gpioOut;
    private int gpioDir;
    private int externalPins;
    private int inSync0;
    private int inSync1;
    private int inSnapped;
    private int syncBypass;
    private int oeInvert;
    private int outInvert;
    private int inInvert;
    private int configReg;

    // Events.
    private int events;
    private int hostEventSet;
    private int hostEventClr;
    private boolean hostEventSetValid;
    private boolean hostEventClrValid;
    private int hostEventSetP;
    private int hostEventClrP;
    private boolean hostEventSetPValid;
    private boolean hostEventClrPValid;
    private int elevel;
    private int etype;

    // Host FIFO traffic waiting for the next cycle.
    private final boolean[] hostPushPending = new boolean[CORES];
    private final int[] hostPushData = new int[CORES];
    private final boolean[] hostPullPending = new boolean[CORES];
    private boolean hostFifoTraffic;

    // Interrupts.
    private final int[] irqMask = new int[CORES];
    private int irqEdge;
    private int irqAggQ;
    private int irqState;
    private int pclkPhase;

    // Stored registers without behaviour in the model.
    private int extclock;
    private int memGutter;
    private int periGutter;
    private final int[] qdiv = new int[CORES];
    private final int[] evmap = new int[6];
    /** FILTER_BASE/BOUNDS: write-only, as on silicon (the read-back erratum). */
    private final int[] filter = new int[8];

    /** A BIO with the silicon's options and no interrupt wiring. */
    public Bio() {
        this(BioConfig.DEFAULT, null);
    }

    /**
     * @param config model options (errata, host clock ratio, BIO/CPU clock ratio)
     * @param irqLines the four BIO interrupt outputs (IRQARRAY18 bits 0–3 on Baochip-1x), or
     *     {@code null} for none; shorter arrays leave the rest unconnected
     */
    public Bio(BioConfig config, IrqLine[] irqLines) {
        this.config = config;
        this.spanReplay = config.spanReplay() && !"false".equals(System.getProperty("tandem.bio.replay"));
        this.irqLines = new IrqLine[CORES];
        for (int i = 0; i < CORES; i++) {
            cores[i] = new BioCore(i, config);
            cores[i].useTable(spans);
            fifos[i] = new BioFifo();
            dividers[i] = new QuantumDivider();
            this.irqLines[i] = irqLines != null && i < irqLines.length && irqLines[i] != null ? irqLines[i] : IrqLine.NONE;
        }
    }

    /** The options this block was built with. */
    public BioConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "bio";
    }

    @Override
    public int size() {
        return SIZE;
    }

    /** Sets (or with {@code null} removes) the per-cycle observer. */
    public void setObserver(BioObserver observer) {
        this.observer = observer;
    }

    // ---------------------------------------------------------------- state seen from outside

    /** BIO clock edges so far. */
    public long cycle() {
        return cycle;
    }

    /** Pad output levels: the output register after IO_O_INV. */
    public int pins() {
        return gpioOut ^ outInvert;
    }

    /** Pad output enables (1 = output): the direction register after IO_OE_INV. */
    public int directions() {
        return gpioDir ^ oeInvert;
    }

    /** Words in FIFO {@code k}, 0..9. */
    public int fifoLevel(int k) {
        return fifos[k].level();
    }

    /** Core {@code c}'s program counter (reg_pc). */
    public int pc(int c) {
        return cores[c].regPc;
    }

    /** Core {@code c}'s state machine state, one-hot as in PicoRV32 (0x40 fetch, 0x20 ld_rs1 ...). */
    public int coreState(int c) {
        return cores[c].cpuState;
    }

    /** Core {@code c} has trapped (illegal instruction, ecall or ebreak). */
    public boolean trapped(int c) {
        return cores[c].trapped();
    }

    /** Core {@code c}'s register x{@code i} for i in 1..15 (x16–x31 are not storage). */
    public int x(int c, int i) {
        return cores[c].x(i);
    }

    /** The aggregated event register (bits 23:0 set/cleared by cores and host, 31:24 FIFO levels). */
    public int events() {
        return events;
    }

    /** Core {@code c}'s BIO clock counter, the low 30 bits of x31. */
    public int clockCount(int c) {
        return clockCount[c];
    }

    /** The pad-side input levels that external logic drives (used for pins not driven by the BIO). */
    public void drivePins(int levels) {
        externalPins = levels;
    }

    /** Core {@code c}'s whole state as text (see {@link BioCore#describeState}), for differential tests. */
    String describeCore(int c) {
        return cores[c].describeState();
    }

    /** The block's own registers as text: pins and their pipeline, events, FIFOs, pulses, counters (for differential tests). */
    String describeBlock() {
        return String.format("gpioOutAclk=%x gpioDirAclk=%x gpioOut=%x gpioDir=%x inSync0=%x inSync1=%x inSnapped=%x events=%x"
                + " quantum=%x pclkPhase=%d irqState=%x irqAggQ=%x flevel=%x clocks=%d,%d,%d,%d heads=%x,%x,%x,%x",
                gpioOutAclk, gpioDirAclk, gpioOut, gpioDir, inSync0, inSync1, inSnapped, events, quantum, pclkPhase,
                irqState, irqAggQ, flevel(), clockCount[0], clockCount[1], clockCount[2], clockCount[3],
                fifos[0].head(), fifos[1].head(), fifos[2].head(), fifos[3].head());
    }

    int fifoHead(int k) {
        return fifos[k].head();
    }

    int pinsSeenByCores() {
        return (configReg & 0x20) != 0 ? inSnapped : cleanedInputs();
    }

    private int cleanedInputs() {
        return (inSync0 & syncBypass) | (inSync1 & ~syncBypass);
    }

    // ---------------------------------------------------------------- direct loading (tests, CLI)

    /**
     * Copies a program image into core {@code c}'s RAM from address 0, as the host does through
     * the code window while the core is disabled.
     */
    public void loadProgram(int c, byte[] image) {
        if (image.length > BioCore.RAM_WORDS * 4) {
            throw new TandemException("BIO program is " + image.length + " bytes; a core has 4096 bytes of RAM");
        }
        int[] ram = cores[c].ram;
        for (int i = 0; i < image.length; i++) {
            int shift = (i & 3) * 8;
            ram[i >> 2] = (ram[i >> 2] & ~(0xFF << shift)) | ((image[i] & 0xFF) << shift);
        }
        cores[c].codeChanged();
    }

    // ---------------------------------------------------------------- time

    /** Advances the BIO by {@code cycles} of its own clock. */
    public void run(long cycles) {
        long end = cycles > Long.MAX_VALUE - cycle ? Long.MAX_VALUE : cycle + cycles;
        BioObserver o = observer;
        if (o == null && quietSkipping && spanReplay) {
            runSpans(end);
            return;
        }
        while (cycle < end) {
            if (cycle >= nextApbLanding) {
                landApbWrites();
            }
            if (quietCandidate && quietSkipping) {
                long before = cycle;
                skipQuietCycles(end, o);
                if (cycle != before) {
                    continue;
                }
            }
            cycleOnce();
            if (o != null) {
                o.cycle(this);
            }
        }
    }

    /** The spans learned and replayed so far, shared by the cores. */
    SpanTable spans() {
        return spans;
    }

    /**
     * The run loop without an observer. Cores run by instruction spans ({@link SpanNode}): at a span
     * boundary a core whose next span was learned before replays it in one step — and the spans after
     * it, as long as they neither read nor write the block — and is left alone until the clock it
     * reaches; its FIFO pop and block write are applied by {@link #cycleOnce} at their clocks. Spans
     * not learned yet, quantum waits, stalls and traps run on the reference core clock by clock,
     * which learns the spans it steps. Clocks in which only replaying or waiting cores exist and the
     * block has settled are jumped over ({@link #jumpQuietCycles}). Spans never cross the end of the
     * run or a host write landing, so every core is back on the reference at both.
     */
    private void runSpans(long end) {
        while (cycle < end) {
            spanStep(end);
        }
        materializeAll();
    }

    /** One turn of {@link #runSpans}: boundaries, then one clock or one jump (a method of its own so the JIT compiles it whole). */
    private void spanStep(long end) {
        if (cycle >= nextApbLanding) {
            landApbWrites();
        }
        long limit = Math.min(end, nextApbLanding);
        if (pendingCtrl >= 0) {
            materializeAll();
        }
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            if (core.fast ? core.tc == cycle : core.spanStart && spanEligible(c) && !stalledInLdRs1(core)) {
                atBoundary(c, limit);
            }
        }
        long before = cycle;
        if (!needsCycle()) {
            jumpTo(limit);
        }
        if (cycle == before) {
            cycleOnce();
        }
        resumeAfterWrites(limit);
    }

    /** Cores held at a block write by a full write queue replay on once writes were applied. */
    private void resumeAfterWrites(long limit) {
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            if (core.fast && core.tc > cycle && core.node.outputOnly && !core.writes.isFull()) {
                runAhead(core, c, limit);
            }
        }
    }

    /** A core on the reference at its boundary still waits for a FIFO word or an event. */
    private boolean stalledInLdRs1(BioCore core) {
        core.evalOutputs(events, false);
        return (core.outFifoRead & ~readableFifos()) != 0 || core.outEventStall;
    }

    /** Bit k: FIFO k has a word to read. */
    private int readableFifos() {
        return (fifos[0].readable() ? 1 : 0) | (fifos[1].readable() ? 2 : 0) | (fifos[2].readable() ? 4 : 0)
                | (fifos[3].readable() ? 8 : 0);
    }

    /** Bit k: FIFO k has room to write. */
    private int writableFifos() {
        return (fifos[0].writable() ? 1 : 0) | (fifos[1].writable() ? 2 : 0) | (fifos[2].writable() ? 4 : 0)
                | (fifos[3].writable() ? 8 : 0);
    }

    private boolean spanEligible(int c) {
        return pendingCtrl < 0 && (enSync & (1 << c)) != 0 && restartCount[c] == 0;
    }

    /** Puts every replaying core back on the reference; they all sit at span boundaries now. */
    private void materializeAll() {
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            if (core.fast) {
                if (core.tc != cycle || !core.writes.isEmpty()) {
                    throw new IllegalStateException("BIO core " + c + " is mid-span at clock " + cycle + " (span ends at " + core.tc + ")");
                }
                core.materialize();
            }
        }
    }

    /** Core {@code c} is at a span boundary now: replay its span (and what follows) or step it on the reference. */
    private void atBoundary(int c, long limit) {
        BioCore core = cores[c];
        SpanNode n = core.fast ? core.node : spans.intern(core);
        if (!n.replayable) {
            toReference(core, null, 0, 0, 0);
            return;
        }
        if (n.sync) {
            int mask = core.eventMask;
            if ((n.popMask & ~readableFifos()) != 0 || (n.eventRead && mask != 0 && (mask & events) == 0)) {
                // Stalled in ld_rs1: the reference holds it (its RAM handshake still moves) and the
                // boundary is looked at again at the next clock anything happens.
                toReference(core, null, 0, 0, 0);
                core.spanStart = true;
                return;
            }
        }
        int v1 = core.readPort(n.src1, this);
        int v2 = core.readPort(n.src2, this);
        int next = BioCore.nextPc(n, v1, v2);
        SpanEdge e = core.edgeFor(n, next, v1);
        if (n.memory && ((v1 + n.imm) >>> 28) != 0) {
            // A BDMA access: the reference reports it.
            toReference(core, null, 0, 0, 0);
            return;
        }
        if (e == null || !core.codeHolds(e) || (n.memory && !core.dataAccessReplayable(n, e, v1))) {
            toReference(core, n, v1, v2, next);
            return;
        }
        if (cycle + e.cycles > limit || (e.effectOffset >= 0 && !roomForPush(n.rd, e.effectOffset))) {
            toReference(core, null, 0, 0, 0);
            return;
        }
        int result = core.replay(n, e, v1, v2);
        spans.countReplayed(1);
        if (n.popMask != 0) {
            core.popAt = cycle;
            core.popMask = n.popMask;
        }
        if (e.effectOffset >= 0) {
            core.scheduleWrite(n.rd, cycle + e.effectOffset, result);
        }
        core.fast = true;
        core.tc = cycle + e.cycles;
        core.node = e.to;
        runAhead(core, c, limit);
    }

    /**
     * A push to x{@code rd} {@code offset} clocks from now finds room whatever happens until then
     * (the storage gains at most one word a clock); other registers always take the write.
     */
    boolean roomForPush(int rd, int offset) {
        return (rd & 0x1C) != 16 || fifos[rd & 3].storedWords() + offset < 8;
    }

    /** Runs the core on the reference from now, learning the span from {@code learn} when given. */
    private void toReference(BioCore core, SpanNode learn, int v1, int v2, int next) {
        if (core.fast) {
            core.materialize();
        }
        core.spanStart = false;
        if (learn != null) {
            core.startLearning(learn, cycle, v1, v2, next);
        }
    }

    /** Lets core {@code c} replay ahead from its boundary (see {@link BioCore#runAhead}). */
    private void runAhead(BioCore core, int c, long limit) {
        spans.countReplayed(core.runAhead(limit, cycle, clockCount[c], this));
    }

    /**
     * This clock has to run through {@link #cycleOnce}: the block has not settled, a replayed span
     * has a strobe now, or a core on the reference steps (anything but a quiet wait).
     */
    private boolean needsCycle() {
        if (!blockSettledBesidesPins() || (extclock & 0xF) != 0) {
            return true;
        }
        final int readable = readableFifos();
        final int writable = writableFifos();
        final int ev = events;
        final boolean foldPins = pinsFoldable();
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            if (core.fast) {
                if (core.popAt == cycle || (core.writes.nextAt() == cycle && !(foldPins && PinStrobes.isPinRegister(core.writes.nextReg())))) {
                    return true;
                }
                continue;
            }
            if ((enSync & (1 << c)) == 0 || core.trapAtRest()) {
                continue;
            }
            core.evalOutputs(ev, false);
            int rd = core.outFifoRead;
            int wr = core.outFifoWrite;
            if ((rd & readable) != 0 || (wr & writable) != 0 || (core.outWen && core.outWaddr >= 21)) {
                return true;
            }
            boolean quantumWait = core.outQuantaHalt && (quantum & (1 << c)) == 0;
            if (!quantumWait && !core.outEventStall && rd == 0 && wr == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Jumps the block to the next clock anything happens: a replaying core reaching its boundary, FIFO
     * pop or block write, a waiting core's quantum pulse, or {@code limit}. Pin writes of replaying
     * cores are folded into the jump when no one samples the pins on the way ({@link #pinsFoldable}).
     */
    private void jumpTo(long limit) {
        long target = limit;
        int waiting = 0;
        int replaying = 0;
        boolean foldPins = pinsFoldable();
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            if (core.fast) {
                replaying |= 1 << c;
                target = Math.min(target, core.tc);
                if (core.popAt > cycle) {
                    target = Math.min(target, core.popAt);
                }
                target = Math.min(target, foldPins ? core.writes.nextNonPinAt() : core.writes.nextAt());
            } else {
                core.abortLearning();
                if ((enSync & (1 << c)) != 0 && !core.trapAtRest() && core.outQuantaHalt) {
                    waiting |= 1 << c;
                }
            }
        }
        long from = cycle;
        if (!foldPins && !pinsSettled()) {
            // A pin write is still on its way through the output register and synchronisers:
            // one clock of only that, the waiting cores' RAM handshakes and time.
            if ((quantum & waiting) != 0) {
                return;
            }
            for (int c = 0; c < CORES; c++) {
                if ((replaying & (1 << c)) == 0) {
                    cores[c].ramEdge((enSync & (1 << c)) != 0);
                }
            }
            clockTime(enSync, clockPins(0, 0, 0, 0));
        } else {
            extclkSelectedQ = 0;
            jumpQuietCycles(target, waiting, replaying, dividers[(configReg >> 3) & 3], cleanedInputs(), foldPins);
        }
        quietCycles += cycle - from;
    }

    /**
     * Runs the pins through clocks {@code cycle} .. {@code end - 1} with the replaying cores' queued
     * pin writes applied at their clocks (all of them pin writes, see {@link #jumpTo}).
     */
    private void foldPinWrites(long end) {
        long p = cycle;
        PinStrobes strobes = jumpPins;
        while (true) {
            long te = Long.MAX_VALUE;
            for (int c = 0; c < CORES; c++) {
                if (cores[c].fast) {
                    te = Math.min(te, cores[c].writes.nextAt());
                }
            }
            if (te >= end) {
                break;
            }
            advancePins(te - p);
            strobes.clear();
            for (int c = 0; c < CORES; c++) {
                BlockWrites writes = cores[c].writes;
                if (cores[c].fast && writes.nextAt() == te) {
                    strobes.add(writes.nextReg(), writes.nextData(), writes.nextMask());
                    writes.pop();
                }
            }
            clockPins(strobes.set, strobes.clr, strobes.dirSet, strobes.dirClr);
            p = te + 1;
        }
        advancePins(end - p);
    }

    /** {@code n} clocks of the pin path without writes (see {@link #settlePins}). */
    private void advancePins(long n) {
        if (n >= 3) {
            settlePins();
        } else if (n > 0 && !(pinsSettled() && inSnapped == cleanedInputs())) {
            for (long i = 0; i < n; i++) {
                clockPins(0, 0, 0, 0);
            }
        }
    }

    /**
     * Pin writes and the pin pipeline can be run clock by clock inside a jump: no snapping of outputs
     * to a quantum, inputs snapped on every clock, no external quantum clock.
     */
    private boolean pinsFoldable() {
        return (configReg & 0x4) == 0 && (extclock & 0xF) == 0 && dividers[(configReg >> 3) & 3].alwaysPulsing();
    }

    /** Turns the quiet-cycle fast path off or on (on by default); for differential tests. */
    void setQuietSkipping(boolean on) {
        quietSkipping = on;
    }

    /**
     * Runs the clocks during which nothing but time moves, faster than {@link #cycleOnce} would:
     * every core is disabled, trapped and at rest, or waits (for a quantum, an event, an empty FIFO
     * to read or a full one to write) without any other FIFO, GPIO or event strobe, and the block
     * has settled (no host traffic, control action, reset or APB write in flight; FIFOs, pins,
     * input synchronisers, level events and interrupts at their fixed point; no external clock).
     * Such a clock only advances the RAM handshakes, the dividers, the quantum register, the
     * snapped inputs, the clock counters and the host clock phase, which is all this does. It
     * returns before the clock where a quantum pulse reaches a waiting core, or at {@code end}, or
     * at once when the block is not quiet; {@link #cycleOnce} goes on from there.
     */
    private void skipQuietCycles(long end, BioObserver o) {
        if (!blockSettled()) {
            return;
        }
        final int en = enSync;
        final int ev = events;
        final int readable = readableFifos();
        final int writable = writableFifos();
        int waiting = 0;
        for (int c = 0; c < CORES; c++) {
            if ((en & (1 << c)) == 0) {
                continue;
            }
            BioCore core = cores[c];
            if (core.trapAtRest()) {
                continue;
            }
            core.evalOutputs(ev, false);
            // Popping an empty FIFO and pushing into a full one change nothing; any other FIFO,
            // GPIO or event strobe does.
            int rd = core.outFifoRead;
            int wr = core.outFifoWrite;
            if ((rd & readable) != 0 || (wr & writable) != 0 || (core.outWen && core.outWaddr >= 21)) {
                return;
            }
            boolean quantumWait = core.outQuantaHalt && (quantum & (1 << c)) == 0;
            if (!quantumWait && !core.outEventStall && rd == 0 && wr == 0) {
                return;
            }
            if (core.outQuantaHalt) {
                waiting |= 1 << c;
            }
        }
        long limit = Math.min(end, nextApbLanding);
        long from = cycle;
        final int ratio = config.pclkRatio();
        final QuantumDivider inputSnap = dividers[(configReg >> 3) & 3];
        final int cleaned = cleanedInputs();
        extclkSelectedQ = 0;
        if (o == null) {
            jumpQuietCycles(limit, waiting, 0, inputSnap, cleaned, false);
            quietCycles += cycle - from;
            return;
        }
        while (cycle < limit && (quantum & waiting) == 0) {
            if (inputSnap.penable()) {
                inSnapped = cleaned;
            }
            int q = 0;
            for (int c = 0; c < CORES; c++) {
                boolean coreEn = (en & (1 << c)) != 0;
                cores[c].ramEdge(coreEn);
                QuantumDivider div = dividers[c];
                if (div.penable()) {
                    q |= 1 << c;
                }
                div.clock(false);
                clockCount[c] = coreEn ? clockCount[c] + 1 : 0;
            }
            quantum = q;
            if (++pclkPhase >= ratio) {
                pclkPhase = 0;
            }
            cycle++;
            if (o != null) {
                o.cycle(this);
            }
        }
        quietCycles += cycle - from;
    }

    /**
     * The quiet clocks up to {@code limit} in one step, with no observer to see each: the same
     * end state as the clock-by-clock loop of {@link #skipQuietCycles}. The clocks to run end after
     * the first pulse of a waiting core's divider; the RAM handshakes settle in two clocks and then
     * only toggle, the dividers advance in bulk, the counters add up.
     */
    private void jumpQuietCycles(long limit, int waiting, int replaying, QuantumDivider inputSnap, int cleaned,
                                 boolean foldPins) {
        if ((quantum & waiting) != 0 || cycle >= limit) {
            return;
        }
        long k = limit - cycle;
        for (int c = 0; c < CORES; c++) {
            if ((waiting & (1 << c)) != 0) {
                k = Math.min(k, dividers[c].clocksUntilPulse(k - 1) + 1);
            }
        }
        final int en = enSync;
        if (foldPins) {
            foldPinWrites(cycle + k);
        } else if (inputSnap.clocksUntilPulse(k - 1) <= k - 1) {
            inSnapped = cleaned;
        }
        int q = 0;
        for (int c = 0; c < CORES; c++) {
            boolean coreEn = (en & (1 << c)) != 0;
            BioCore core = cores[c];
            if ((replaying & (1 << c)) == 0) {
                core.ramEdge(coreEn);
                if (k >= 2) {
                    core.ramEdge(coreEn);
                    core.ramEdgesSettled(k - 2);
                }
            }
            QuantumDivider div = dividers[c];
            div.advance(k - 1);
            if (div.penable()) {
                q |= 1 << c;
            }
            div.clock(false);
            clockCount[c] = coreEn ? (int) (clockCount[c] + k) : 0;
        }
        quantum = q;
        long phase = pclkPhase + k;
        int ratio = config.pclkRatio();
        pclkPhase = (int) (phase < ratio ? phase : phase % ratio);
        cycle += k;
    }

    /** Clocks the quiet fast path has run so far. */
    long quietCycles() {
        return quietCycles;
    }

    /** The block-level state is at the fixed point a clock without core activity keeps it at. */
    private boolean blockSettled() {
        return blockSettledBesidesPins() && pinsSettled();
    }

    /** {@link #blockSettled} but for the GPIO output register and input synchronisers. */
    private boolean blockSettledBesidesPins() {
        if (pendingCtrl >= 0 || hostFifoTraffic || hostEventSetValid || hostEventClrValid
                || hostEventSetPValid || hostEventClrPValid || hostEventSetP != 0 || hostEventClrP != 0
                || (extclock & 0xF) != 0) {
            return false;
        }
        for (int c = 0; c < CORES; c++) {
            if (restartCount[c] != 0 || divResetCount[c] != 0 || !fifos[c].settled()) {
                return false;
            }
        }
        int levels = etype == 0 ? 0 : levelEvents(flevel()) << 24;
        if ((events & 0xFF00_0000) != levels) {
            return false;
        }
        return irqsSettled();
    }

    /**
     * Three or more clocks without pin writes, outputs not snapped and inputs snapped every clock:
     * the output register, the synchronisers and the snapped inputs reach their fixed point.
     */
    private void settlePins() {
        gpioOut = gpioOutAclk;
        gpioDir = gpioDirAclk;
        inSync0 = padLevels() ^ inInvert;
        inSync1 = inSync0;
        inSnapped = inSync0;
        extclkSelectedQ = 0;
    }

    /** The GPIO output register and input synchronisers hold what another clock would give them. */
    private boolean pinsSettled() {
        if (gpioOut != gpioOutAclk || gpioDir != gpioDirAclk) {
            return false;
        }
        return inSync0 == (padLevels() ^ inInvert) && inSync1 == inSync0;
    }

    /** The pads: the BIO's output levels where it drives them, the external levels elsewhere. */
    private int padLevels() {
        int oe = gpioDir ^ oeInvert;
        return ((gpioOut ^ outInvert) & oe) | (externalPins & ~oe);
    }

    /** An interrupt update now would change nothing (see {@link #updateIrqs}). */
    private boolean irqsSettled() {
        if (irqsIdle()) {
            return true;
        }
        int agg = irqAggregate();
        return agg == irqAggQ && irqOutputs(agg) == irqState;
    }

    /** No interrupt is enabled, raised or remembered: updating them is a no-op. */
    private boolean irqsIdle() {
        return (irqMask[0] | irqMask[1] | irqMask[2] | irqMask[3]) == 0 && irqState == 0 && irqAggQ == 0;
    }

    /** Bit i: some event bit IRQMASKi enables is set. */
    private int irqAggregate() {
        int agg = 0;
        for (int i = 0; i < CORES; i++) {
            if ((irqMask[i] & events) != 0) {
                agg |= 1 << i;
            }
        }
        return agg;
    }

    /** The interrupt lines for aggregate {@code agg}: its level, or in edge mode its rise. */
    private int irqOutputs(int agg) {
        int next = 0;
        for (int i = 0; i < CORES; i++) {
            boolean level = (agg & (1 << i)) != 0;
            // RTL: irq[i] <= irq_agg[i] & ~irq_agg_q is evaluated 4 bits wide and truncated to
            // bit 0, so edge mode compares every line against irq_agg_q[0].
            boolean out = (irqEdge & (1 << i)) != 0 ? level && (irqAggQ & 1) == 0 : level;
            if (out) {
                next |= 1 << i;
            }
        }
        return next;
    }

    /**
     * Queues a host write as the RTL's APB port delivers it. The port samples a transfer on a host
     * clock edge and takes two host clocks; transfers go one after the other. Measured on the
     * Verilated RTL at a host clock ratio R of 8: a write issued at BIO cycle t lands in the
     * register file at the first cycle u >= t + R + 3 with u = R - 1 (mod R), the BIO's cycle 0
     * being host clock aligned as in {@link #run}'s interrupt sampling (11 to 18 clocks), and
     * back-to-back writes land 2R apart. CTRL lands one clock later than the other registers (its
     * enables then count as at the next edge, as for a direct write). The formula's dependence on R
     * is inferred from its structure; only R = 8 was measured.
     */
    private void queueApbWrite(int offset, int value, int width) {
        int r = config.pclkRatio();
        long earliest = cycle + r + 3;
        long u = earliest + Math.floorMod(r - 1 - earliest, r);
        if (lastApbLanding != Long.MIN_VALUE && u < lastApbLanding + 2L * r) {
            u = lastApbLanding + 2L * r;
        }
        lastApbLanding = u;
        long lands = (offset & ~3) == 0x00 ? u + 1 : u;
        apbWrites.add(new ApbWrite(lands, offset, value, width));
        nextApbLanding = apbWrites.peekFirst().lands();
    }

    private void landApbWrites() {
        while (!apbWrites.isEmpty() && apbWrites.peekFirst().lands() <= cycle) {
            ApbWrite w = apbWrites.removeFirst();
            storeNow(w.offset(), w.value(), w.width());
        }
        nextApbLanding = apbWrites.isEmpty() ? Long.MAX_VALUE : apbWrites.peekFirst().lands();
    }

    /**
     * Ties the block to the CPU's cycle counter (the platform passes the hart's): from now on every
     * host access first runs the BIO up to the CPU's current time, so a register read or write
     * meets the BIO clock it happens at rather than the last periodic {@link #tick}, and
     * {@link #tick} catches up to the counter instead of adding its argument.
     */
    public void followCpuClock(LongSupplier cpuCycles) {
        this.cpuClock = cpuCycles;
        this.cpuSeen = cpuCycles.getAsLong();
    }

    private void catchUpWithCpu() {
        long now = cpuClock.getAsLong();
        if (now > cpuSeen) {
            long elapsed = now - cpuSeen;
            cpuSeen = now;
            advanceCpuCycles(elapsed);
        }
    }

    @Override
    public void tick(long cpuCycles) {
        if (cpuClock != null) {
            catchUpWithCpu();
        } else {
            advanceCpuCycles(cpuCycles);
        }
    }

    private void advanceCpuCycles(long cpuCycles) {
        long scaled = cpuCycles * config.bioCyclesPerCpuCycleNum() + cpuRemainder;
        long bioCycles = scaled / config.bioCyclesPerCpuCycleDen();
        cpuRemainder = scaled % config.bioCyclesPerCpuCycleDen();
        run(bioCycles);
    }

    private void cycleOnce() {
        if (pendingCtrl >= 0) {
            applyCtrl(pendingCtrl);
            pendingCtrl = -1;
        }
        final int ev = events;
        final int readable = readableFifos();
        final int writable = writableFifos();
        final int en = enSync;
        int stall = 0;
        int fifoRe = 0;
        int fifoWe = 0;
        final PinStrobes pins = cyclePins;
        pins.clear();
        boolean evSetValid = hostEventSetPValid;
        int evSet = hostEventSetP;
        boolean evClrValid = hostEventClrPValid;
        int evClr = hostEventClrP;
        final int[] wdataFor = wdataScratch;
        if (hostFifoTraffic) {
            for (int k = 0; k < CORES; k++) {
                if (hostPushPending[k]) {
                    fifoWe |= 1 << k;
                    wdataFor[k] = hostPushData[k];
                }
                if (hostPullPending[k]) {
                    fifoRe |= 1 << k;
                }
            }
        }
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            boolean coreEn = (en & (1 << c)) != 0;
            int rd;
            int wr;
            boolean wen;
            int waddr;
            int wdata;
            int mask;
            if (core.fast) {
                // Replayed span: only the strobes scheduled for this clock; never stalled.
                rd = core.popAt == cycle ? core.popMask : 0;
                BlockWrites writes = core.writes;
                wen = writes.nextAt() == cycle;
                waddr = wen ? writes.nextReg() : 0;
                wdata = wen ? writes.nextData() : 0;
                mask = wen ? writes.nextMask() : 0;
                if (wen) {
                    writes.pop();
                }
                wr = wen && (waddr & 0x1C) == 16 ? 1 << (waddr & 3) : 0;
            } else {
                boolean inReset = restartCount[c] > 0;
                core.evalOutputs(ev, inReset);
                rd = core.outFifoRead;
                wr = core.outFifoWrite;
                wen = core.outWen;
                waddr = core.outWaddr;
                wdata = core.outWdata;
                mask = core.gpioMask;
                if (!coreEn
                        || (core.outQuantaHalt && (quantum & (1 << c)) == 0)
                        || (rd & ~readable) != 0
                        || (wr & ~writable) != 0
                        || core.outEventStall) {
                    stall |= 1 << c;
                }
                core.learnCycle(cycle, (stall & (1 << c)) != 0);
            }
            if (coreEn) {
                fifoRe |= rd;
                int newWriters = wr & ~fifoWe;
                if (newWriters != 0) {
                    fifoWe |= newWriters;
                    for (int k = 0; k < CORES; k++) {
                        if ((newWriters & (1 << k)) != 0) {
                            wdataFor[k] = wdata;
                        }
                    }
                }
            }
            if (wen) {
                if (waddr >= 21) {
                    int w = wdata;
                    switch (waddr) {
                        case 28:
                            if (!evSetValid) {
                                evSetValid = true;
                                evSet = w & 0xFF_FFFF;
                            }
                            break;
                        case 29:
                            if (!evClrValid) {
                                evClrValid = true;
                                evClr = w & 0xFF_FFFF;
                            }
                            break;
                        default:
                            pins.add(waddr, w, mask);
                            break;
                    }
                }
            }
        }
        int resting = stall;
        if (resting != 0xF) {
            for (int c = 0; c < CORES; c++) {
                if ((resting & (1 << c)) == 0 && !cores[c].fast && cores[c].cpuState == BioCore.TRAP) {
                    resting |= 1 << c;
                }
            }
        }
        quietCandidate = resting == 0xF;
        // Clock edge: cores (reading pre-edge FIFO heads, pins and events), then the block.
        for (int c = 0; c < CORES; c++) {
            if (!cores[c].fast) {
                cores[c].edge((stall & (1 << c)) != 0, restartCount[c] > 0, (en & (1 << c)) != 0, this);
            }
        }
        for (int k = 0; k < CORES; k++) {
            BioFifo f = fifos[k];
            if (restartCount[k] > 0) {
                f.reset();
            } else {
                f.clock((fifoWe & (1 << k)) != 0, wdataFor[k], (fifoRe & (1 << k)) != 0);
            }
        }
        if (hostFifoTraffic) {
            for (int k = 0; k < CORES; k++) {
                hostPushPending[k] = false;
                hostPullPending[k] = false;
            }
            hostFifoTraffic = false;
        }
        // Event register: 24 set/clear bits plus registered FIFO-level comparisons.
        int set = evSetValid ? evSet : 0;
        int clr = evClrValid ? evClr : 0;
        int low = (events & 0xFF_FFFF & ~(clr & ~set)) | (set & ~clr);
        events = low | (etype == 0 ? 0 : levelEvents(flevel()) << 24);
        hostEventSetP = hostEventSetValid ? hostEventSet : 0;
        hostEventSetPValid = hostEventSetValid;
        hostEventClrP = hostEventClrValid ? hostEventClr : 0;
        hostEventClrPValid = hostEventClrValid;
        hostEventSetValid = false;
        hostEventClrValid = false;

        clockTime(en, clockPins(pins.set, pins.clr, pins.dirSet, pins.dirClr));
        for (int c = 0; c < CORES; c++) {
            BioCore core = cores[c];
            if (core.spanStart && core.learning()) {
                core.finishLearning(cycle, spans);
            }
        }
    }

    /**
     * The GPIO part of a clock edge: the set/clear register, the output register (optionally
     * snapped to a quantum) and the input synchronisers. Returns the synchronised external clock
     * pins, one bit per core.
     */
    private int clockPins(int gpioSet, int gpioClr, int dirSet, int dirClr) {
        boolean snapOut = (configReg & 0x4) != 0;
        if (!snapOut || dividers[configReg & 3].penable()) {
            gpioOut = gpioOutAclk;
            gpioDir = gpioDirAclk;
        }
        gpioOutAclk = (gpioOutAclk & ~(gpioClr & ~gpioSet)) | (gpioSet & ~gpioClr);
        gpioDirAclk = (gpioDirAclk & ~(dirClr & ~dirSet)) | (dirSet & ~dirClr);
        int cleaned = cleanedInputs();
        if (dividers[(configReg >> 3) & 3].penable()) {
            inSnapped = cleaned;
        }
        int extclkSelected = 0;
        if ((extclock & 0xF) != 0) {
            for (int c = 0; c < CORES; c++) {
                int pin = (extclock >>> (4 + 5 * c)) & 31;
                extclkSelected |= ((inSync1 >>> pin) & 1) << c;
            }
        }
        inSync1 = inSync0;
        inSync0 = padLevels() ^ inInvert;
        return extclkSelected;
    }

    /** The rest of a clock edge: quantum pulses, dividers, clock counters, reset sequencing, host clock phase. */
    private void clockTime(int en, int extclkSelected) {
        int q = 0;
        for (int c = 0; c < CORES; c++) {
            QuantumDivider div = dividers[c];
            boolean pulse = (extclock & (1 << c)) != 0
                    ? ((extclkSelected & ~extclkSelectedQ) & (1 << c)) != 0
                    : div.penable();
            if (pulse) {
                q |= 1 << c;
            }
            div.clock(divResetCount[c] > 0);
            if (divResetCount[c] > 0) {
                divResetCount[c]--;
            }
            if (restartCount[c] > 0) {
                restartCount[c]--;
            }
            clockCount[c] = (en & (1 << c)) != 0 ? clockCount[c] + 1 : 0;
        }
        quantum = q;
        extclkSelectedQ = extclkSelected;
        if (++pclkPhase >= config.pclkRatio()) {
            pclkPhase = 0;
            updateIrqs();
        }
        cycle++;
    }

    private final int[] wdataScratch = new int[CORES];
    private final PinStrobes cyclePins = new PinStrobes();
    private final PinStrobes jumpPins = new PinStrobes();

    private int levelEvents(int levels) {
        int out = 0;
        for (int slot = 0; slot < 8; slot++) {
            int level = (levels >>> (4 * (slot >> 1))) & 0xF;
            int threshold = (elevel >>> (4 * slot)) & 0xF;
            boolean hit = ((etype >>> slot) & 1) != 0 && level < threshold
                    || ((etype >>> (8 + slot)) & 1) != 0 && level == threshold
                    || ((etype >>> (16 + slot)) & 1) != 0 && level > threshold;
            if (hit) {
                out |= 1 << slot;
            }
        }
        return out;
    }

    private void updateIrqs() {
        if (irqsIdle()) {
            return;
        }
        int agg = irqAggregate();
        int next = irqOutputs(agg);
        irqAggQ = agg;
        int changed = next ^ irqState;
        irqState = next;
        for (int i = 0; i < CORES; i++) {
            if ((changed & (1 << i)) != 0) {
                irqLines[i].set((next & (1 << i)) != 0);
            }
        }
    }

    private void applyCtrl(int value) {
        int restart = (value >>> 4) & 0xF;
        int divRestart = (value >>> 8) & 0xF;
        int hold = 3 * config.pclkRatio();
        for (int c = 0; c < CORES; c++) {
            if ((restart & (1 << c)) != 0) {
                restartCount[c] = hold;
            }
            if ((divRestart & (1 << c)) != 0) {
                divResetCount[c] = hold - DIVIDER_LEAD;
            }
        }
        enSync = value & 0xF;
    }

    // ---------------------------------------------------------------- host registers

    @Override
    public int load(int offset, int width) {
        if (cpuClock != null) {
            catchUpWithCpu();
        }
        int word = loadWord(offset & ~3);
        return width == 4 ? word : (word >>> ((offset & 3) * 8)) & (width == 2 ? 0xFFFF : 0xFF);
    }

    private int loadWord(int offset) {
        if (offset >= 0x1000 && offset < 0x5000) {
            int c = (offset >> 12) - 1;
            if ((enSync & (1 << c)) != 0) {
                return cores[c].ramOutput();
            }
            return cores[c].ram[(offset & 0xFFF) >> 2];
        }
        if (offset >= 0x5000) {
            return loadAlias((offset >> 12) - 5, offset & 0xFFF);
        }
        switch (offset) {
            case 0x00: return ctrlEnables;
            case 0x04: return CFGINFO;
            case 0x08: return configReg;
            case 0x0C: return flevel();
            case 0x10: case 0x14: case 0x18: case 0x1C: return hostPushData[(offset - 0x10) >> 2];
            case 0x20: case 0x24: case 0x28: case 0x2C: return pull((offset - 0x20) >> 2);
            case 0x30: return elevel;
            case 0x34: return etype;
            case 0x38: return hostEventSet;
            case 0x3C: return hostEventClr;
            case 0x40: return events;
            case 0x44: return extclock;
            case 0x50: case 0x54: case 0x58: case 0x5C: return qdiv[(offset - 0x50) >> 2];
            case 0x60: return syncBypass;
            case 0x64: return oeInvert;
            case 0x68: return outInvert;
            case 0x6C: return inInvert;
            case 0x70: case 0x74: case 0x78: case 0x7C: return irqMask[(offset - 0x70) >> 2];
            case 0x80: return irqEdge;
            case 0x84: return gpioOut;
            case 0x88: return gpioDir;
            case 0x90: case 0x94: case 0x98: case 0x9C: {
                BioCore core = cores[(offset - 0x90) >> 2];
                return (core.trapped() ? 0x1000 : 0) | core.dbgPc();
            }
            case 0xA0: return memGutter;
            case 0xA4: return periGutter;
            default:
                if (offset >= 0xB0 && offset < 0xC8) {
                    return evmap[(offset - 0xB0) >> 2];
                }
                return 0;
        }
    }

    private int loadAlias(int page, int offset) {
        switch (offset) {
            case 0x0C: return flevel();
            case 0x40: return events;
            default:
                if (offset == 0x20 + 4 * page) {
                    return pull(page);
                }
                return 0;
        }
    }

    private int flevel() {
        return fifos[0].level() | fifos[1].level() << 4 | fifos[2].level() << 8 | fifos[3].level() << 12;
    }

    private int pull(int k) {
        BioFifo f = fifos[k];
        if (hostPullPending[k]) {
            // A second read before the BIO advanced: complete the first pop now.
            f.clock(false, 0, true);
        }
        int value = f.head();
        if (f.readable()) {
            hostPullPending[k] = true;
            hostFifoTraffic = true;
        }
        return value;
    }

    private void push(int k, int value) {
        if (hostPushPending[k]) {
            fifos[k].clock(true, hostPushData[k], false);
        }
        hostPushPending[k] = true;
        hostPushData[k] = value;
        hostFifoTraffic = true;
    }

    @Override
    public void store(int offset, int value, int width) {
        if (cpuClock != null) {
            catchUpWithCpu();
        }
        if (config.apbWriteTiming()) {
            queueApbWrite(offset, value, width);
        } else {
            storeNow(offset, value, width);
        }
    }

    private void storeNow(int offset, int value, int width) {
        int aligned = offset & ~3;
        if (width != 4) {
            int shift = (offset & 3) * 8;
            int mask = (width == 2 ? 0xFFFF : 0xFF) << shift;
            value = (value << shift) & mask;
        }
        if (aligned >= 0x1000 && aligned < 0x5000) {
            int c = (aligned >> 12) - 1;
            if ((enSync & (1 << c)) == 0) {
                cores[c].ram[(aligned & 0xFFF) >> 2] = value;
                cores[c].codeChanged();
            }
            return;
        }
        if (aligned >= 0x5000) {
            int page = (aligned >> 12) - 5;
            int off = aligned & 0xFFF;
            if (off == 0x10 + 4 * page) {
                push(page, value);
            } else if (off == 0x38) {
                setHostEvents(value);
            } else if (off == 0x3C) {
                clearHostEvents(value);
            }
            return;
        }
        switch (aligned) {
            case 0x00:
                if (pendingCtrl >= 0) {
                    // Two writes before the BIO advanced: the first still takes its effect.
                    applyCtrl(pendingCtrl);
                }
                ctrlEnables = value & 0xF;
                pendingCtrl = value & 0xFFF;
                break;
            case 0x08: configReg = value & 0x3FF; break;
            case 0x10: case 0x14: case 0x18: case 0x1C: push((aligned - 0x10) >> 2, value); break;
            case 0x30: elevel = value; break;
            case 0x34: etype = value & 0xFF_FFFF; break;
            case 0x38: setHostEvents(value); break;
            case 0x3C: clearHostEvents(value); break;
            case 0x44: extclock = value & 0xFF_FFFF; break;
            case 0x48:
                for (int k = 0; k < CORES; k++) {
                    if ((value & (1 << k)) != 0) {
                        fifos[k].reset();
                    }
                }
                break;
            case 0x50: case 0x54: case 0x58: case 0x5C: {
                int c = (aligned - 0x50) >> 2;
                qdiv[c] = value;
                dividers[c].configure(value >>> 16, value >>> 8);
                break;
            }
            case 0x60: syncBypass = value; break;
            case 0x64: oeInvert = value; break;
            case 0x68: outInvert = value; break;
            case 0x6C: inInvert = value; break;
            case 0x70: case 0x74: case 0x78: case 0x7C: irqMask[(aligned - 0x70) >> 2] = value; break;
            case 0x80: irqEdge = value & 0xF; break;
            case 0xA0: memGutter = value; break;
            case 0xA4: periGutter = value; break;
            default:
                if (aligned >= 0xB0 && aligned < 0xC8) {
                    evmap[(aligned - 0xB0) >> 2] = value;
                } else if (aligned >= 0xE0 && aligned < 0x100) {
                    filter[(aligned - 0xE0) >> 2] = value & 0xF_FFFF;
                }
                break;
        }
    }

    private void setHostEvents(int value) {
        hostEventSet = hostEventSetValid ? hostEventSet | (value & 0xFF_FFFF) : value & 0xFF_FFFF;
        hostEventSetValid = true;
    }

    private void clearHostEvents(int value) {
        hostEventClr = hostEventClrValid ? hostEventClr | (value & 0xFF_FFFF) : value & 0xFF_FFFF;
        hostEventClrValid = true;
    }
}
