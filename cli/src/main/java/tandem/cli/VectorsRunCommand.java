package tandem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.report.ResultJson;
import tandem.report.coverage.CoverageCollector;
import tandem.report.model.CaseResult;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.vectors.Vector;
import tandem.vectors.VectorError;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorKind;
import tandem.vectors.VectorReader;
import tandem.vectors.run.BioVectorRunner;
import tandem.vectors.run.VectorOutcome;
import tandem.vectors.run.VectorRunner;
import tandem.vectors.run.Verdict;

/** {@code tandem vectors run}: replays vector files on the golden model. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Replay CSV vector files on the golden model: instruction vectors on a fresh hart each,",
            "BIO vectors on the BIO block. A bad row is reported as file:line and the rest still run.",
            "Writes <out>/<file>.tandem-result.json per file (with coverage) for 'tandem report'.",
            "Exit status: 0 all passed, 1 a vector failed, 2 a file or row could not be read."})
public final class VectorsRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = "Vector files.")
    private List<Path> files;

    @Option(names = "--out", defaultValue = "tandem-out/vectors", paramLabel = "DIR",
            description = "Where result files go (${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--profile", defaultValue = "vexriscv", description = "CPU profile: vexriscv, rv32im (${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--quiet", description = "Print only problems and the summary line.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter con = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile cpu = Profile.named(profile);
        VectorFormat format = VectorFormat.DEFAULT.builder().setProfile(cpu).get();
        int passed = 0;
        int failed = 0;
        int errors = 0;
        boolean inputError = false;
        for (Path file : files) {
            List<CaseResult> cases = new ArrayList<>();
            CoverageCollector coverage = new CoverageCollector(cpu);
            VectorRunner runner = new VectorRunner(cpu).addRetireListener(coverage).onPrepared(coverage::watching);
            BioVectorRunner bio = new BioVectorRunner();
            try (VectorReader reader = VectorReader.open(file, format)) {
                for (Vector v : reader) {
                    VectorOutcome o = v.kind() == VectorKind.BIO ? bio.run(v) : runner.run(v);
                    cases.add(toCase(o));
                    if (o.verdict() == Verdict.PASS) {
                        passed++;
                        if (!quiet) {
                            con.printf("pass  %s %s%n", o.location(), o.name());
                        }
                    } else {
                        failed += o.verdict() == Verdict.FAIL ? 1 : 0;
                        errors += o.verdict() == Verdict.ERROR ? 1 : 0;
                        con.printf("%-5s %s %s: %s%n", o.verdict().name().toLowerCase(Locale.ROOT), o.location(),
                                o.name(), o.message());
                    }
                }
                for (VectorError e : reader.errors()) {
                    err.println("tandem: " + e);
                    String what = (e.column() == null ? "" : "column " + e.column() + ": ") + e.message();
                    cases.add(CaseResult.of("line " + e.line(), Status.ERROR, 0, what).at(e.source() + ":" + e.line()));
                    errors++;
                    inputError = true;
                }
            } catch (TandemException e) {
                err.println("tandem: " + e.getMessage());
                inputError = true;
                continue;
            }
            cases.sort((a, b) -> Long.compare(line(a), line(b)));
            RunResult result = RunResult.of(RunKind.VECTORS, file.getFileName().toString(), "tandem 0.1.0",
                    Map.of("profile", cpu.name(), "file", file.toString()), cases)
                    .withCoverage(coverage.coverage()).withStartedAt(java.time.Instant.now().toString());
            String stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
            Path json = out.resolve(stem + "." + RunResult.FILE_NAME);
            ResultJson.write(result, json);
            if (!quiet) {
                con.printf("vectors: results %s%n", json);
            }
        }
        con.printf("vectors: %d passed, %d failed, %d errors%n", passed, failed, errors);
        con.flush();
        err.flush();
        return inputError ? Tandem.USAGE : failed + errors > 0 ? Tandem.FAIL : Tandem.PASS;
    }

    private static CaseResult toCase(VectorOutcome o) {
        Status s = switch (o.verdict()) {
            case PASS -> Status.PASS;
            case FAIL -> Status.FAIL;
            case ERROR -> Status.ERROR;
            case SKIPPED -> Status.SKIPPED;
        };
        CaseResult c = CaseResult.of(o.name(), s, o.millis(), o.message()).at(o.location());
        if (o.mismatches().size() > 1) {
            StringBuilder sb = new StringBuilder();
            o.mismatches().forEach(m -> sb.append(m).append('\n'));
            c = c.withDetail(sb.toString().strip());
        }
        if (o.trace() != null && s != Status.PASS) {
            c = c.withDetail((c.detail() == null ? "" : c.detail() + "\n") + "golden trace: " + o.trace());
        }
        return c;
    }

    private static long line(CaseResult c) {
        String loc = c.location();
        try {
            return loc == null ? 0 : Long.parseLong(loc.substring(loc.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
