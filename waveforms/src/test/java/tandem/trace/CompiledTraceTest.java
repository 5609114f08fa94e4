package tandem.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.golden.toolchain.CrossToolchain;

/**
 * The golden model's compiled code appends plain retires to a {@link TraceWriter}'s buffer
 * itself: the trace file must be byte for byte the one the interpreter writes, and read back.
 */
class CompiledTraceTest {

    @TempDir
    Path dir;

    @Test
    void compiledRunWritesTheInterpretersTraceByteForByte() throws IOException {
        Path elf = assemble("hot_loop.S");
        Path interpreted = dir.resolve("interpreted.trace");
        Path compiled = dir.resolve("compiled.trace");
        assertEquals(0, run(elf, interpreted, 0));
        assertTrue(run(elf, compiled, 1) > 0, "nothing was compiled");
        assertArrayEquals(Files.readAllBytes(interpreted), Files.readAllBytes(compiled));
        List<TraceRecord> records = TraceFormatsTest.readAll(compiled);
        assertTrue(records.size() > 50_000, "records: " + records.size());
    }

    /** Runs {@code elf} to its end writing {@code trace}; returns the regions compiled. */
    private static long run(Path elf, Path trace, int compileThreshold) throws IOException {
        Machine m = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        m.loadElf(elf);
        m.hart().setCompileThreshold(compileThreshold);
        try (TraceWriter w = TraceWriter.open(trace, false)) {
            m.hart().addRetireListener(w);
            StopReason stop = m.run(10_000_000L);
            assertTrue(stop.passed(), stop.describe());
            m.hart().removeRetireListener(w);
        }
        return m.hart().compiledRegions();
    }

    private Path assemble(String name) throws IOException {
        for (String file : List.of(name, "hot_loop.ld")) {
            try (InputStream in = CompiledTraceTest.class.getResourceAsStream("/tandem/trace/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        Path elf = dir.resolve("hot_loop.elf");
        CrossToolchain.find().run(dir, "gcc", List.of("-march=rv32imac_zicsr", "-mabi=ilp32", "-nostdlib",
                "-nostartfiles", "-Wl,--no-warn-rwx-segments", "-T", dir.resolve("hot_loop.ld").toString(),
                "-o", elf.toString(), dir.resolve(name).toString()));
        return elf;
    }
}
