package tandem.vectors.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.run.VectorRunner;

class ShrinkerTest {

    @TempDir
    Path dir;

    private final ProgramGenerator gen = new ProgramGenerator(GeneratorConfig.DEFAULT.withUnits(80));

    private static boolean has(GeneratedProgram p, String mnemonic) {
        return p.body().stream().flatMap(List::stream).anyMatch(l -> l.strip().startsWith(mnemonic + " "));
    }

    @Test
    void syntheticFailureShrinksToTheTwoLinesThatCauseIt() {
        Predicate<GeneratedProgram> failing = p -> has(p, "mulhu") && has(p, "sltiu");
        GeneratedProgram original = null;
        for (int i = 0; original == null; i++) {
            GeneratedProgram p = gen.generate(11, i);
            if (failing.test(p)) {
                original = p;
            }
        }
        Shrinker s = new Shrinker(failing, VectorFormat.DEFAULT.csrNames());
        GeneratedProgram small = s.shrink(original);
        List<String> lines = small.body().stream().flatMap(List::stream).map(String::strip)
                .filter(l -> !l.startsWith(".option")).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(has(small, "mulhu") && has(small, "sltiu"));
        assertEquals(original.prologue(), small.prologue());
        assertEquals(original.epilogue(), small.epilogue());
        assertTrue(s.tests() < 2000, "tests: " + s.tests());
    }

    @Test
    void goldenFailureShrinksToOneStorePageFault() {
        // "Failure" here: the golden run takes a store page fault. The minimal program keeps one MMU unit
        // whose access is a store to a page that faults on stores.
        Predicate<GeneratedProgram> storeFault = p -> takes(p, 15);
        ProgramGenerator shorter = new ProgramGenerator(GeneratorConfig.DEFAULT.withUnits(30));
        GeneratedProgram original = null;
        for (int i = 0; original == null; i++) {
            GeneratedProgram p = shorter.generate(3, i);
            if (storeFault.test(p)) {
                original = p;
            }
        }
        GeneratedProgram small = new Shrinker(storeFault, VectorFormat.DEFAULT.csrNames()).shrink(original);
        assertEquals(1, small.body().size(), small.source());
        List<String> unit = small.body().get(0);
        assertTrue(unit.stream().anyMatch(l -> l.strip().startsWith("sw ")), unit.toString());
        assertTrue(unit.stream().anyMatch(l -> l.contains("csrw satp, t6")), unit.toString());
        assertTrue(takes(small, 15));
    }

    @Test
    void aPassingProgramIsRefused() {
        GeneratedProgram p = gen.generate(1, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Shrinker(q -> false, VectorFormat.DEFAULT.csrNames()).shrink(p));
    }

    /** Whether the golden run of {@code p} (up to its end loop) takes an exception with {@code cause}. */
    private boolean takes(GeneratedProgram p, int cause) {
        try {
            Path bin = Files.write(dir.resolve("p.bin"), p.assemble(VectorFormat.DEFAULT.csrNames()).image());
            String csv = "name,insn,steps\np,@" + bin.getFileName() + ",4000\n";
            Vector v;
            try (VectorReader r = VectorReader.of("p.csv", csv, dir, VectorFormat.DEFAULT)) {
                v = r.readAll().get(0);
            }
            boolean[] seen = {false};
            RetireListener l = (RetireBuffer b, int from, int count) -> {
                for (int s = from; s < from + count; s++) {
                    seen[0] |= b.kind(s) == RetireBuffer.KIND_TRAP && b.cause(s) == cause;
                }
            };
            new VectorRunner(VectorFormat.DEFAULT.profile()).addRetireListener(l).run(v);
            return seen[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
