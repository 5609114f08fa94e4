package tandem.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.cli.OutputOptions;
import tandem.dut.BuildCache;
import tandem.dut.bio.BioRtlBuild;
import tandem.cli.Summary;
import tandem.cli.Tandem;
import tandem.golden.TandemException;
import tandem.golden.bio.Bio;
import tandem.golden.bio.BioAssembler;
import tandem.golden.bio.BioConfig;

/**
 * {@code tandem bench bio}: BIO clocks per second of the BIO model with all four cores busy.
 *
 * <p>Method. The same program ({@code bio-busy.S}: ALU work, multiply, load/store, pin writes, and
 * a word passed around the ring of FIFOs every 16 iterations) runs on all four cores. After a
 * warm-up run of {@code --cycles} clocks the block runs {@code --cycles} clocks {@code --repeat}
 * times; the best wall time counts (the thread's CPU time is printed too, as a figure less
 * disturbed by other load on the machine). The cores are checked to be still running (not trapped)
 * afterwards, so the figure is for real work. The model replays instruction spans here; the same
 * program with replay off (every clock on the reference core, as under an observer) runs for a
 * twentieth as long in the same run, and the ratio of the two is printed.
 *
 * <p>A second figure is for the common case of BIO programs that pace themselves on quanta
 * ({@code bio-paced.S}: each core drives one pin bit per quantum of {@value #PACED_QUANTUM} clocks,
 * a 700 kbit/s stream at FCLK 700 MHz); most of their clocks are waits the model runs in bulk.
 *
 * <p>When {@code TANDEM_BIO_RTL} (or {@code --rtl}) names the BIO RTL, the same image runs on all
 * four cores of the Verilated RTL (cosim-bridge's {@link BioRtlBuild}, built once and cached) for a short and a
 * long run; their difference gives the RTL's clocks per second without the harness's start-up
 * (process start, reset, program loading over APB).
 */
@Command(name = "bio", mixinStandardHelpOptions = true,
        description = {"Run the BIO model with four busy cores and print M BIO clocks/s (target >= 50)."})
public final class BioBench implements Callable<Integer> {

    /** BIO clocks per second to reach, in millions. */
    static final double TARGET_MCPS = 50;
    /** Quantum, in BIO clocks, of the paced figure. */
    static final int PACED_QUANTUM = 1000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Option(names = "--cycles", defaultValue = "20000000", description = "BIO clocks per timed run (${DEFAULT-VALUE}).")
    private long cycles;

    @Option(names = "--repeat", defaultValue = "5", description = "Timed runs; the best counts (${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--check-targets", description = "Exit with 1 when the target is missed.")
    private boolean checkTargets;

    @Option(names = "--rtl", paramLabel = "DIR", description = "BIO RTL folder to time under Verilator (default: $TANDEM_BIO_RTL; none: not measured).")
    private Path rtl;

    @Option(names = "--rtl-cycles", defaultValue = "500000", description = "BIO clocks of the long RTL run (${DEFAULT-VALUE}).")
    private long rtlCycles;

    @Option(names = "--rtl-cache", paramLabel = "DIR", description = "Where Verilated builds are cached (default: the Tandem build cache, ~/.cache/tandem).")
    private Path rtlCache;

    @Override
    public Integer call() throws IOException {
        if (cycles < 1 || repeat < 1) {
            throw new TandemException("--cycles and --repeat must be positive");
        }
        byte[] image = assembledResource("bio-busy.S");
        double[] busy = timeRuns(image, 0, true, cycles);
        double best = busy[0];
        double bestCpu = busy[1];
        long referenceCycles = Math.max(100_000, cycles / 20);
        double referenceMcps = referenceCycles / timeRuns(image, 0, false, referenceCycles)[0] / 1e6;
        double mcps = cycles / best / 1e6;
        double pacedMcps = pacedSpeed();
        PrintWriter out = output.human() ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter());
        Summary summary = new Summary("bench bio").figure("cycles", cycles).figure("busyClocksPerSecond", mcps * 1e6)
                .figure("referenceClocksPerSecond", referenceMcps * 1e6)
                .figure("pacedClocksPerSecond", pacedMcps * 1e6).figure("targetMet", mcps >= TARGET_MCPS);
        out.printf(Locale.ROOT, "BIO model, 4 busy cores: %.1f M BIO clocks/s (%d clocks in %.3f s, best of %d; target %.0f)%n",
                mcps, cycles, best, repeat, TARGET_MCPS);
        if (bestCpu > 0) {
            out.printf(Locale.ROOT, "BIO model, per thread CPU time: %.1f M BIO clocks/s (less sensitive to machine load)%n",
                    cycles / bestCpu / 1e6);
        }
        out.printf(Locale.ROOT, "BIO model clock by clock (span replay off, the reference): %.2f M BIO clocks/s in the same run;"
                + " replay is %.1fx faster%n", referenceMcps, mcps / referenceMcps);
        out.printf(Locale.ROOT, "BIO model, 4 cores paced on quanta of %d clocks: %.1f M BIO clocks/s (%d clocks, best of %d)%n",
                PACED_QUANTUM, pacedMcps, cycles, repeat);
        out.flush();
        String rtlEnv = System.getenv("TANDEM_BIO_RTL");
        Path rtlDir = rtl != null ? rtl : rtlEnv != null && !rtlEnv.isBlank() ? Path.of(rtlEnv) : null;
        if (rtlDir == null) {
            out.printf(Locale.ROOT, "BIO RTL (Verilator): not measured; set TANDEM_BIO_RTL (or --rtl) to the BIO RTL folder%n");
        } else {
            double rtlMcps = rtlSpeed(rtlDir, image);
            summary.figure("rtlClocksPerSecond", rtlMcps * 1e6);
            out.printf(Locale.ROOT, "BIO RTL (Verilator, %s): %.2f M BIO clocks/s on the same program (%d clocks, start-up excluded);"
                    + " the model is %.0fx faster%n", rtlDir, rtlMcps, rtlCycles, mcps / rtlMcps);
        }
        out.flush();
        return summary.print(output, spec.commandLine(), checkTargets && mcps < TARGET_MCPS ? Tandem.FAIL : Tandem.PASS);
    }

    /**
     * Best wall and thread-CPU seconds (0 where the JVM cannot tell) of {@code clocks} BIO clocks
     * with {@code image} on all four cores and quantum divider {@code qdiv}, after a warm-up run of
     * as many; checks that no core trapped.
     */
    private double[] timeRuns(byte[] image, int qdiv, boolean replay, long clocks) {
        Bio bio = new Bio(BioConfig.DEFAULT.withSpanReplay(replay), null);
        for (int c = 0; c < 4; c++) {
            bio.loadProgram(c, image);
            bio.store(0x50 + 4 * c, qdiv, 4);
        }
        bio.store(0x00, 0xFFF, 4);
        bio.run(clocks);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int r = 0; r < repeat; r++) {
            long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            bio.run(clocks);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            if (cpuClock) {
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            }
        }
        for (int c = 0; c < 4; c++) {
            if (bio.trapped(c)) {
                throw new IllegalStateException("benchmark core " + c + " trapped at pc 0x" + Integer.toHexString(bio.pc(c)));
            }
        }
        return new double[] {best, cpuClock ? bestCpu : 0};
    }

    /** M BIO clocks per second of the Verilated RTL running {@code image} on four cores. */
    private double rtlSpeed(Path rtlDir, byte[] image) throws IOException {
        if (rtlCycles < 10) {
            throw new TandemException("--rtl-cycles must be at least 10");
        }
        BuildCache cache = rtlCache != null ? BuildCache.at(rtlCache) : BuildCache.standard();
        Path harness = new BioRtlBuild(cache, output.log()).build(List.of(rtlDir), false);
        Path bin = Files.createTempFile("bio-busy", ".bin");
        try {
            Files.write(bin, image);
            List<String> programs = List.of("0=" + bin, "1=" + bin, "2=" + bin, "3=" + bin);
            long shortRun = rtlCycles / 10;
            double shortSeconds = timeHarness(harness, shortRun, programs);
            double longSeconds = timeHarness(harness, rtlCycles, programs);
            return (rtlCycles - shortRun) / Math.max(1e-9, longSeconds - shortSeconds) / 1e6;
        } finally {
            Files.deleteIfExists(bin);
        }
    }

    /** Seconds the harness takes for {@code cycles} BIO clocks, its per-clock output thrown away. */
    private static double timeHarness(Path harness, long cycles, List<String> programs) throws IOException {
        List<String> command = new ArrayList<>(List.of(harness.toString(), Long.toString(cycles), "0xFFF", "0"));
        command.addAll(programs);
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new TandemException("the BIO RTL harness failed (" + String.join(" ", command) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while timing the BIO RTL");
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** M BIO clocks per second with four cores bit-banging one pin each per quantum. */
    private double pacedSpeed() throws IOException {
        return cycles / timeRuns(assembledResource("bio-paced.S"), PACED_QUANTUM << 16, true, cycles)[0] / 1e6;
    }

    private static byte[] assembledResource(String name) throws IOException {
        Path source = Files.createTempFile(name.replace(".S", ""), ".S");
        try (InputStream in = BioBench.class.getResourceAsStream(name)) {
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return BioAssembler.assemble(source);
        } finally {
            Files.deleteIfExists(source);
        }
    }
}
