package tandem.vectors.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.vectors.VectorFormat;
import tandem.vectors.gen.GeneratedProgram;
import tandem.vectors.gen.GeneratorConfig;
import tandem.vectors.gen.ProgramGenerator;
import tandem.vectors.gen.VectorSetGenerator;

class DivergenceShrinkerTest {

    @TempDir
    Path dir;

    @Test
    void aRealLockstepDivergenceShrinksToAFewInstructions() throws Exception {
        GeneratedProgram program = new ProgramGenerator(GeneratorConfig.RV32IM.withUnits(25)).generate(5, 0);
        LockstepVectorRunner clean = RiscvCoreDut.runner(dir.resolve("clean"));
        DivergenceShrinker plain = new DivergenceShrinker(clean, VectorFormat.DEFAULT);
        assertFalse(plain.diverges(program, dir.resolve("c")), "the RV32IM program runs clean on RiscvCore");

        // the fault: a flipped register write a few instructions into the body (the prologue is never shrunk)
        List<String> empty = new VectorSetGenerator(GeneratorConfig.RV32IM, VectorFormat.DEFAULT)
                .row(program.withBody(List.of()), Files.createDirectories(dir.resolve("p")));
        long prologue = Long.parseLong(empty.get(2));
        DivergenceShrinker faulty = null;
        for (long at = prologue + 2; faulty == null; at++) {
            DivergenceShrinker s = new DivergenceShrinker(clean.withOptions(clean.options().withFlip(at, 4)),
                    VectorFormat.DEFAULT);
            if (s.diverges(program, dir.resolve("f" + at))) {
                faulty = s;
            }
            assertTrue(at < prologue + 20, "no register write near the start of the body");
        }
        DivergenceShrinker.Result r = faulty.shrink(program, dir.resolve("shrunk"));
        assertTrue(r.outcome().diverged(), "the minimal program still diverges");
        assertTrue(r.bodyInstructions() <= 4 && r.bodyInstructions() < r.originalInstructions(),
                r.originalInstructions() + " -> " + r.bodyInstructions() + ":\n" + r.minimal().source());
        assertEquals(program.prologue(), r.minimal().prologue());
        assertTrue(Files.readString(r.vectors()).contains(r.minimal().name() + ",@" + r.minimal().name() + ".bin"));
        GeneratedProgram back = GeneratedProgram.parse(r.minimal().name(), Files.readString(r.source()));
        assertEquals(r.minimal().body(), back.body());
        assertTrue(Files.isRegularFile(r.outcome().lockstep().report()), "divergence report beside the program");
    }
}
