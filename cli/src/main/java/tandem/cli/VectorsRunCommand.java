package tandem.cli;

import java.io.IOException;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.report.ResultJson;
import tandem.report.coverage.CoverageCollector;
import tandem.report.model.CaseResult;
import tandem.report.model.DivergenceRecord;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.vectors.Vector;
import tandem.vectors.VectorError;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorKind;
import tandem.vectors.VectorReader;
import tandem.vectors.gen.GeneratedProgram;
import tandem.vectors.lockstep.DivergenceShrinker;
import tandem.vectors.lockstep.LockstepOutcome;
import tandem.vectors.lockstep.LockstepVectorRunner;
import tandem.vectors.run.BioVectorRunner;
import tandem.vectors.run.VectorOutcome;
import tandem.vectors.run.VectorRunner;
import tandem.vectors.run.Verdict;

/** {@code tandem vectors run}: replays vector files on the golden model and, with {@code --rtl}, in lockstep. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Replay CSV vector files on the golden model: instruction vectors on a fresh",
            "hart each, BIO vectors on the BIO block. A bad row is reported as file:line",
            "and the rest still run.",
            "With --rtl (files and --top, or 'riscvcore' for the built-in RV32IM core)",
            "each instruction vector also runs in lockstep as a small program (set-up,",
            "the vector, the SiFive finisher); vectors the CPU cannot run (CSRs, C or A",
            "on RiscvCore, access faults anywhere) are 'not applicable to this DUT'.",
            "A generated program that diverges is shrunk to a minimal diverging program",
            "in <out>/<file>-shrunk/ (--no-shrink to skip).",
            "Writes <out>/<file>.tandem-result.json per file for 'tandem report'.",
            "Exit status: 0 all passed, 1 a vector failed or diverged, 2 a file or row",
            "could not be read."})
public final class VectorsRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE.csv", description = "Vector files.")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--out", defaultValue = "tandem-out/vectors", paramLabel = "DIR",
            description = "Where result files go (${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--profile", defaultValue = "vexriscv", description = "CPU profile of the vectors: vexriscv, rv32im (${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--no-shrink", description = "With --rtl: do not shrink generated programs that diverge.")
    private boolean noShrink;

    @Mixin
    private RtlOptions rtl;

    @Mixin
    private VectorLockstepOptions lockstep;

    @Mixin
    private OutputOptions output;

    private Summary summary;
    private int passed;
    private int failed;
    private int errors;
    private int notApplicable;
    private final List<String> inputErrors = new ArrayList<>();

    @Override
    public Integer call() {
        List<Path> inputs = new ArrayList<>(files);
        inputs.addAll(rtl.takeTrailing(".csv"));
        if (inputs.isEmpty()) {
            throw new TandemException("no vector file given: tandem vectors run FILE.csv... [--rtl FILES --top MODULE]");
        }
        Profile cpu = Profile.named(profile);
        VectorFormat format = VectorFormat.DEFAULT.builder().setProfile(cpu).get();
        LockstepVectorRunner inLockstep = rtl.given()
                ? lockstep.runner(rtl, cpu, out.resolve("lockstep"), output.log()) : null;
        summary = new Summary("vectors run").figure("profile", cpu.name())
                .figure("dut", inLockstep == null ? null : rtl.describe());
        List<String> results = new ArrayList<>();
        List<Map<String, Object>> shrunk = new ArrayList<>();
        boolean inputError = false;
        for (Path file : inputs) {
            List<CaseResult> cases = new ArrayList<>();
            List<DivergenceRecord> divergences = new ArrayList<>();
            CoverageCollector coverage = new CoverageCollector(cpu);
            VectorRunner runner = new VectorRunner(cpu).addRetireListener(coverage).onPrepared(coverage::watching);
            BioVectorRunner bio = new BioVectorRunner();
            String stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
            try (VectorReader reader = VectorReader.open(file, format)) {
                List<Vector> vectors = reader.readAll();
                try (ProgressDisplay bar = output.progress(stem, vectors.size(), " vectors", 1)) {
                    for (Vector v : vectors) {
                        LockstepOutcome lo = v.kind() == VectorKind.BIO ? new LockstepOutcome(bio.run(v), null)
                                : inLockstep != null ? inLockstep.run(v) : new LockstepOutcome(runner.run(v), null);
                        if (inLockstep != null && v.kind() == VectorKind.INSTRUCTION) {
                            runner.run(v);   // coverage of the golden run
                        }
                        VectorOutcome o = lo.vector();
                        CaseResult c = toCase(o);
                        if (lo.diverged() && lo.lockstep().divergence() != null) {
                            divergences.add(DivergenceRecords.of(v.name(), lo.lockstep().divergence()));
                            if (!noShrink) {
                                Map<String, Object> s = shrink(v, file, inLockstep, format);
                                if (s != null) {
                                    shrunk.add(s);
                                    c = c.withDetail((c.detail() == null ? "" : c.detail() + "\n") + "shrunk to "
                                            + s.get("source"));
                                }
                            }
                        }
                        cases.add(c);
                        count(o);
                        bar.stepBy(1);
                    }
                }
                for (VectorError e : reader.errors()) {
                    inputError(e.toString());
                    String what = (e.column() == null ? "" : "column " + e.column() + ": ") + e.message();
                    cases.add(CaseResult.of("line " + e.line(), Status.ERROR, 0, what).at(e.source() + ":" + e.line()));
                    errors++;
                    inputError = true;
                }
            } catch (TandemException e) {
                inputError(e.getMessage());
                inputError = true;
                continue;
            }
            cases.sort((a, b) -> Long.compare(line(a), line(b)));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("profile", cpu.name());
            env.put("file", file.toString());
            if (inLockstep != null) {
                env.put("dut", rtl.describe());
                env.put("dut-profile", lockstep.dut(rtl).name());
            }
            RunResult result = RunResult.of(RunKind.VECTORS, file.getFileName().toString(), "tandem 0.1.0", env, cases)
                    .withCoverage(coverage.coverage()).withDivergences(divergences)
                    .withStartedAt(java.time.Instant.now().toString());
            Path json = out.resolve(stem + "." + RunResult.FILE_NAME);
            ResultJson.write(result, json);
            results.add(json.toString());
            summary.line("vectors: results %s", json);
        }
        summary.line("vectors: %d passed, %d failed, %d errors%s", passed, failed, errors,
                inLockstep == null ? "" : ", " + notApplicable + " not applicable to this DUT");
        summary.figure("inputErrors", inputErrors);
        summary.figure("passed", passed).figure("failed", failed).figure("errors", errors)
                .figure("notApplicable", notApplicable).figure("results", results).figure("shrunk", shrunk);
        int code = inputError ? Tandem.USAGE : failed + errors > 0 ? Tandem.FAIL : Tandem.PASS;
        return summary.print(output, spec.commandLine(), code);
    }

    /** A file or row that could not be read: always one line on stderr, and listed in the JSON. */
    private void inputError(String message) {
        spec.commandLine().getErr().println("tandem: " + message);
        inputErrors.add(message);
    }

    private void count(VectorOutcome o) {
        String verdict = o.verdict() == Verdict.NOT_APPLICABLE ? "n/a" : o.verdict().name().toLowerCase(Locale.ROOT);
        switch (o.verdict()) {
            case PASS -> passed++;
            case FAIL -> failed++;
            case ERROR -> errors++;
            case NOT_APPLICABLE, SKIPPED -> notApplicable++;
        }
        if (o.verdict() == Verdict.PASS || o.verdict() == Verdict.NOT_APPLICABLE || o.verdict() == Verdict.SKIPPED) {
            if (output.human()) {
                spec.commandLine().getOut().printf("%-5s %s %s%s%n", verdict, o.location(), o.name(),
                        o.message() == null ? "" : ": " + o.message());
            }
        } else {
            String line = String.format("%-5s %s %s: %s", verdict, o.location(), o.name(), o.message());
            if (output.human()) {
                spec.commandLine().getOut().println(line);
            } else {
                summary.problem(line);
            }
        }
    }

    /**
     * Shrinks the generated program behind {@code v} (its {@code <name>.S} beside the vector file),
     * or returns null when {@code v} is not a generated program.
     */
    private Map<String, Object> shrink(Vector v, Path file, LockstepVectorRunner runner, VectorFormat format) {
        Path dir = file.toAbsolutePath().getParent();
        Path source = dir.resolve(v.name() + ".S");
        if (!Files.isRegularFile(source)) {
            return null;
        }
        GeneratedProgram program;
        try {
            program = GeneratedProgram.parse(v.name(), Files.readString(source));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        Path where = out.resolve(file.getFileName().toString().replaceFirst("\\.csv$", "") + "-shrunk");
        DivergenceShrinker.Result r = new DivergenceShrinker(runner, format).shrink(program, where);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vector", v.location());
        m.put("from", r.originalInstructions());
        m.put("to", r.bodyInstructions());
        m.put("runs", r.tests());
        m.put("source", r.source().toString());
        m.put("vectors", r.vectors().toString());
        m.put("report", r.outcome().lockstep() == null || r.outcome().lockstep().report() == null ? null
                : r.outcome().lockstep().report().toString());
        summary.line("vectors: shrunk %s from %d to %d body instructions in %d lockstep runs: %s", v.name(),
                r.originalInstructions(), r.bodyInstructions(), r.tests(), r.source());
        return m;
    }

    private static CaseResult toCase(VectorOutcome o) {
        Status s = switch (o.verdict()) {
            case PASS -> Status.PASS;
            case FAIL -> Status.FAIL;
            case ERROR -> Status.ERROR;
            case SKIPPED, NOT_APPLICABLE -> Status.SKIPPED;
        };
        CaseResult c = CaseResult.of(o.name(), s, o.millis(), o.message()).at(o.location());
        if (o.mismatches().size() > 1) {
            StringBuilder sb = new StringBuilder();
            o.mismatches().forEach(m -> sb.append(m).append('\n'));
            c = c.withDetail(sb.toString().strip());
        }
        if (o.trace() != null && s != Status.PASS && s != Status.SKIPPED) {
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
