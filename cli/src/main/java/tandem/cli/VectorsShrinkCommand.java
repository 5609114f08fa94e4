package tandem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.gen.GeneratedProgram;
import tandem.vectors.lockstep.DivergenceShrinker;
import tandem.vectors.lockstep.LockstepVectorRunner;

/** {@code tandem vectors shrink}: a generated program that diverges in lockstep, shrunk to a minimal one. */
@Command(name = "shrink", mixinStandardHelpOptions = true,
        description = {"Shrink a generated program that diverges in lockstep to a smallest program",
            "that still diverges (delta debugging over its units, then its lines; each",
            "candidate runs in lockstep). TARGET is a generated program (gen-S-NNNN.S)",
            "or a row of a generated set (vectors.csv:LINE). Writes <out>/<name>-min.S,",
            ".bin, a one-row <name>-min.csv and the minimal run's divergence report.",
            "Without --rtl the CPU is SpinalHDL's RiscvCore (generate its programs with",
            "--profile rv32im).",
            "Exit status: 0 the program does not diverge, 1 shrunk (a divergence),",
            "2 bad input."})
public final class VectorsShrinkCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "PROGRAM.S or FILE.csv:LINE.")
    private String target;

    @Option(names = "--out", defaultValue = "tandem-out/shrink", paramLabel = "DIR", description = "Output directory (${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private RtlOptions rtl;

    @Mixin
    private VectorLockstepOptions lockstep;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        String what = target;
        if (what == null) {
            List<Path> trailing = rtl.takeTrailing(".S");
            if (trailing.isEmpty()) {
                throw new TandemException("no program given: tandem vectors shrink PROGRAM.S|FILE.csv:LINE [--rtl ...]");
            }
            what = trailing.get(0).toString();
        }
        GeneratedProgram program = program(what);
        LockstepVectorRunner runner = lockstep.runner(rtl, Profile.VEXRISCV, out, output.log());
        DivergenceShrinker shrinker = new DivergenceShrinker(runner, VectorFormat.DEFAULT);
        Summary summary = new Summary("vectors shrink").figure("program", what).figure("dut", rtl.describe());
        if (!shrinker.diverges(program, out.resolve(program.name() + "-check"))) {
            summary.line("shrink: %s does not diverge in lockstep on %s; nothing to shrink", program.name(), rtl.describe());
            return summary.figure("diverges", false).print(output, spec.commandLine(), Tandem.PASS);
        }
        DivergenceShrinker.Result r;
        try (ProgressDisplay bar = output.progress("shrink", -1, " lockstep runs", 1)) {
            r = shrinker.onCandidate(bar::stepTo).shrink(program, out);
        }
        String detail = r.outcome().lockstep() == null ? r.outcome().vector().message() : r.outcome().lockstep().detail();
        summary.figure("diverges", true).figure("from", r.originalInstructions()).figure("to", r.bodyInstructions())
                .figure("runs", r.tests()).figure("source", r.source().toString())
                .figure("vectors", r.vectors().toString()).figure("divergence", detail)
                .figure("report", r.outcome().lockstep() == null || r.outcome().lockstep().report() == null ? null
                        : r.outcome().lockstep().report().toString());
        summary.problem(String.format("shrink: %s diverges; shrunk from %d to %d body instructions in %d lockstep runs",
                program.name(), r.originalInstructions(), r.bodyInstructions(), r.tests()));
        summary.line("shrink: minimal program %s (vector row %s)", r.source(), r.vectors());
        summary.line("shrink: %s", detail);
        if (r.outcome().lockstep() != null && r.outcome().lockstep().report() != null) {
            summary.line("shrink: report %s", r.outcome().lockstep().report());
        }
        summary.line("");
        summary.line("%s", r.minimal().body().stream().flatMap(List::stream).reduce((a, b) -> a + "\n" + b).orElse(""));
        return summary.print(output, spec.commandLine(), Tandem.FAIL);
    }

    /** The generated program {@code what} names: a {@code .S} file, or a vector row whose {@code <name>.S} is beside its file. */
    private static GeneratedProgram program(String what) {
        Path source;
        String name;
        int colon = what.lastIndexOf(':');
        if (colon > 0 && what.substring(0, colon).endsWith(".csv")) {
            Path csv = Path.of(what.substring(0, colon));
            long line;
            try {
                line = Long.parseLong(what.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new TandemException(what + ": expected FILE.csv:LINE");
            }
            Vector found = null;
            try (VectorReader reader = VectorReader.open(csv, VectorFormat.DEFAULT)) {
                for (Vector v : reader) {
                    if (v.line() == line) {
                        found = v;
                    }
                }
            }
            if (found == null) {
                throw new TandemException(csv + ":" + line + ": no readable vector on this line");
            }
            name = found.name();
            source = csv.toAbsolutePath().getParent().resolve(name + ".S");
        } else {
            source = Path.of(what);
            name = source.getFileName().toString().replaceFirst("\\.S$", "");
        }
        try {
            return GeneratedProgram.parse(name, Files.readString(source));
        } catch (IOException e) {
            throw new TandemException(source + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new TandemException(source + ": " + e.getMessage() + " (written by 'tandem vectors generate')");
        }
    }
}
