package tandem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.golden.hart.Profile;
import tandem.report.ConformanceReport;
import tandem.report.coverage.IsaCoverageUniverse;
import tandem.report.model.Status;
import tandem.report.read.ResultCollector;
import tandem.report.read.ResultProblem;
import tandem.report.write.ReportDirectory;

/** {@code tandem report}: one conformance report from many runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Gather tandem-result.json files, JUnit XML (e.g. target/surefire-reports) and Cucumber JSON",
            "into report.html (self-contained), report-junit.xml, report.csv and report.json.",
            "Directories are searched for TEST-*.xml, *tandem-result.json and *cucumber*.json.",
            "Exit status: 0 everything passed, 1 a case failed or diverged, 2 an input could not be read",
            "(the report is still written from the rest)."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Result files or directories.")
    private List<Path> runs;

    @Option(names = "--out", defaultValue = "tandem-out/report", paramLabel = "DIR", description = "Output directory (${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--title", defaultValue = "Tandem conformance report", description = "Page title.")
    private String title;

    @Option(names = "--profile", defaultValue = "vexriscv",
            description = "CPU profile whose ISA coverage is measured against (${DEFAULT-VALUE}).")
    private String profile;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        ResultCollector collector = new ResultCollector();
        try (ProgressDisplay bar = output.progress("report", runs.size(), " inputs", 1)) {
            for (Path run : runs) {
                collector.add(run);
                bar.stepBy(1);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        for (ResultProblem p : collector.problems()) {
            err.println("tandem: " + p);
        }
        ConformanceReport report = new ConformanceReport(title, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                "tandem 0.1.0", collector.runs(), collector.problems().stream().map(ResultProblem::toString).toList(),
                IsaCoverageUniverse.of(Profile.named(profile)));
        List<Path> files = ReportDirectory.write(report, out);
        Summary summary = new Summary("report").figure("verdict", report.verdict().word())
                .figure("cases", report.total()).figure("suites", report.runs().size())
                .figure("passed", report.count(Status.PASS)).figure("failed", report.count(Status.FAIL))
                .figure("errors", report.count(Status.ERROR)).figure("skipped", report.count(Status.SKIPPED))
                .figure("waived", report.count(Status.WAIVED))
                .figure("files", files.stream().map(Path::toString).toList())
                .figure("inputProblems", collector.problems().stream().map(ResultProblem::toString).toList());
        summary.line("report: %s — %d cases in %d suites: %d passed, %d failed, %d errors, %d skipped, %d waived",
                report.verdict().word().toUpperCase(Locale.ROOT), report.total(), report.runs().size(),
                report.count(Status.PASS), report.count(Status.FAIL), report.count(Status.ERROR),
                report.count(Status.SKIPPED), report.count(Status.WAIVED));
        files.forEach(f -> summary.line("report: wrote %s", f));
        if (report.verdict() != Status.PASS && collector.problems().isEmpty()) {
            summary.problem("report: " + report.verdict().word().toUpperCase(Locale.ROOT) + " — "
                    + (report.count(Status.FAIL) + report.count(Status.ERROR)) + " cases failed; see " + out);
        }
        int code = !collector.problems().isEmpty() ? Tandem.USAGE
                : report.verdict() == Status.PASS ? Tandem.PASS : Tandem.FAIL;
        return summary.print(output, spec.commandLine(), code);
    }
}
