package tandem.cli.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.cli.CliRun;

class BioRunCommandTest {

    @TempDir
    Path dir;

    @Test
    void runWritesPinChangesAndAWaveform() throws IOException {
        Path prog = dir.resolve("pulse.S");
        Files.writeString(prog, String.join("\n",
                "#include \"bio.h\"",
                ".text",
                "  li a0, 4",
                "  mv dirout, a0",
                "  mv pinset, a0",
                "  li a1, 0",
                "  mv pinclr, a1",
                "  ebreak", ""));
        CliRun run = CliRun.tandem("bio", "run", prog.toString(), "--cycles", "200");
        assertEquals(0, run.exitCode(), run.err());
        List<String> csv = Files.readAllLines(dir.resolve("pulse-pins.csv"));
        assertEquals(List.of("cycle,pins,directions",
                "0,0x00000000,0x00000000",
                "12,0x00000000,0x00000004",
                "16,0x00000004,0x00000004",
                "23,0x00000000,0x00000004"), csv);
        String vcd = Files.readString(dir.resolve("pulse.vcd"));
        assertTrue(vcd.contains("$var wire 32 ! gpio_out [31:0] $end"), vcd);
        assertTrue(vcd.contains("reg_pc"));
        assertTrue(run.out().contains("core 0: pc"), run.out());
        assertTrue(run.out().contains("trapped"), run.out());
    }

    @Test
    void assemblyErrorIsOneLineWithFileAndLine() throws IOException {
        Path prog = dir.resolve("broken.S");
        Files.writeString(prog, ".text\n  nop\n  addi a0\n");
        CliRun run = CliRun.tandem("bio", "run", prog.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("tandem: "), run.err());
        assertTrue(run.err().contains("broken.S:3"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void badQdivValueIsAUsageError() throws IOException {
        Path prog = dir.resolve("nop.S");
        Files.writeString(prog, ".text\n  nop\n");
        CliRun run = CliRun.tandem("bio", "run", prog.toString(), "--qdiv", "0=zz");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--qdiv 0"), run.err());
    }
}
