package tandem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.golden.TandemException;
import tandem.wave.SignalMap;
import tandem.wave.VcdReader;
import tandem.wave.WaveDiff;

/** {@code tandem wavediff A.vcd B.vcd}: signal-by-signal comparison of two waveforms. */
@Command(name = "wavediff", mixinStandardHelpOptions = true,
        description = {"Compare two VCD waveforms signal by signal over time and print the first difference of each signal.",
            "Signals with the same full name are paired; --map pairs others (a=b, where a side may be a scope",
            "or a bit select such as bio.gpio_out[3] or bus[7:4])."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every paired signal matches", "1:some signal differs", "2:usage or input error"})
public final class WaveDiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.vcd", description = "First waveform (plain or gzip).")
    private Path a;

    @Parameters(index = "1", paramLabel = "B.vcd", description = "Second waveform.")
    private Path b;

    @Option(names = "--map", paramLabel = "NAMES",
            description = "A file of a=b lines, or a=b[,c=d...] inline; may be repeated.")
    private List<String> maps = List.of();

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SignalMap map = SignalMap.empty();
        for (String m : maps) {
            Path file = Path.of(m);
            if (Files.isRegularFile(file)) {
                map = map.plus(SignalMap.read(file));
            } else if (m.contains("=")) {
                map = map.plus(SignalMap.parse(m));
            } else {
                throw new TandemException(m + ": no such name-map file (inline pairs are written a=b)");
            }
        }
        WaveDiff.Result result;
        long bytes = CountedInput.size(a, b);
        try (ProgressDisplay bar = bytes >= CountedInput.WORTH_A_BAR ? output.progress("wavediff", bytes, " MiB", 1 << 20)
                : ProgressDisplay.hidden();
             VcdReader ra = VcdReader.open(CountedInput.open(a, bar), a.toString());
             VcdReader rb = VcdReader.open(CountedInput.open(b, bar), b.toString())) {
            result = WaveDiff.compare(ra, rb, map);
        }
        Summary summary = new Summary("wavediff").figure("a", a.toString()).figure("b", b.toString())
                .figure("same", result.same()).figure("signals", result.pairs().size())
                .figure("differing", result.differences().size())
                .figure("onlyInA", result.onlyInA().size()).figure("onlyInB", result.onlyInB().size())
                .figure("comparedUpTo", WaveDiff.formatTime(result.endFs()));
        List<Map<String, Object>> diffs = new ArrayList<>();
        for (WaveDiff.Difference d : result.differences()) {
            String names = d.nameA().equals(d.nameB()) ? d.nameA() : d.nameA() + " = " + d.nameB();
            summary.line("%s: first difference at %s: A=%s (%s) B=%s (%s)", names, WaveDiff.formatTime(d.timeFs()),
                    WaveDiff.format(d.valueA()), where(a, d.lineA()), WaveDiff.format(d.valueB()), where(b, d.lineB()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("signal", names);
            m.put("time", WaveDiff.formatTime(d.timeFs()));
            m.put("a", WaveDiff.format(d.valueA()));
            m.put("b", WaveDiff.format(d.valueB()));
            diffs.add(m);
        }
        summary.figure("differences", diffs);
        if (!result.onlyInA().isEmpty() || !result.onlyInB().isEmpty()) {
            summary.line("not compared: %d signals only in %s, %d only in %s", result.onlyInA().size(), a,
                    result.onlyInB().size(), b);
        }
        String headline = String.format("wavediff: %d of %d signals differ (compared up to %s)",
                result.differences().size(), result.pairs().size(), WaveDiff.formatTime(result.endFs()));
        summary.line(headline);
        if (result.inputError() != null) {
            // the differences before the bad spot are printed; the error is the input error it is
            summary.figure("inputError", result.inputError());
            int code = summary.print(output, spec.commandLine(), Tandem.USAGE);
            spec.commandLine().getErr().println("tandem: " + result.inputError() + " (compared up to "
                    + WaveDiff.formatTime(result.endFs()) + ")");
            spec.commandLine().getErr().flush();
            return code;
        }
        if (!result.same()) {
            summary.problem(headline);
        }
        return summary.print(output, spec.commandLine(), result.same() ? Tandem.PASS : Tandem.FAIL);
    }

    private static String where(Path file, int line) {
        return line == 0 ? "never set in " + file : file + ":" + line;
    }
}
