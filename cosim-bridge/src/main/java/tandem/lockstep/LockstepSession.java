package tandem.lockstep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import tandem.dut.DutLibrary;
import tandem.dut.MmioHandler;
import tandem.dut.RetireBatch;
import tandem.dut.VerilatedDut;
import tandem.golden.TandemException;
import tandem.golden.elf.ElfImage;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Region;
import tandem.golden.platform.StopReason;

/**
 * One lockstep run: a Verilated CPU and a golden {@link Machine} loaded with the same program,
 * the RTL's data accesses outside RAM served by devices of the machine's platform (and
 * replayed into the golden hart), every retire checked, and a report on the first divergence.
 *
 * <p>Two threads: this one runs the RTL and owns its devices; a second one runs the golden
 * model and the checker one batch behind. The hand-off between them is explicit and per
 * batch ({@link BatchHandoff}: the retires, the device access that ended the batch, the
 * interrupt levels the RTL saw, whether the program is finishing), so the golden hart and the
 * RTL's devices never meet. The one exception is a finish: whoever ends the program (the
 * finisher, a console watcher, {@code tohost}) calls {@link Machine#finish}, which asks the
 * golden hart to stop at its next boundary; the checker simply resumes it, since the RTL's
 * remaining retires still need golden records.
 *
 * <p>Crash safety: the native model runs in this JVM (a child JVM would double the start-up
 * and ship every retire record across a pipe, which the ≥0.9× speed target cannot afford).
 * Instead nothing is ever left unwritten when native code runs: reports are written, closed
 * and renamed before the next native call, and {@link ProgressFile} is rewritten before the
 * first native call and every second, so a crash of the model loses at most the VCD being
 * captured and the last second of progress.
 */
public final class LockstepSession {

    /** Receives progress about twice a second. */
    @FunctionalInterface
    public interface Progress {
        /** {@code retires} matched so far over {@code cycles} RTL cycles. */
        void update(long retires, long cycles, double cyclesPerSecond, int divergences);
    }

    /** The program both sides run. */
    public interface Program {
        /** Loads the program into the golden machine and returns its segments for the RTL. */
        List<Segment> loadInto(Machine machine);

        /**
         * The physical address of the program's {@code tohost} word (riscv-tests convention),
         * known after {@link #loadInto}; the run ends when the RTL writes it non-zero.
         */
        default OptionalLong tohost() {
            return OptionalLong.empty();
        }
    }

    /** A piece of the program image: bytes at an address, zero-filled to {@code memorySize}. */
    public record Segment(long address, byte[] data, long memorySize) {
    }

    private static final long FINISH_GRACE_CYCLES = 2_000;
    private static final int PIPELINE_BUFFERS = 3;
    private static final long NO_TICKS = 1L << 60;
    private static final long CHUNK_CYCLES = 1_000_000;

    private final DutLibrary library;
    private final Supplier<DutLibrary> tracedLibrary;
    private final String header;

    /**
     * @param library       the Verilated CPU
     * @param tracedLibrary builds the same CPU with tracing for a VCD on divergence; {@code null} for none
     * @param header        a line naming what runs (RTL, program, options) for reports
     */
    public LockstepSession(DutLibrary library, Supplier<DutLibrary> tracedLibrary, String header) {
        this.library = library;
        this.tracedLibrary = tracedLibrary;
        this.header = header;
    }

    /** An ELF program, loaded by the golden machine's own loader. */
    public static Program elf(Path file) {
        return new ElfProgram(file);
    }

    /** An ELF file as a {@link Program}; remembers its {@code tohost} symbol once loaded. */
    private static final class ElfProgram implements Program {
        private final Path file;
        private OptionalLong tohost = OptionalLong.empty();

        ElfProgram(Path file) {
            this.file = file;
        }

        @Override
        public List<Segment> loadInto(Machine machine) {
            ElfImage image = machine.loadElf(file);
            image.tohost().ifPresent(a -> tohost = OptionalLong.of(a & 0xFFFF_FFFFL));
            List<Segment> out = new ArrayList<>();
            for (var s : image.segments()) {
                out.add(new Segment(s.address(), s.data(), s.memorySize()));
            }
            return out;
        }

        @Override
        public OptionalLong tohost() {
            return tohost;
        }
    }

    /**
     * Runs {@code program} on the RTL and on {@code machine} in lockstep. The RTL runs on this
     * thread with devices of its own ({@link RtlDevices}); the golden model and the checker run
     * one batch behind on a second thread ({@link CheckingThread}). {@code progress} is called
     * from that second thread. The machine is used up: its hart no longer ticks its own devices
     * (the RTL's devices are the live ones) and ends where the checker left it.
     */
    public LockstepResult run(Machine machine, Program program, LockstepOptions opt, Progress progress) {
        return run(machine, program, opt, progress, null);
    }

    /**
     * An X-check: {@link #run} on a library built {@link tandem.dut.VerilatorBuild.Variant#X_CHECK},
     * its X values drawn from {@code seeds[0]}, with a twin of the same library drawing them from
     * {@code seeds[1]} run over the same cycles beside it. The first retire where the two differ
     * ends the run as {@link LockstepResult.Outcome#X_PROPAGATION}, with a report naming the
     * fields, both seeds' values and whether the checked seed agrees with the golden model there;
     * a divergence from the golden model before it is reported as usual (both seeds agreed on it).
     * No VCD window: the traced build has no X values to show.
     */
    public LockstepResult runXCheck(Machine machine, Program program, LockstepOptions opt, int[] seeds,
                                    Progress progress) {
        if (seeds.length != 2 || seeds[0] == seeds[1] || seeds[0] == 0 || seeds[1] == 0) {
            throw new TandemException("an X-check needs two different non-zero X seeds, not "
                    + java.util.Arrays.toString(seeds));
        }
        return run(machine, program, opt, progress, seeds);
    }

    private LockstepResult run(Machine machine, Program program, LockstepOptions opt, Progress progress,
                               int[] xSeeds) {
        List<Segment> segments = program.loadInto(machine);
        Region ram = ramOf(machine, machine.hart().pc());
        // the golden model's own devices stay idle: the RTL's are the live ones (RtlDevices)
        machine.hart().setTicker(null, NO_TICKS);
        GoldenLockstepChecker checker = new GoldenLockstepChecker(machine.hart(), opt.history());
        boolean vcd = tracedLibrary != null && xSeeds == null;
        RtlDevices devices = new RtlDevices(machine, program.tohost(), vcd);
        VerilatedDut.Options dutOptions = dutOptions(machine, ram, opt);
        long start = System.nanoTime();
        long cycles;
        int[] rtlRegisters;
        CheckingThread.Verdict verdict;
        try (VerilatedDut dut = VerilatedDut.open(library, dutOptions, devices);
             XSeedTwin twin = xSeeds == null ? null
                     : new XSeedTwin(library, dutOptions, segments, opt, xSeeds[0], xSeeds[1]);
             CheckingThread checking = new CheckingThread(checker, PIPELINE_BUFFERS, opt.batch(), progress)) {
            load(dut, segments);
            if (opt.flipRetire() >= 0) {
                dut.flipRegisterWriteBit(opt.flipRetire(), opt.flipBit());
            }
            if (xSeeds != null) {
                dut.randomizeX(xSeeds[0]);
            }
            dut.reset();
            ProgressFile progressFile = new ProgressFile(opt.outputDir());
            runRtl(dut, devices, checking, opt, twin, progressFile);
            verdict = checking.awaitVerdict();
            progressFile.ended(verdict.outcome(), dut.cycles(), dut.retires(), checker.matchedRetires());
            cycles = verdict.cycles();
            rtlRegisters = dut.registers();
        }
        devices.publishFinish();
        double seconds = (System.nanoTime() - start) / 1e9;
        Divergence divergence = verdict.divergence();
        if (progress != null) {
            progress.update(checker.matchedRetires(), cycles, cycles / Math.max(seconds, 1e-9), divergence == null ? 0 : 1);
        }
        Path report = null;
        if (verdict.outcome() != LockstepResult.Outcome.PASS) {
            report = DivergenceReport.write(opt.outputDir(), header, verdict.outcome(), verdict.detail(),
                    checker.matchedRetires(), cycles, divergence, rtlRegisters);
            if (divergence != null && vcd) {
                divergence = divergence.withVcd(captureVcd(divergence, dutOptions, segments, devices.loadAnswers(), opt));
                report = DivergenceReport.write(opt.outputDir(), header, verdict.outcome(), verdict.detail(),
                        checker.matchedRetires(), cycles, divergence, rtlRegisters);
            }
        }
        return new LockstepResult(verdict.outcome(), verdict.detail(), checker.matchedRetires(), cycles, seconds,
                divergence, report);
    }

    /**
     * The RTL side of a lockstep run: runs the RTL batch by batch, serves its devices, drives
     * its interrupt inputs and hands every batch to {@code checking}, until the RTL side ends
     * the run (stall, RTL error, budget, finish grace) or checking stops.
     */
    private static void runRtl(VerilatedDut dut, RtlDevices devices, CheckingThread checking, LockstepOptions opt,
                               XSeedTwin twin, ProgressFile progressFile) {
        long finishBy = -1;
        long levels = -1;
        StopReason finishing = null;
        while (!checking.stopped()) {
            long budget = Math.min(CHUNK_CYCLES, opt.maxCycles() - dut.cycles());
            if (budget <= 0) {
                checking.submit(new BatchHandoff(null, null, levels, finishing, dut.cycles(), new BatchHandoff.Ending(
                        LockstepResult.Outcome.BUDGET, "cycle budget of " + opt.maxCycles() + " reached"), null));
                return;
            }
            RetireBatch batch = checking.takeBuffer();
            if (batch == null) {
                return;
            }
            progressFile.running(dut.cycles(), dut.retires(), checking.matched());
            tandem.dut.StopReason why = dut.run(budget, batch);
            long now = dut.cycles();
            devices.tickTo(now, dut);
            BatchHandoff.Ending end;
            if (finishBy >= 0 && now > finishBy) {
                end = new BatchHandoff.Ending(finishedOutcome(finishing),
                        finishing.describe() + " (the finishing store never retired on the RTL)");
            } else {
                end = rtlEnding(why, dut);
            }
            DataAccess access = devices.takeAccess();
            XSeedTwin.Parting parting = twin == null ? null : twin.follow(now, batch, access);
            if (parting != null) {
                end = new BatchHandoff.Ending(LockstepResult.Outcome.X_PROPAGATION, "X-propagation");
            }
            checking.submit(new BatchHandoff(batch, access, levels, finishing, now, end, parting));
            if (end != null) {
                return;
            }
            levels = devices.driveInterrupts(dut);
            if (twin != null) {
                twin.mirrorInterrupts(levels);
            }
            if (finishing == null && devices.finished() != null) {
                finishing = devices.finished();
                finishBy = now + FINISH_GRACE_CYCLES;
            }
        }
    }

    /** The ending a native stop reason means, or {@code null} to go on. */
    private static BatchHandoff.Ending rtlEnding(tandem.dut.StopReason why, VerilatedDut dut) {
        return switch (why) {
            case STALL -> new BatchHandoff.Ending(LockstepResult.Outcome.STALL, String.format(
                    "RTL stalled: no instruction retired for %d cycles (after %d retires, cycle %d)",
                    dut.idleCycles(), dut.retires(), dut.cycles()));
            case FATAL -> new BatchHandoff.Ending(LockstepResult.Outcome.RTL_ERROR,
                    "RTL error at cycle " + dut.cycles() + ": " + dut.fatalMessage());
            case FETCH_FAULT -> new BatchHandoff.Ending(LockstepResult.Outcome.RTL_ERROR, String.format(
                    "RTL fetched outside RAM at %08x (cycle %d)", dut.lastOutsideAddress(), dut.cycles()));
            case FINISH -> new BatchHandoff.Ending(LockstepResult.Outcome.RTL_ERROR,
                    "RTL called $finish at cycle " + dut.cycles());
            default -> null;
        };
    }

    /**
     * Runs the RTL alone on the same library, buses and devices, with the golden model off:
     * the baseline of {@code tandem bench lockstep}. The RTL side does exactly what it does in
     * {@link #run} (devices served and ticked, interrupt inputs driven); only the golden model and
     * the checker are missing. Ends when the program writes the finisher.
     * The result's {@code retires} counts RTL retires (nothing is compared).
     */
    public LockstepResult runAlone(Machine machine, Program program, LockstepOptions opt) {
        List<Segment> segments = program.loadInto(machine);
        Region ram = ramOf(machine, machine.hart().pc());
        RtlDevices devices = new RtlDevices(machine, program.tohost(), false);
        RetireBatch batch = new RetireBatch(opt.batch());
        long start = System.nanoTime();
        try (VerilatedDut dut = VerilatedDut.open(library, dutOptions(machine, ram, opt), devices)) {
            load(dut, segments);
            dut.reset();
            LockstepResult.Outcome outcome = null;
            while (outcome == null) {
                if (dut.cycles() >= opt.maxCycles()) {
                    outcome = LockstepResult.Outcome.BUDGET;
                    break;
                }
                tandem.dut.StopReason why = dut.run(Math.min(CHUNK_CYCLES, opt.maxCycles() - dut.cycles()), batch);
                devices.tickTo(dut.cycles(), dut);
                devices.takeAccess();
                devices.driveInterrupts(dut);
                BatchHandoff.Ending ending = rtlEnding(why, dut);
                if (devices.finished() != null) {
                    outcome = finishedOutcome(devices.finished());
                } else if (ending != null) {
                    outcome = ending.outcome();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            devices.publishFinish();
            return new LockstepResult(outcome, outcome.name(), dut.retires(), dut.cycles(), seconds, null, null);
        }
    }

    private static VerilatedDut.Options dutOptions(Machine machine, Region ram, LockstepOptions opt) {
        return VerilatedDut.Options.ram(ram.base(), ram.size())
                .timing(opt.waitStates(), opt.backpressure(), opt.seed()).stallAfter(opt.stallCycles())
                .resetAt(machine.hart().pc() & 0xFFFF_FFFFL);
    }

    /**
     * Re-runs the RTL from reset with the traced build, the same bus timing and the device
     * answers of the first run, dumping only the window around the divergence.
     */
    private Path captureVcd(Divergence d, VerilatedDut.Options dutOptions, List<Segment> segments,
                            List<Integer> answers, LockstepOptions opt) {
        Path vcd = opt.outputDir().resolve("divergence.vcd");
        DutLibrary traced = tracedLibrary.get();
        int[] next = {0};
        MmioHandler replay = new MmioHandler() {
            @Override
            public int load(int address, int size) {
                return next[0] < answers.size() ? answers.get(next[0]++) : 0;
            }

            @Override
            public void store(int address, int value, int size) {
                // devices already saw the first run's stores; the re-run only reproduces the RTL's view
            }
        };
        long from = Math.max(0, d.cycle() - opt.vcdBefore());
        long to = d.cycle() + opt.vcdAfter();
        try (VerilatedDut dut = VerilatedDut.open(traced, dutOptions, replay)) {
            load(dut, segments);
            if (opt.flipRetire() >= 0) {
                dut.flipRegisterWriteBit(opt.flipRetire(), opt.flipBit());
            }
            if (!dut.traceWindow(vcd, from, to)) {
                throw new TandemException("cannot open " + vcd + " for the VCD window");
            }
            dut.reset();
            RetireBatch batch = new RetireBatch(opt.batch());
            while (dut.cycles() <= to) {
                tandem.dut.StopReason why = dut.run(to + 1 - dut.cycles(), batch);
                if (rtlEnding(why, dut) != null) {
                    break;
                }
            }
        }
        return vcd;
    }

    static LockstepResult.Outcome finishedOutcome(StopReason finished) {
        return finished.passed() ? LockstepResult.Outcome.PASS : LockstepResult.Outcome.PROGRAM_FAILED;
    }

    /** Loads the program's segments into the RTL's RAM, each zero-filled to its memory size. */
    static void load(VerilatedDut dut, List<Segment> segments) {
        for (Segment s : segments) {
            dut.loadRam(s.address(), zeroFilled(s));
        }
    }

    private static byte[] zeroFilled(Segment s) {
        if (s.memorySize() <= s.data().length) {
            return s.data();
        }
        byte[] b = new byte[(int) s.memorySize()];
        System.arraycopy(s.data(), 0, b, 0, s.data().length);
        return b;
    }

    private static Region ramOf(Machine machine, int pc) {
        long addr = pc & 0xFFFF_FFFFL;
        for (Region r : machine.platform().regions()) {
            if (addr >= r.base() && addr < r.base() + (r.size() & 0xFFFF_FFFFL)) {
                return r;
            }
        }
        throw new TandemException(String.format("the program starts at %08x, outside every RAM of platform %s",
                pc, machine.platform().name()));
    }
}
