package tandem.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.features.SpecRun;
import tandem.golden.TandemException;

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
        SpecRun.Result r = SpecRun.run(chosen, tags, reportDir);
        spec.commandLine().getOut().printf("tandem spec: %s; reports in %s%n",
                r.exitCode() == 0 ? "all scenarios passed" : r.problems().size() + " problem(s)", r.reportDir());
        return r.exitCode();
    }
}
