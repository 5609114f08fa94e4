package tandem.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.features.SpecRun;
import tandem.golden.TandemException;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.report.read.ResultCollector;

/**
 * {@code tandem spec}: runs Gherkin behaviour specs (Xous IPC, memory protection, MMU rules)
 * on the golden model, and in lockstep with a VexRiscv RTL when one is given.
 */
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = {"Run Gherkin behaviour specs on the golden model (and in lockstep with --rtl).",
            "Writes report.html, cucumber.json (Cucumber JSON, read by the conformance report) and junit.xml.",
            "Each problem is one line naming the feature file and line."})
public final class SpecCommand implements Callable<Integer> {
    /** Where the project's own specs live, used when no path is given. */
    static final Path DEFAULT_FEATURES = Path.of("features", "src", "test", "resources", "features");

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Feature files or directories; file.feature:LINE runs one scenario (default: ${DEFAULT-VALUE}).")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPR", description = "Cucumber tag expression, e.g. '@mmu and not @slow'.")
    private String tags;

    @Option(names = "--rtl", paramLabel = "FILES",
            description = "VexRiscv RTL, files or .f lists separated by ':' (as TANDEM_VEXRISCV_RTL): "
                    + "also run every scenario in lockstep against it.")
    private String rtl;

    @Option(names = "--top", paramLabel = "MODULE", description = "RTL top module (as TANDEM_VEXRISCV_TOP).")
    private String top;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "tandem-out/spec",
            description = "Where the reports go (default ${DEFAULT-VALUE}).")
    private Path reportDir;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        List<String> chosen = new ArrayList<>(paths);
        if (chosen.isEmpty()) {
            if (!Files.isDirectory(DEFAULT_FEATURES)) {
                throw new TandemException("no feature files given, and " + DEFAULT_FEATURES + " is not here");
            }
            chosen.add(DEFAULT_FEATURES.toString());
        }
        if (rtl != null) {
            for (String f : rtl.split(":")) {
                if (!Files.exists(Path.of(f))) {
                    throw new TandemException(f + ": no such RTL file");
                }
            }
            System.setProperty("tandem.vexriscv.rtl", rtl);
        }
        if (top != null) {
            System.setProperty("tandem.vexriscv.top", top);
        }
        SpecRun.Result r;
        PrintStream stdout = System.out;
        try (ProgressDisplay bar = output.progress("spec", -1, " scenarios", 1)) {
            if (!output.human()) {
                // Cucumber's own summary goes to System.out, which a script reads as our JSON
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            }
            r = SpecRun.run(chosen, tags, reportDir);
        } finally {
            System.setOut(stdout);
        }
        Summary summary = new Summary("spec").figure("reportDir", r.reportDir().toString());
        Map<Status, Long> counts = scenarioCounts(r.reportDir().resolve("cucumber.json"));
        counts.forEach((status, n) -> summary.figure(status.name().toLowerCase(Locale.ROOT), n));
        r.problems().forEach(summary::problem);
        summary.line("tandem spec: %s; %d scenarios passed, %d failed; reports in %s",
                r.exitCode() == 0 ? "all scenarios passed" : r.problems().size() + " problem(s)",
                counts.getOrDefault(Status.PASS, 0L), counts.getOrDefault(Status.FAIL, 0L)
                        + counts.getOrDefault(Status.ERROR, 0L), r.reportDir());
        return summary.print(output, spec.commandLine(), r.exitCode());
    }

    /** Scenarios per status, read back from the Cucumber JSON the run wrote (empty when there is none). */
    private static Map<Status, Long> scenarioCounts(Path cucumberJson) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status st : List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.SKIPPED)) {
            counts.put(st, 0L);
        }
        if (!Files.isRegularFile(cucumberJson)) {
            return counts;
        }
        ResultCollector collector = new ResultCollector().add(cucumberJson);
        for (RunResult run : collector.runs()) {
            run.cases().forEach(c -> counts.merge(c.status(), 1L, Long::sum));
        }
        return counts;
    }
}
