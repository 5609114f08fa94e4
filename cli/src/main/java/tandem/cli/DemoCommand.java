package tandem.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.dut.DutLibrary;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.BenchProgram;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;
import tandem.report.ConformanceReport;
import tandem.report.ResultJson;
import tandem.report.coverage.IsaCoverageUniverse;
import tandem.report.model.CaseResult;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.report.read.ResultCollector;
import tandem.report.write.ReportDirectory;

/**
 * {@code tandem demo}: the whole pipeline on built-in defaults, ending with the conformance
 * report. Each stage runs the same code as its own command and leaves a
 * {@code tandem-result.json} (or Cucumber JSON) under the output directory, so the report at
 * the end is exactly what {@code tandem report} would make of them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on the built-in defaults and end with the conformance",
            "report: the Xous-ABI test kernel booted on the golden model on both platforms,",
            "a lockstep run against SpinalHDL's RiscvCore (and a deliberately broken one",
            "that shows a divergence report), the BIO example programs with their",
            "waveforms, generated vectors (on the golden model, then RV32IM ones in",
            "lockstep on RiscvCore, once with a flipped register write whose divergence is",
            "shrunk to a minimal program), the behaviour specs, and the report.",
            "One stage line per step; --json and --quiet for scripts."})
public final class DemoCommand implements Callable<Integer> {

    /** Retire whose register write the broken lockstep run corrupts. */
    private static final long FLIP_RETIRE = 2_000;
    private static final Path BIO_EXAMPLES = Path.of("golden-model", "src", "test", "resources", "tandem", "golden", "bio");

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "tandem-out/demo", paramLabel = "DIR",
            description = "Where every output goes (${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--skip-specs", description = "Leave out the behaviour specs (the longest stage).")
    private boolean skipSpecs;

    @Mixin
    private OutputOptions output;

    private PrintWriter con;
    private final List<String> outputs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        con = output.human() ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter());
        Files.createDirectories(out);
        stage("boot: the Xous-ABI test kernel on the golden model", this::boots);
        stage("lockstep: golden model vs SpinalHDL RiscvCore (Verilated)", this::lockstep);
        stage("bio: the BIO example programs with waveforms", this::bio);
        stage("vectors: a generated random-program vector set, replayed", this::vectors);
        if (!skipSpecs) {
            stage("specs: Gherkin behaviour specs of IPC and memory protection", this::specs);
        }
        int reportCode = report();
        con.flush();
        Summary summary = new Summary("demo").figure("out", out.toString()).figure("outputs", outputs)
                .figure("reportPassed", reportCode == Tandem.PASS);
        summary.line("");
        summary.line("demo: outputs");
        outputs.forEach(o -> summary.line("  " + o));
        if (!problems.isEmpty()) {
            summary.line("demo: problems");
        }
        problems.forEach(p -> summary.problem("  " + p));
        return summary.print(output, spec.commandLine(),
                problems.isEmpty() && reportCode == Tandem.PASS ? Tandem.PASS : Tandem.FAIL);
    }

    /** One step of the demo; a failure is recorded and the demo goes on. */
    @FunctionalInterface
    private interface Stage {
        void run() throws Exception;
    }

    private void stage(String title, Stage stage) {
        con.println();
        con.println("== " + title);
        con.flush();
        try {
            stage.run();
        } catch (Exception e) {
            problems.add(title + ": " + e.getMessage());
            con.println("demo: stage failed: " + e.getMessage());
        }
    }

    /** Runs a subcommand as a user would, capturing what it prints; returns its exit code and text. */
    private record Invocation(int code, String text) {
    }

    private Invocation tandem(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cl = Tandem.commandLine();
        PrintWriter both = new PrintWriter(text, true);
        cl.setOut(both);
        cl.setErr(both);
        int code = cl.execute(args);
        con.print(indent(text.toString()));
        con.flush();
        return new Invocation(code, text.toString());
    }

    /** Runs a subcommand without echoing what it prints (its JSON summary is read instead). */
    private Invocation quietly(String... args) {
        StringWriter text = new StringWriter();
        CommandLine cl = Tandem.commandLine();
        PrintWriter w = new PrintWriter(text, true);
        cl.setOut(w);
        cl.setErr(w);
        return new Invocation(cl.execute(args), text.toString());
    }

    /** The stop line and milestones of a {@code tandem boot --json} run. */
    private static String bootSummary(Invocation r) {
        JsonNode j = json(r);
        return j.has("stopDetail") ? j.path("stopDetail").asText() + "; " + j.path("instructions").asLong()
                + " instructions; checks " + j.path("checksPassed").asLong() + " passed, "
                + j.path("checksFailed").asLong() + " failed" : r.text().strip();
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            if (!line.isBlank()) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static String lastLine(String text, String prefix) {
        String found = "";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                found = line;
            }
        }
        return found;
    }

    private void write(RunResult result, Path dir) {
        Path file = dir.resolve(RunResult.FILE_NAME);
        ResultJson.write(result.withStartedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), file);
    }

    // ---- stages ------------------------------------------------------------------------------

    private void boots() {
        List<CaseResult> cases = new ArrayList<>();
        for (String platform : List.of("precursor", "baochip-1x")) {
            Path dir = out.resolve("boot").resolve(platform);
            long t0 = System.nanoTime();
            Invocation r = quietly("boot", "--platform", platform, "--console-dir", dir.toString(), "--json");
            String summary = bootSummary(r);
            con.println("  boot " + platform + ": " + summary);
            cases.add(CaseResult.of("boot " + platform, r.code() == 0 ? Status.PASS : Status.FAIL,
                    (System.nanoTime() - t0) / 1e6, summary).withDetail(r.text()));
            outputs.add("boot " + platform + ": console logs in " + dir);
            if (r.code() != 0) {
                problems.add("boot " + platform + " failed: " + summary);
            }
        }
        Path dir = out.resolve("boot");
        write(RunResult.of(RunKind.BOOT, "xabi test kernel boot", "tandem 0.1.0",
                Map.of("kernel", "xabi test kernel (built-in scenario)"), cases), dir);
    }

    private void lockstep() {
        PrintStream log = System.err;
        RtlOptions rtl = new RtlOptions();
        DutLibrary library = rtl.library(false, log);
        Platform platform = Platform.named("virt");
        long ramBase = platform.regions().get(0).base();
        List<CaseResult> cases = new ArrayList<>();
        List<tandem.report.model.DivergenceRecord> divergences = new ArrayList<>();

        Path goodDir = out.resolve("lockstep").resolve("clean");
        LockstepSession session = new LockstepSession(library, rtl.tracedLibrary(log),
                "demo: SpinalHDL RiscvCore vs golden rv32im on virt; load/store/ALU/MUL loop");
        LockstepResult good = session.run(Machine.create(platform, Profile.RV32IM), new BenchProgram(ramBase, 20_000),
                LockstepOptions.defaults(goodDir), null);
        con.printf("  lockstep (clean): %s: %s; %,d retires matched, %.2f M cycles/s%n",
                good.outcome().name().toLowerCase(Locale.ROOT), good.detail(), good.retires(), good.cyclesPerSecond() / 1e6);
        cases.add(CaseResult.of("riscvcore clean run", good.outcome() == LockstepResult.Outcome.PASS ? Status.PASS : Status.FAIL,
                good.seconds() * 1000, good.detail()));
        if (good.outcome() != LockstepResult.Outcome.PASS) {
            problems.add("clean lockstep run: " + good.detail());
        }

        Path badDir = out.resolve("lockstep").resolve("broken");
        LockstepResult bad = session.run(Machine.create(platform, Profile.RV32IM), new BenchProgram(ramBase, 20_000),
                LockstepOptions.defaults(badDir).withFlip(FLIP_RETIRE, 3), null);
        con.printf("  lockstep (broken on purpose: bit 3 of retire %d's register write flipped): %s: %s%n",
                FLIP_RETIRE, bad.outcome().name().toLowerCase(Locale.ROOT), bad.detail());
        boolean caught = bad.outcome() == LockstepResult.Outcome.DIVERGED && bad.divergence() != null
                && bad.divergence().retireIndex() == FLIP_RETIRE;
        cases.add(CaseResult.of("riscvcore with an injected fault", caught ? Status.WAIVED : Status.FAIL,
                bad.seconds() * 1000, caught ? "divergence expected and caught at retire " + FLIP_RETIRE + ": "
                        + bad.divergence().summary() : "injected fault not caught where expected: " + bad.detail()));
        if (!caught) {
            problems.add("the injected fault was not reported at retire " + FLIP_RETIRE);
        }
        if (bad.divergence() != null) {
            divergences.add(DivergenceRecords.of("riscvcore with an injected fault", bad.divergence()));
        }
        outputs.add("lockstep clean run: " + goodDir);
        if (bad.report() != null) {
            outputs.add("divergence report (deliberate): " + bad.report()
                    + (bad.divergence() != null && bad.divergence().vcd() != null ? ", VCD " + bad.divergence().vcd() : ""));
        }
        write(RunResult.of(RunKind.LOCKSTEP, "lockstep vs RiscvCore", "tandem 0.1.0",
                Map.of("dut", "SpinalHDL RiscvCore 1.14.2 (RV32IM)", "golden", "rv32im on virt"), cases)
                .withDivergences(divergences), out.resolve("lockstep"));
    }

    /** Single-core examples: file, cycles, extra arguments. */
    private static final List<List<String>> BIO_RUNS = List.of(
            List.of("blink.S", "70000"),
            List.of("quantum-blink.S", "2000", "--qdiv", "0=0x00640000"),
            List.of("uart-tx.S", "4000", "--qdiv", "0=0x00100000"),
            List.of("aclk.S", "200"));

    private void bio() throws java.io.IOException {
        if (!Files.isDirectory(BIO_EXAMPLES)) {
            throw new tandem.golden.TandemException(BIO_EXAMPLES + " not found: run the demo from the repository root");
        }
        Path dir = Files.createDirectories(out.resolve("bio"));
        List<CaseResult> cases = new ArrayList<>();
        for (List<String> run : BIO_RUNS) {
            String name = run.get(0).replace(".S", "");
            List<String> args = new ArrayList<>(List.of("bio", "run", BIO_EXAMPLES.resolve(run.get(0)).toString(),
                    "--cycles", run.get(1), "--vcd", dir.resolve(name + ".vcd").toString(),
                    "--csv", dir.resolve(name + "-pins.csv").toString()));
            args.addAll(run.subList(2, run.size()));
            long t0 = System.nanoTime();
            Invocation r = tandem(args.toArray(String[]::new));
            cases.add(CaseResult.of("bio " + name, r.code() == 0 ? Status.PASS : Status.FAIL,
                    (System.nanoTime() - t0) / 1e6, lastLine(r.text(), "bio")));
            if (r.code() != 0) {
                problems.add("bio " + name + " failed");
            }
        }
        outputs.add("BIO waveforms and pin CSVs: " + dir);
        write(RunResult.of(RunKind.BIO, "BIO example programs", "tandem 0.1.0", Map.of(), cases), dir);
    }

    private void vectors() throws java.io.IOException {
        Path set = out.resolve("vectors").resolve("set");
        Invocation gen = tandem("vectors", "generate", "--seed", "7", "--count", "4", "--out", set.toString());
        if (gen.code() != 0) {
            problems.add("vector generation failed");
            return;
        }
        Invocation run = tandem("vectors", "run", set.resolve("vectors.csv").toString(),
                "--out", out.resolve("vectors").toString(), "--quiet");
        if (run.code() != 0) {
            problems.add("generated vectors did not replay cleanly");
        }
        outputs.add("vectors: " + set + " (programs, expected traces), results in " + out.resolve("vectors"));
        vectorsInLockstep();
    }

    /** Flips tried, from this retire on, until one hits a register write of the generated RV32IM program. */
    private static final int FIRST_FLIP = 50;

    /**
     * RV32IM programs replayed in lockstep on RiscvCore, then again with a flipped register write:
     * the divergence is shrunk to a minimal program. Both runs' own result files are replaced by one
     * suite in which the deliberate divergence is waived, as in the lockstep stage.
     */
    private void vectorsInLockstep() throws java.io.IOException {
        Path dir = out.resolve("vectors-lockstep");
        Path set = dir.resolve("set");
        // seed 1: its programs never divide a negative number by zero, which RiscvCore gets wrong (gives 1, not -1)
        Invocation gen = tandem("vectors", "generate", "--profile", "rv32im", "--seed", "1", "--count", "2",
                "--units", "30", "--out", set.toString());
        if (gen.code() != 0) {
            problems.add("RV32IM vector generation failed");
            return;
        }
        String csv = set.resolve("vectors.csv").toString();
        List<CaseResult> cases = new ArrayList<>();
        Invocation clean = quietly("vectors", "run", csv, "--rtl", "riscvcore", "--out", dir.resolve("clean").toString(),
                "--json");
        JsonNode c = json(clean);
        con.printf("  vectors in lockstep on RiscvCore: %d passed, %d failed, %d not applicable%n",
                c.path("passed").asInt(), c.path("failed").asInt(), c.path("notApplicable").asInt());
        cases.add(CaseResult.of("RV32IM vectors in lockstep", clean.code() == 0 ? Status.PASS : Status.FAIL, 0,
                c.path("passed").asInt() + " passed in lockstep"));
        if (clean.code() != 0) {
            problems.add("RV32IM vectors did not replay cleanly in lockstep");
        }
        JsonNode shrunk = null;
        for (int at = FIRST_FLIP; at < FIRST_FLIP + 20 && shrunk == null; at++) {
            Invocation broken = quietly("vectors", "run", csv, "--rtl", "riscvcore", "--inject-flip", at + ":3",
                    "--out", dir.resolve("broken").toString(), "--json");
            JsonNode b = json(broken);
            if (b.path("shrunk").size() > 0) {
                shrunk = b.path("shrunk").get(0);
                con.printf("  vectors with a flipped register write (retire %d, bit 3): %s diverged, shrunk from %d to %d"
                        + " body instructions in %d lockstep runs%n    minimal program %s%n", at,
                        shrunk.path("vector").asText(), shrunk.path("from").asInt(), shrunk.path("to").asInt(),
                        shrunk.path("runs").asInt(), shrunk.path("source").asText());
                outputs.add("shrunk diverging program (deliberate): " + shrunk.path("source").asText());
            }
        }
        cases.add(CaseResult.of("RV32IM vectors with an injected fault, shrunk", shrunk != null ? Status.WAIVED
                : Status.FAIL, 0, shrunk != null ? "divergence expected, caught and shrunk to " + shrunk.path("to").asInt()
                        + " instructions: " + shrunk.path("source").asText() : "no injected fault diverged"));
        if (shrunk == null) {
            problems.add("no injected fault diverged in the generated RV32IM vectors");
        }
        for (String run : List.of("clean", "broken")) {
            Files.deleteIfExists(dir.resolve(run).resolve("vectors." + RunResult.FILE_NAME));
        }
        write(RunResult.of(RunKind.VECTORS, "RV32IM vectors in lockstep with RiscvCore", "tandem 0.1.0",
                Map.of("dut", "SpinalHDL RiscvCore 1.14.2 (RV32IM)", "set", csv), cases), dir);
        outputs.add("vectors in lockstep: " + dir);
    }

    /** The JSON summary a subcommand printed as its last line (empty when there is none). */
    private static JsonNode json(Invocation r) {
        try {
            return new ObjectMapper().readTree(lastLine(r.text(), "{"));
        } catch (JsonProcessingException e) {
            return new ObjectMapper().createObjectNode();
        }
    }

    private void specs() {
        Path dir = out.resolve("spec");
        Invocation r = tandem("spec", "--report-dir", dir.toString());
        if (r.code() != 0) {
            problems.add("behaviour specs: " + lastLine(r.text(), "tandem spec"));
        }
        outputs.add("behaviour specs: Cucumber HTML/JSON in " + dir);
    }

    private int report() {
        con.println();
        con.println("== report: conformance report over every stage");
        ResultCollector collector = new ResultCollector();
        collector.add(out);
        ConformanceReport report = new ConformanceReport("Tandem demo: conformance report",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "tandem 0.1.0", collector.runs(),
                collector.problems().stream().map(Object::toString).toList(), IsaCoverageUniverse.of(Profile.VEXRISCV));
        Path dir = out.resolve("report");
        List<Path> files = ReportDirectory.write(report, dir);
        con.printf("  report: %s — %d cases in %d suites: %d passed, %d failed, %d waived%n",
                report.verdict().word().toUpperCase(Locale.ROOT), report.total(), report.runs().size(),
                report.count(Status.PASS), report.count(Status.FAIL) + report.count(Status.ERROR), report.count(Status.WAIVED));
        files.forEach(f -> outputs.add("report: " + f));
        collector.problems().forEach(p -> problems.add("report input: " + p));
        return report.verdict() == Status.PASS ? Tandem.PASS : Tandem.FAIL;
    }
}
