package tandem.cli.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tandem.cli.Tandem;

class BioRunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tandem(String... args) {
        CommandLine cl = Tandem.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

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
        assertEquals(0, tandem("bio", "run", prog.toString(), "--cycles", "200"), err.toString());
        List<String> csv = Files.readAllLines(dir.resolve("pulse-pins.csv"));
        assertEquals(List.of("cycle,pins,directions",
                "0,0x00000000,0x00000000",
                "12,0x00000000,0x00000004",
                "16,0x00000004,0x00000004",
                "23,0x00000000,0x00000004"), csv);
        String vcd = Files.readString(dir.resolve("pulse.vcd"));
        assertTrue(vcd.contains("$var wire 32 ! gpio_out [31:0] $end"), vcd);
        assertTrue(vcd.contains("reg_pc"));
        assertTrue(out.toString().contains("core 0: pc"), out.toString());
        assertTrue(out.toString().contains("trapped"), out.toString());
    }

    @Test
    void assemblyErrorIsOneLineWithFileAndLine() throws IOException {
        Path prog = dir.resolve("broken.S");
        Files.writeString(prog, ".text\n  nop\n  addi a0\n");
        assertEquals(2, tandem("bio", "run", prog.toString()));
        assertTrue(err.toString().startsWith("tandem: "), err.toString());
        assertTrue(err.toString().contains("broken.S:3"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void badQdivValueIsAUsageError() throws IOException {
        Path prog = dir.resolve("nop.S");
        Files.writeString(prog, ".text\n  nop\n");
        assertEquals(2, tandem("bio", "run", prog.toString(), "--qdiv", "0=zz"));
        assertTrue(err.toString().contains("--qdiv 0"), err.toString());
    }
}
