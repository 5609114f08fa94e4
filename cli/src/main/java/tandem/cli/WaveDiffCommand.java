package tandem.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--quiet", description = "Print only the summary line.")
    private boolean quiet;

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
        try (VcdReader ra = VcdReader.open(a); VcdReader rb = VcdReader.open(b)) {
            result = WaveDiff.compare(ra, rb, map);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!quiet) {
            for (WaveDiff.Difference d : result.differences()) {
                String names = d.nameA().equals(d.nameB()) ? d.nameA() : d.nameA() + " = " + d.nameB();
                out.printf("%s: first difference at %s: A=%s (%s) B=%s (%s)%n", names,
                        WaveDiff.formatTime(d.timeFs()), WaveDiff.format(d.valueA()), where(a, d.lineA()),
                        WaveDiff.format(d.valueB()), where(b, d.lineB()));
            }
            if (!result.onlyInA().isEmpty() || !result.onlyInB().isEmpty()) {
                out.printf("not compared: %d signals only in %s, %d only in %s%n", result.onlyInA().size(), a,
                        result.onlyInB().size(), b);
            }
        }
        out.printf("wavediff: %d of %d signals differ (compared up to %s)%n", result.differences().size(),
                result.pairs().size(), WaveDiff.formatTime(result.endFs()));
        out.flush();
        return result.same() ? Tandem.PASS : Tandem.FAIL;
    }

    private static String where(Path file, int line) {
        return line == 0 ? "never set in " + file : file + ":" + line;
    }
}
