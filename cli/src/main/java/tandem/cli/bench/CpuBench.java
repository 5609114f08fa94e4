package tandem.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tandem.cli.OutputOptions;
import tandem.cli.Summary;
import tandem.cli.Tandem;
import tandem.golden.TandemException;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.trace.TraceWriter;

/**
 * {@code tandem bench cpu}: millions of guest instructions per second for the golden model and
 * for QEMU on the same ELFs, in one run.
 *
 * <p>Method. Each benchmark guest is built twice, with a small and a large iteration count
 * (large / 4 and large). The golden model counts the instructions of both builds exactly
 * ({@code instret}); both simulators execute the identical instruction stream because the
 * guests read no clock or counter. Golden MIPS = instructions of the large build / time spent
 * in {@code Machine.run} (JIT warmed by a run of the small build; best of {@code --repeat}; the
 * model's compiled regions are shared between the runs, as between any harts in one JVM).
 * QEMU MIPS = (instructions(large) - instructions(small)) / (time(large) - time(small)), best
 * of {@code --repeat} times each, which cancels QEMU's start-up, ELF loading and exit. The
 * traced figure runs the small build with a {@link TraceWriter} writing the binary retire trace
 * to a file in the work directory (deleted afterwards), best of {@code --repeat}; the interpreter
 * figure runs the small build with the block compiler off. QEMU's console output must equal the
 * golden model's, so both really ran the same program to the same result.
 *
 * <p>Time is CPU time by default ({@code --clock cpu}): the JVM's process CPU time (all
 * threads, JIT and GC included) around {@code Machine.run}, and QEMU's user + system time (all
 * threads), so other processes on a shared machine do not distort the figures;
 * {@code --clock wall} uses elapsed time instead.
 */
@Command(name = "cpu", mixinStandardHelpOptions = true,
        description = {"Run the CPU benchmark guests (coremark-like, dhrystone-like, sv32-modes) on the golden model "
            + "and on qemu-system-riscv32, and print M instructions/s for each, their ratio, and the golden model "
            + "with the binary retire trace written.",
            "Targets: >= 300 MIPS with the MMU on (sv32-modes), >= 0.15x QEMU, >= 50 MIPS with the trace."})
public final class CpuBench implements Callable<Integer> {

    /** MIPS the golden model must reach with translation on. */
    static final double TARGET_MMU_MIPS = 300;
    /** Golden/QEMU ratio to reach. */
    static final double TARGET_RATIO = 0.15;
    /** MIPS to reach while writing the retire trace. */
    static final double TARGET_TRACE_MIPS = 50;

    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Benchmarks to run (default all): coremark-like, dhrystone-like, sv32-modes.")
    private List<String> only;

    @Option(names = "--scale", defaultValue = "1.0", description = "Multiply every iteration count (${DEFAULT-VALUE}).")
    private double scale;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per measurement; the best counts (${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--no-qemu", description = "Measure the golden model only.")
    private boolean noQemu;

    @Option(names = "--no-trace", description = "Skip the run with the retire trace written.")
    private boolean noTrace;

    @Option(names = "--interpreter", negatable = true, defaultValue = "true",
            description = "Also measure the interpreter alone, block compiler off (default on; --no-interpreter skips it).")
    private boolean interpreter;

    @Option(names = "--work-dir", defaultValue = ".tandem-cache/bench", description = "Where guests are built and the trace is written (${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--check-targets", description = "Exit with 1 when a target is missed.")
    private boolean checkTargets;

    @Option(names = "--clock", defaultValue = "cpu", description = "cpu (process CPU time, the default) or wall (elapsed time).")
    private String clock;

    @Override
    public Integer call() {
        if (repeat < 1 || scale <= 0) {
            throw new TandemException("--repeat must be >= 1 and --scale > 0");
        }
        if (!clock.equals("cpu") && !clock.equals("wall")) {
            throw new TandemException("--clock must be cpu or wall, not '" + clock + "'");
        }
        boolean cpu = clock.equals("cpu");
        List<GuestBenchmark> benchmarks = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            benchmarks.addAll(List.of(GuestBenchmark.values()));
        } else {
            for (String name : only) {
                benchmarks.add(GuestBenchmark.named(name));
            }
        }
        PrintWriter out = output.human() ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter());
        List<Map<String, Object>> rows = new ArrayList<>();
        GuestCompiler compiler = new GuestCompiler(workDir);
        QemuClock qemu = noQemu ? null : new QemuClock();
        List<String> misses = new ArrayList<>();
        boolean header = false;
        for (GuestBenchmark b : benchmarks) {
            int large = Math.max(4, (int) Math.round(b.iterations() * scale));
            int small = large / 4;
            Path smallElf = compiler.build(b, small);
            Path largeElf = compiler.build(b, large);
            if (!header) {
                out.printf("%-15s %14s %12s %12s %12s %12s %12s   (%s time)%n", "benchmark", "instructions", "golden MIPS",
                        "traced MIPS", "interp MIPS", "QEMU MIPS", "golden/QEMU", clock);
                out.flush();
                header = true;
            }
            GoldenRun smallRun = golden(smallElf, null, cpu, Hart.DEFAULT_COMPILE_THRESHOLD);
            GoldenRun best = null;
            for (int i = 0; i < repeat; i++) {
                GoldenRun r = golden(largeElf, null, cpu, Hart.DEFAULT_COMPILE_THRESHOLD);
                if (best == null || r.seconds < best.seconds) {
                    best = r;
                }
            }
            double goldenMips = best.instructions / best.seconds / 1e6;
            double tracedMips = Double.NaN;
            if (!noTrace) {
                Path trace = workDir.resolve(b.label() + ".trace");
                for (int i = 0; i < repeat; i++) {
                    GoldenRun traced = golden(smallElf, trace, cpu, Hart.DEFAULT_COMPILE_THRESHOLD);
                    tracedMips = Double.isNaN(tracedMips) ? traced.mips() : Math.max(tracedMips, traced.mips());
                }
                delete(trace);
            }
            double interpreterMips = Double.NaN;
            if (interpreter) {
                for (int i = 0; i < repeat; i++) {
                    double mips = golden(smallElf, null, cpu, 0).mips();
                    interpreterMips = Double.isNaN(interpreterMips) ? mips : Math.max(interpreterMips, mips);
                }
            }
            double qemuMips = Double.NaN;
            if (qemu != null) {
                QemuClock.Run qSmall = fastest(qemu, smallElf, cpu);
                QemuClock.Run qLarge = fastest(qemu, largeElf, cpu);
                check(b, "small", smallRun, qSmall);
                check(b, "large", best, qLarge);
                double dt = seconds(qLarge, cpu) - seconds(qSmall, cpu);
                if (dt > 0) {
                    qemuMips = (best.instructions - smallRun.instructions) / dt / 1e6;
                }
            }
            double ratio = goldenMips / qemuMips;
            out.printf(Locale.ROOT, "%-15s %14d %12.1f %12s %12s %12s %12s%n", b.label(), best.instructions, goldenMips,
                    fmt(tracedMips, "%.1f"), fmt(interpreterMips, "%.1f"), fmt(qemuMips, "%.1f"), fmt(ratio, "%.3f"));
            out.flush();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", b.label());
            row.put("instructions", best.instructions);
            row.put("goldenMips", figure(goldenMips));
            row.put("tracedMips", figure(tracedMips));
            row.put("interpreterMips", figure(interpreterMips));
            row.put("qemuMips", figure(qemuMips));
            row.put("goldenPerQemu", figure(ratio));
            rows.add(row);
            if (b.translated() && goldenMips < TARGET_MMU_MIPS) {
                misses.add(String.format(Locale.ROOT, "%s: %.1f MIPS with the MMU on, target %.0f", b.label(), goldenMips, TARGET_MMU_MIPS));
            }
            if (!Double.isNaN(ratio) && ratio < TARGET_RATIO) {
                misses.add(String.format(Locale.ROOT, "%s: %.3fx QEMU, target %.2fx", b.label(), ratio, TARGET_RATIO));
            }
            if (!Double.isNaN(tracedMips) && tracedMips < TARGET_TRACE_MIPS) {
                misses.add(String.format(Locale.ROOT, "%s: %.1f MIPS with the trace, target %.0f", b.label(), tracedMips, TARGET_TRACE_MIPS));
            }
        }
        out.println("method: instructions counted by the golden model (instret); QEMU MIPS from the time difference"
                + " between the N/4- and N-iteration builds; traced = N/4 build writing the binary retire trace;"
                + " interp = N/4 build with the block compiler off; golden and traced include the JVM compiling"
                + " the model's bytecode, best of --repeat runs in one JVM (compiled regions are shared between runs)");
        out.printf(Locale.ROOT, "targets: >= %.0f MIPS with the MMU on (sv32-modes), >= %.2fx QEMU, >= %.0f MIPS with the trace%n",
                TARGET_MMU_MIPS, TARGET_RATIO, TARGET_TRACE_MIPS);
        if (misses.isEmpty()) {
            out.println("all measured targets met");
        } else {
            for (String m : misses) {
                out.println("below target: " + m);
            }
        }
        out.flush();
        Summary summary = new Summary("bench cpu").figure("clock", clock).figure("benchmarks", rows)
                .figure("targetsMet", misses.isEmpty()).figure("belowTarget", misses);
        return summary.print(output, spec.commandLine(), checkTargets && !misses.isEmpty() ? Tandem.FAIL : Tandem.PASS);
    }

    /** A measured figure for JSON: null where it was not measured. */
    private static Double figure(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /** One golden-model run of a benchmark guest. */
    private record GoldenRun(long instructions, double seconds, String console) {
        double mips() {
            return instructions / seconds / 1e6;
        }
    }

    /** Runs {@code elf}, writing the binary trace to {@code trace} unless null, compiling blocks entered {@code compileThreshold} times (0: never). */
    private static GoldenRun golden(Path elf, Path trace, boolean cpu, int compileThreshold) {
        Machine machine = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        machine.loadElf(elf);
        machine.hart().setCompileThreshold(compileThreshold);
        StopReason stop;
        long start;
        long end;
        if (trace != null) {
            try (TraceWriter writer = TraceWriter.open(trace, false)) {
                machine.hart().addRetireListener(writer);
                start = now(cpu);
                stop = machine.run(Long.MAX_VALUE);
                writer.flush();
                end = now(cpu);
            } catch (IOException e) {
                throw new TandemException(trace + ": cannot write trace: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new TandemException(trace + ": cannot write trace: " + e.getCause().getMessage());
            }
        } else {
            start = now(cpu);
            stop = machine.run(Long.MAX_VALUE);
            end = now(cpu);
        }
        if (!stop.passed()) {
            throw new TandemException(elf + ": the benchmark guest did not pass on the golden model: " + stop.describe());
        }
        return new GoldenRun(machine.hart().instret(), (end - start) / 1e9, machine.console().text());
    }

    private QemuClock.Run fastest(QemuClock qemu, Path elf, boolean cpu) {
        QemuClock.Run best = null;
        for (int i = 0; i < repeat; i++) {
            QemuClock.Run r = qemu.run(elf);
            if (best == null || seconds(r, cpu) < seconds(best, cpu)) {
                best = r;
            }
        }
        return best;
    }

    private static double seconds(QemuClock.Run r, boolean cpu) {
        return cpu ? r.cpuSeconds() : r.wallSeconds();
    }

    /** Process CPU time of this JVM (all threads) or elapsed time, in nanoseconds. */
    private static long now(boolean cpu) {
        if (cpu) {
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                return sun.getProcessCpuTime();
            }
            throw new TandemException("this JVM cannot report process CPU time; use --clock wall");
        }
        return System.nanoTime();
    }

    private static void check(GuestBenchmark b, String which, GoldenRun golden, QemuClock.Run qemu) {
        if (qemu.exitStatus() != 0 || !qemu.console().equals(golden.console())) {
            throw new TandemException(String.format("%s (%s build): QEMU printed \"%s\" (exit %d), the golden model \"%s\"",
                    b.label(), which, qemu.console().strip(), qemu.exitStatus(), golden.console().strip()));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fmt(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }
}
