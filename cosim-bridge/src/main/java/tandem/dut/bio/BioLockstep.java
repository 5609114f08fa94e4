package tandem.dut.bio;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import tandem.dut.BuildCache;
import tandem.golden.TandemException;

/**
 * The Baochip-1x BIO RTL against the golden BIO model, aclk by aclk: the same
 * {@link BioStimulus} on both, every change of pins, directions, FIFO levels and each core's DBG
 * pc compared with its cycle from the watched core's reset release, then x31 at cycle 0 and the
 * words read back. The host's APB clock runs at 1/8 of aclk in the RTL harness (1:1 loses code
 * RAM writes and 1:2 lags read-back; from 1:4 on the BIO behaves the same). The first difference
 * writes a report naming the cycle, the signals and both sides' values, with a VCD window of
 * each side's compared signals around it and a Verilator trace of every RTL signal over the
 * same window (from a traced build, made the first time it is needed).
 */
public final class BioLockstep {

    private static final long WINDOW_BEFORE = 200;
    private static final long WINDOW_AFTER = 50;

    private final Path harness;
    private final Supplier<Path> tracedHarness;
    private final String rtl;

    /**
     * Runs the harness executable {@code harness}, built from {@code rtl} (named in reports);
     * {@code tracedHarness} builds the traced one for the RTL's VCD window, or is {@code null}.
     */
    BioLockstep(Path harness, Supplier<Path> tracedHarness, String rtl) {
        this.harness = harness;
        this.tracedHarness = tracedHarness;
        this.rtl = rtl;
    }

    /**
     * Builds (or finds cached) the harness for the RTL {@code given} names (a folder, files or .f
     * lists); the traced build for a difference's RTL waveform is made only when one is needed.
     */
    public static BioLockstep build(List<Path> given, BuildCache cache, PrintStream log) {
        BioRtlBuild builder = new BioRtlBuild(cache, log);
        return new BioLockstep(builder.build(given, false), () -> builder.build(given, true), given.toString());
    }

    /** Runs {@code stimulus} on both sides; a difference is reported in {@code outDir}. */
    public BioComparison run(BioStimulus stimulus, Path outDir) {
        List<BioEvent> rtlEvents = runRtl(harness, stimulus, outDir.resolve("images"), List.of());
        List<Long> landings = new ArrayList<>();
        for (BioEvent e : rtlEvents) {
            if (e.isLanding()) {
                landings.add(e.cycle());
            }
        }
        List<BioEvent> a = rtlEvents.stream().filter(e -> !e.isLanding()).toList();
        List<BioEvent> b = BioModelRun.run(stimulus, landings);
        int n = Math.min(a.size(), b.size());
        int i = 0;
        while (i < n && a.get(i).equals(b.get(i))) {
            i++;
        }
        if (i == n && a.size() == b.size()) {
            return new BioComparison(true, stimulus.cycles(), a.size(), -1,
                    "match: " + a.size() + " events over " + stimulus.cycles() + " aclk", null);
        }
        return difference(stimulus, a, b, i, outDir);
    }

    private BioComparison difference(BioStimulus s, List<BioEvent> a, List<BioEvent> b, int i, Path outDir) {
        BioEvent ra = i < a.size() ? a.get(i) : null;
        BioEvent mb = i < b.size() ? b.get(i) : null;
        long cycle = Math.min(ra == null ? Long.MAX_VALUE : ra.cycle(), mb == null ? Long.MAX_VALUE : mb.cycle());
        String signals = (ra != null ? ra : mb).signals();
        if (ra != null && mb != null && !ra.signals().equals(mb.signals())) {
            signals = ra.signals() + " (RTL) / " + mb.signals() + " (model)";
        }
        String at = cycle == Long.MAX_VALUE ? "after the run" : "at aclk " + cycle;
        String detail = String.format("first difference %s (from core %d's reset release), %s: RTL %s, model %s",
                at, s.watch(), signals, ra == null ? "nothing more" : ra, mb == null ? "nothing more" : mb);
        try {
            Files.createDirectories(outDir);
            long to = Math.min(s.cycles(), (cycle == Long.MAX_VALUE ? s.cycles() : cycle) + WINDOW_AFTER);
            long from = Math.max(0, to - WINDOW_AFTER - WINDOW_BEFORE);
            Path rtlVcd = outDir.resolve("bio-rtl-window.vcd");
            Path modelVcd = outDir.resolve("bio-model-window.vcd");
            BioEventWaveform.write(rtlVcd, "RTL", a, from, to);
            BioEventWaveform.write(modelVcd, "golden model", b, from, to);
            Path rtlTrace = null;
            if (tracedHarness != null) {
                rtlTrace = outDir.resolve("bio-rtl-trace.vcd");
                runRtl(tracedHarness.get(), s, outDir.resolve("images"), List.of("vcd=" + rtlTrace + ":" + from + ":" + to));
            }
            StringBuilder r = new StringBuilder();
            r.append("Tandem BIO lockstep report\n");
            r.append("RTL: ").append(rtl).append("\n");
            r.append("outcome: diverged\n");
            r.append("detail:  ").append(detail).append("\n\n");
            r.append("Events before and after (RTL | model; cycles from core ").append(s.watch())
                    .append("'s reset release)\n");
            for (int k = Math.max(0, i - 8); k < Math.min(Math.max(a.size(), b.size()), i + 6); k++) {
                r.append(String.format("  %s %-34s | %s%n", k == i ? ">" : " ", k < a.size() ? a.get(k) : "",
                        k < b.size() ? b.get(k) : ""));
            }
            r.append("\nVCD windows (aclk ").append(from).append("..").append(to)
                    .append(", 10 time units per aclk), the compared signals of each side: ")
                    .append(rtlVcd).append(", ").append(modelVcd).append("\n");
            if (rtlTrace != null) {
                r.append("Every RTL signal over the same window (Verilator trace): ").append(rtlTrace).append("\n");
            }
            Path report = outDir.resolve("bio-lockstep-report.txt");
            Files.writeString(report, r.toString());
            return new BioComparison(false, s.cycles(), i, cycle, detail, report);
        } catch (IOException e) {
            throw new TandemException("cannot write the BIO lockstep report in " + outDir + ": " + e.getMessage());
        }
    }

    private static List<BioEvent> runRtl(Path harness, BioStimulus s, Path work, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(harness.toString());
        command.addAll(s.harnessArguments(work));
        command.addAll(extra);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<BioEvent> events = new ArrayList<>();
            try (InputStream in = p.getInputStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.matches("^(O|L|C|P|R) .*|^[0-9]+ out=.*"))
                        .forEach(l -> events.add(new BioEvent(l)));
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new TandemException("the BIO RTL harness failed (" + String.join(" ", command) + ")");
            }
            return events;
        } catch (IOException e) {
            throw new TandemException("cannot run the BIO RTL harness " + harness + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running the BIO RTL");
        }
    }
}
