package tandem.vectors.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.asm.GnuToolchain;

class VectorSetGeneratorTest {

    @TempDir
    Path dir;

    private final VectorSetGenerator sets = new VectorSetGenerator(GeneratorConfig.DEFAULT, VectorFormat.DEFAULT);

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        sets.write(42, 3, dir.resolve("a"));
        sets.write(42, 3, dir.resolve("b"));
        sets.write(43, 3, dir.resolve("c"));
        List<String> names = list(dir.resolve("a"));
        assertEquals(List.of("gen-42-0000.S", "gen-42-0000.bin", "gen-42-0001.S", "gen-42-0001.bin",
                "gen-42-0002.S", "gen-42-0002.bin", "vectors.csv"), names);
        assertEquals(names, list(dir.resolve("b")));
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(n)),
                    Files.readAllBytes(dir.resolve("b").resolve(n)), n);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/gen-42-0000.bin")),
                Files.readAllBytes(dir.resolve("c/gen-43-0000.bin"))), "another seed, another program");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a/gen-42-0000.bin")),
                Files.readAllBytes(dir.resolve("a/gen-42-0001.bin"))), "programs of a set differ");
    }

    @Test
    void generatedSetIsAVectorFileWithTrapsAndTheGoldenSummary() {
        Path csv = sets.write(7, 2, dir);
        try (VectorReader r = VectorReader.open(csv, VectorFormat.DEFAULT)) {
            List<Vector> all = r.readAll();
            assertEquals(List.of(), r.errors());
            assertEquals(2, all.size());
            for (Vector v : all) {
                assertTrue(v.setup().steps() > 100, v.name() + " retires " + v.setup().steps());
                assertEquals(31, v.expected().regs().size());
                String trace = v.expected().trace();
                long traps = Long.parseLong(trace.replaceAll(".*traps=(\\d+).*", "$1"));
                assertTrue(traps >= 3, v.name() + ": " + trace);
            }
        }
    }

    @Test
    void gnuAsBuildsTheSameBinaryFromTheSource() throws Exception {
        GeneratedProgram p = new ProgramGenerator(GeneratorConfig.DEFAULT).generate(5, 0);
        byte[] ours = p.assemble(VectorFormat.DEFAULT.csrNames()).image();
        byte[] gnu = GnuToolchain.assemble(p.source(), "rv32imac_zicsr_zifencei", GeneratedProgram.BASE, dir);
        assertEquals(HexFormat.of().formatHex(gnu), HexFormat.of().formatHex(ours));
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void configurationsLeaveOutWhatTheCpuOrTheHarnessLacks() {
        GeneratorConfig noFaults = new GeneratorConfig(200, true, true, true, true, true, true, false);
        for (int i = 0; i < 5; i++) {
            String full = new ProgramGenerator(GeneratorConfig.DEFAULT.withUnits(200)).generate(1, i).source();
            String safe = new ProgramGenerator(noFaults).generate(1, i).source();
            String rv32im = new ProgramGenerator(GeneratorConfig.RV32IM.withUnits(200)).generate(1, i).source();
            assertTrue(i > 0 || full.contains("unmapped: access fault"), "the default set has access faults");
            assertFalse(safe.contains("unmapped: access fault"), safe);
            for (String absent : List.of("csr", "mret", "ecall", "amo", "lr.w", ".option rvc", "trap_handler")) {
                assertFalse(rv32im.contains(absent), absent + " in an RV32IM program:\n" + rv32im);
            }
        }
    }

    @Test
    void aWrittenProgramReadsBackIntoTheSameUnits() throws IOException {
        GeneratedProgram p = new ProgramGenerator(GeneratorConfig.DEFAULT.withUnits(20)).generate(8, 1);
        GeneratedProgram back = GeneratedProgram.parse(p.name(), p.source());
        assertEquals(p, back);
        assertEquals(8, back.seed());
    }
}
