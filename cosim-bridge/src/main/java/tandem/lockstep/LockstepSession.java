package tandem.lockstep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tandem.dut.DutLibrary;
import tandem.dut.DutRetire;
import tandem.dut.MmioHandler;
import tandem.dut.RetireBatch;
import tandem.dut.StopReason;
import tandem.dut.VerilatedDut;
import tandem.golden.TandemException;
import tandem.golden.bus.BusError;
import tandem.golden.csr.Csr;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Region;

/**
 * One lockstep run: a Verilated CPU and a golden {@link Machine} loaded with the same program,
 * the RTL's data accesses outside RAM served by the machine's devices (and replayed into the
 * golden hart), every retire checked, and a report on the first divergence.
 *
 * <p>Crash safety: the native model runs in this JVM (a child JVM would double the start-up
 * and ship every retire record across a pipe, which the ≥0.9× speed target cannot afford).
 * Instead nothing is ever left unwritten when native code runs: reports are written, closed
 * and renamed before the next native call, and a small progress file is rewritten every
 * second, so a crash of the model loses at most the VCD being captured.
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
    }

    /** A piece of the program image: bytes at an address, zero-filled to {@code memorySize}. */
    public record Segment(long address, byte[] data, long memorySize) {
    }

    private static final long FINISH_GRACE_CYCLES = 2_000;
    private static final int MIP = 0x344;
    private static final int MIP_MTIP = 1 << 7;
    private static final int MIP_MSIP = 1 << 3;
    private static final int MIP_MEIP = 1 << 11;
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
        return machine -> {
            List<Segment> out = new ArrayList<>();
            for (var s : machine.loadElf(file).segments()) {
                out.add(new Segment(s.address(), s.data(), s.memorySize()));
            }
            return out;
        };
    }

    /** Runs {@code program} on the RTL and on {@code machine} in lockstep. */
    public LockstepResult run(Machine machine, Program program, LockstepOptions opt, Progress progress) {
        List<Segment> segments = program.loadInto(machine);
        Region ram = ramOf(machine, machine.hart().pc());
        List<Integer> deviceAnswers = new ArrayList<>();
        GoldenLockstepChecker checker = new GoldenLockstepChecker(machine.hart(), opt.history());
        MmioHandler devices = new MmioHandler() {
            @Override
            public int load(int address, int size) {
                int v;
                try {
                    v = machine.bus().load(address & 0xFFFF_FFFFL, size);
                } catch (BusError e) {
                    v = 0;
                }
                deviceAnswers.add(v);
                checker.notifyDataAccess(new DataAccess(address, size, false, v));
                return v;
            }

            @Override
            public void store(int address, int value, int size) {
                try {
                    machine.bus().store(address & 0xFFFF_FFFFL, value, size);
                } catch (BusError e) {
                    // the access fault is the golden model's to raise; the RTL has no error response here
                }
                checker.notifyDataAccess(new DataAccess(address, size, true, value));
            }
        };
        VerilatedDut.Options dutOptions = VerilatedDut.Options.ram(ram.base(), ram.size())
                .timing(opt.waitStates(), opt.backpressure(), opt.seed()).stallAfter(opt.stallCycles())
                .resetAt(machine.hart().pc() & 0xFFFF_FFFFL);
        RetireBatch batch = new RetireBatch(opt.batch());
        DutRetire r = new DutRetire();
        long start = System.nanoTime();
        long lastProgress = start;
        long lastCheckpoint = start;
        LockstepResult.Outcome outcome = null;
        String detail = null;
        Divergence divergence = null;
        long cycles;
        int[] rtlRegisters;
        try (VerilatedDut dut = VerilatedDut.open(library, dutOptions, devices)) {
            for (Segment s : segments) {
                dut.loadRam(s.address(), zeroFilled(s));
            }
            if (opt.flipRetire() >= 0) {
                dut.flipRegisterWriteBit(opt.flipRetire(), opt.flipBit());
            }
            dut.reset();
            long finishBy = -1;
            long irq = -1;
            while (outcome == null) {
                long budget = Math.min(CHUNK_CYCLES, opt.maxCycles() - dut.cycles());
                if (budget <= 0) {
                    outcome = LockstepResult.Outcome.BUDGET;
                    detail = "cycle budget of " + opt.maxCycles() + " reached at pc " + hex(machine.hart().pc());
                    break;
                }
                StopReason why = dut.run(budget, batch);
                if (irq >= 0) {
                    checker.setInterruptPending((int) irq, (int) (irq >>> 32));
                }
                int n = batch.count();
                int i = 0;
                while (i < n && outcome == null) {
                    // the golden model may run ahead only up to the next interrupt the RTL took,
                    // and no further than a read of a CSR whose value it adopts from the RTL (RtlDecidedCsr)
                    int end = i + 1;
                    while (end < n && (batch.flags(end) & DutRetire.INTERRUPT) == 0
                            && !RtlDecidedCsr.is(batch.insn(end - 1))) {
                        end++;
                    }
                    checker.expectRetires(end - i);
                    for (; i < end; i++) {
                        batch.read(i, r);
                        if (!checker.step(r)) {
                            divergence = checker.divergences().get(0);
                            outcome = LockstepResult.Outcome.DIVERGED;
                            detail = divergence.summary();
                            break;
                        }
                        if (finishBy >= 0 && r.has(DutRetire.MMIO) && r.has(DutRetire.MEM_WRITE)) {
                            outcome = finishedOutcome(machine);
                            detail = String.format("%s (%s, by the store at pc %08x, RTL retire #%d)",
                                    machine.finished().detail(), machine.finished().kind().name().toLowerCase(
                                            java.util.Locale.ROOT), r.pc, r.index);
                            break;
                        }
                    }
                }
                if (outcome != null) {
                    break;
                }
                irq = driveInterrupts(dut, machine, irq);
                if (finishBy < 0 && machine.finished() != null) {
                    finishBy = dut.cycles() + FINISH_GRACE_CYCLES;
                } else if (finishBy >= 0 && dut.cycles() > finishBy) {
                    outcome = finishedOutcome(machine);
                    detail = machine.finished().describe() + " (the finishing store never retired on the RTL)";
                    break;
                }
                switch (why) {
                    case STALL -> {
                        outcome = LockstepResult.Outcome.STALL;
                        detail = String.format("RTL stalled: no instruction retired for %d cycles (after %d retires, cycle %d)",
                                dut.idleCycles(), dut.retires(), dut.cycles());
                    }
                    case FATAL -> {
                        outcome = LockstepResult.Outcome.RTL_ERROR;
                        detail = "RTL error at cycle " + dut.cycles() + ": " + dut.fatalMessage();
                    }
                    case FETCH_FAULT -> {
                        outcome = LockstepResult.Outcome.RTL_ERROR;
                        detail = String.format("RTL fetched outside RAM at %08x (cycle %d)", dut.lastOutsideAddress(), dut.cycles());
                    }
                    case FINISH -> {
                        outcome = LockstepResult.Outcome.RTL_ERROR;
                        detail = "RTL called $finish at cycle " + dut.cycles();
                    }
                    default -> {
                    }
                }
                long now = System.nanoTime();
                if (progress != null && now - lastProgress > 500_000_000L) {
                    progress.update(checker.matchedRetires(), dut.cycles(), dut.cycles() / ((now - start) / 1e9), 0);
                    lastProgress = now;
                }
                if (now - lastCheckpoint > 1_000_000_000L) {
                    checkpoint(opt.outputDir(), checker.matchedRetires(), dut.cycles(), machine.hart().pc());
                    lastCheckpoint = now;
                }
            }
            cycles = dut.cycles();
            rtlRegisters = dut.registers();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (progress != null) {
            progress.update(checker.matchedRetires(), cycles, cycles / Math.max(seconds, 1e-9), divergence == null ? 0 : 1);
        }
        Path report = null;
        if (outcome != LockstepResult.Outcome.PASS) {
            report = DivergenceReport.write(opt.outputDir(), header, outcome, detail, checker.matchedRetires(), cycles,
                    divergence, rtlRegisters);
            if (divergence != null && tracedLibrary != null) {
                divergence = divergence.withVcd(captureVcd(divergence, dutOptions, segments, deviceAnswers, opt));
                report = DivergenceReport.write(opt.outputDir(), header, outcome, detail, checker.matchedRetires(),
                        cycles, divergence, rtlRegisters);
            }
        }
        return new LockstepResult(outcome, detail, checker.matchedRetires(), cycles, seconds, divergence, report);
    }

    /**
     * Runs the RTL alone on the same library, buses and devices, with the golden model off:
     * the baseline of {@code tandem bench lockstep}. Ends when the program writes the finisher.
     * The result's {@code retires} counts RTL retires (nothing is compared).
     */
    public LockstepResult runAlone(Machine machine, Program program, LockstepOptions opt) {
        List<Segment> segments = program.loadInto(machine);
        Region ram = ramOf(machine, machine.hart().pc());
        MmioHandler devices = new MmioHandler() {
            @Override
            public int load(int address, int size) {
                try {
                    return machine.bus().load(address & 0xFFFF_FFFFL, size);
                } catch (BusError e) {
                    return 0;
                }
            }

            @Override
            public void store(int address, int value, int size) {
                try {
                    machine.bus().store(address & 0xFFFF_FFFFL, value, size);
                } catch (BusError e) {
                    // no device: the store is dropped as on a bus without error responses
                }
            }
        };
        VerilatedDut.Options dutOptions = VerilatedDut.Options.ram(ram.base(), ram.size())
                .timing(opt.waitStates(), opt.backpressure(), opt.seed()).stallAfter(opt.stallCycles())
                .resetAt(machine.hart().pc() & 0xFFFF_FFFFL);
        RetireBatch batch = new RetireBatch(opt.batch());
        long start = System.nanoTime();
        try (VerilatedDut dut = VerilatedDut.open(library, dutOptions, devices)) {
            for (Segment s : segments) {
                dut.loadRam(s.address(), zeroFilled(s));
            }
            dut.reset();
            LockstepResult.Outcome outcome = null;
            while (outcome == null) {
                if (dut.cycles() >= opt.maxCycles()) {
                    outcome = LockstepResult.Outcome.BUDGET;
                    break;
                }
                StopReason why = dut.run(Math.min(CHUNK_CYCLES, opt.maxCycles() - dut.cycles()), batch);
                if (machine.finished() != null) {
                    outcome = finishedOutcome(machine);
                } else if (why == StopReason.STALL) {
                    outcome = LockstepResult.Outcome.STALL;
                } else if (why == StopReason.FATAL || why == StopReason.FETCH_FAULT || why == StopReason.FINISH) {
                    outcome = LockstepResult.Outcome.RTL_ERROR;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new LockstepResult(outcome, outcome.name(), dut.retires(), dut.cycles(), seconds, null, null);
        }
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
            for (Segment s : segments) {
                dut.loadRam(s.address(), zeroFilled(s));
            }
            if (opt.flipRetire() >= 0) {
                dut.flipRegisterWriteBit(opt.flipRetire(), opt.flipBit());
            }
            if (!dut.traceWindow(vcd, from, to)) {
                throw new TandemException("cannot open " + vcd + " for the VCD window");
            }
            dut.reset();
            RetireBatch batch = new RetireBatch(opt.batch());
            while (dut.cycles() <= to) {
                StopReason why = dut.run(to + 1 - dut.cycles(), batch);
                if (why == StopReason.STALL || why == StopReason.FATAL || why == StopReason.FETCH_FAULT
                        || why == StopReason.FINISH) {
                    break;
                }
            }
        }
        return vcd;
    }

    /**
     * Drives the RTL's interrupt inputs from the shared devices' lines as the golden machine
     * holds them (external lines; mip's timer, software and external bits), between batches: a device
     * raises a line, the RTL sees it from the next cycle and decides when to take it. Returns
     * the levels driven, packed, so unchanged levels cost no native call.
     */
    private static long driveInterrupts(VerilatedDut dut, Machine machine, long last) {
        Csr mipCsr = machine.hart().csrs().get(MIP);
        int mip = mipCsr == null ? 0 : mipCsr.read() & (MIP_MTIP | MIP_MSIP | MIP_MEIP);
        int lines = machine.hart().irqArray().lines();
        long packed = ((long) mip << 32) | (lines & 0xFFFF_FFFFL);
        if (packed != last) {
            dut.setInterrupts(lines, mip);
        }
        return packed;
    }

    private static LockstepResult.Outcome finishedOutcome(Machine machine) {
        return machine.finished().passed() ? LockstepResult.Outcome.PASS : LockstepResult.Outcome.PROGRAM_FAILED;
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

    private static void checkpoint(Path dir, long retires, long cycles, int pc) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("progress.json.tmp");
            Files.writeString(tmp, String.format("{\"retiresMatched\": %d, \"cycles\": %d, \"goldenPc\": \"0x%08x\"}%n",
                    retires, cycles, pc));
            Files.move(tmp, dir.resolve("progress.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write progress in " + dir, e);
        }
    }

    private static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
