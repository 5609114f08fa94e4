package tandem.vectors.lockstep;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tandem.golden.TandemException;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.gen.GeneratedProgram;
import tandem.vectors.gen.GeneratorConfig;
import tandem.vectors.gen.Shrinker;
import tandem.vectors.gen.VectorSetGenerator;

/**
 * Shrinks a generated program that diverges in lockstep to a smallest program that still
 * diverges ({@link Shrinker}'s delta debugging, each candidate run in lockstep), and writes the
 * minimal program beside the report: {@code <name>-min.S}, {@code .bin}, a one-row vector file
 * {@code <name>-min.csv}, and the minimal run's divergence report in {@code <name>-min/}.
 */
public final class DivergenceShrinker {

    /**
     * What shrinking found.
     *
     * @param original the diverging program
     * @param minimal  the smallest diverging variant
     * @param tests    candidates run
     * @param source   the minimal program's {@code .S}
     * @param vectors  its one-row vector file
     * @param outcome  the minimal program's lockstep run
     */
    public record Result(GeneratedProgram original, GeneratedProgram minimal, int tests, Path source, Path vectors,
                         LockstepOutcome outcome) {

        /** Instructions in the minimal body (labels, directives and comments not counted). */
        public int bodyInstructions() {
            return instructions(minimal);
        }

        /** Instructions in the original body. */
        public int originalInstructions() {
            return instructions(original);
        }

        private static int instructions(GeneratedProgram p) {
            return (int) p.body().stream().flatMap(List::stream).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith(".") && !l.endsWith(":")).count();
        }
    }

    private final LockstepVectorRunner runner;
    private final VectorFormat format;
    private IntConsumer progress = n -> { };
    private int candidates;

    /** Shrinks with {@code runner} (its options carry any fault injection), rows in {@code format}. */
    public DivergenceShrinker(LockstepVectorRunner runner, VectorFormat format) {
        this.runner = runner;
        this.format = format;
    }

    /** Tells {@code c} the number of lockstep runs so far after each one (a progress bar). */
    public DivergenceShrinker onCandidate(IntConsumer c) {
        progress = c;
        return this;
    }

    /** Whether {@code p} diverges in lockstep; candidates are written under {@code work}. */
    public boolean diverges(GeneratedProgram p, Path work) {
        progress.accept(++candidates);
        return runOnce(p, work, runner.withoutVcd().withOptions(runner.options().withOutputDir(work.resolve("runs"))))
                .diverged();
    }

    /**
     * Shrinks {@code program}, which must diverge, writing the minimal program into {@code out}.
     *
     * @throws TandemException when {@code program} does not diverge
     */
    public Result shrink(GeneratedProgram program, Path out) {
        Path work = out.resolve(program.name() + "-shrinking");
        if (!diverges(program, work)) {
            throw new TandemException(program.name() + " does not diverge in lockstep: nothing to shrink");
        }
        Shrinker shrinker = new Shrinker(p -> diverges(p, work), format.csrNames());
        GeneratedProgram minimal = shrinker.shrink(program);
        GeneratedProgram named = new GeneratedProgram(program.name() + "-min", minimal.seed(), minimal.prologue(),
                minimal.body(), minimal.epilogue());
        LockstepOutcome outcome = runOnce(named, out, runner.withOptions(runner.options().withOutputDir(out)));
        deleteTree(work);
        return new Result(program, named, shrinker.tests(), out.resolve(named.name() + ".S"),
                out.resolve(named.name() + ".csv"), outcome);
    }

    /** Writes {@code p} and its one-row vector file into {@code dir} and runs it in lockstep. */
    private LockstepOutcome runOnce(GeneratedProgram p, Path dir, LockstepVectorRunner r) {
        try {
            Files.createDirectories(dir);
            List<String> row = new VectorSetGenerator(GeneratorConfig.DEFAULT, format).row(p, dir);
            StringWriter text = new StringWriter();
            text.write("# " + p.name() + ": a program that diverges in lockstep, written by tandem's shrinker\n");
            try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                    .setHeader(VectorSetGenerator.HEADER.toArray(String[]::new)).get())) {
                printer.printRecord(row);
            }
            Path csv = dir.resolve(p.name() + ".csv");
            Files.writeString(csv, text.toString(), StandardCharsets.UTF_8);
            Vector v;
            try (VectorReader reader = VectorReader.open(csv, format)) {
                List<Vector> all = reader.readAll();
                if (all.isEmpty()) {
                    throw new IllegalStateException(csv + ": " + reader.errors());
                }
                v = all.get(0);
            }
            return r.run(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // leftovers of candidate runs are harmless
        }
    }
}
