package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.trace.TextTraceWriter;

class DiffCommandTest {

    @TempDir
    Path dir;

    private static final String OURS = TextTraceWriter.HEADER + "\n"
            + "core   0: 3 0x00001000 (0x00000297) auipc t0,0x0 x5  0x00001000\n"
            + "core   0: 3 0x80000000 (0x00500513) li a0,5 x10 0x00000005\n"
            + "core   0: 3 0x80000004 (0x00a00593) li a1,10 x11 0x0000000a\n"
            + "core   0: 3 0x80000008 (0x00b50633) add a2,a0,a1 x12 0x0000000f\n"
            + "core   0: 3 0x8000000c (0x00000073) ecall trap 0x0000000b tval 0x00000000 c833_mepc 0x8000000c -> 3 0x80000100\n"
            + "core   0: 3 0x80000100 (0x34102573) csrr a0,mepc x10 0x8000000c\n";

    private static final String SPIKE = """
            core   0: 3 0x80000000 (0x00500513) x10 0x00000005
            core   0: 3 0x80000004 (0x00a00593) x11 0x0000000a
            core   0: 3 0x80000008 (0x00b50633) x12 0x00000010
            core   0: 3 0x80000100 (0x34102573) x10 0x8000000c
            """;

    @Test
    void divergenceExitsOneWithAWindow() throws IOException {
        Path a = Files.writeString(dir.resolve("ours.txt"), OURS);
        Path b = Files.writeString(dir.resolve("spike.log"), SPIKE);
        CliRun run = CliRun.tandem("diff", a.toString(), b.toString(), "--start-pc", "0x80000000", "--ignore", "trap");
        assertEquals(1, run.exitCode(), run.toString());
        String text = run.out();
        assertTrue(text.startsWith(a + " and " + b + " diverge at record 2 (after 2 matching records)\n"
                + "  rd: x12(a2) 0x0000000f vs x12(a2) 0x00000010\n"), text);
        assertTrue(text.contains(">        2  3 0x80000008 (0x00b50633) add a2,a0,a1 | x12 0x0000000f"), text);
        assertTrue(text.contains("B " + b + ":3: 3 0x80000008 (0x00b50633) add a2,a0,a1 | x12 0x00000010"), text);
        assertEquals("", run.err());
    }

    @Test
    void writesAResultTheConformanceReportReads() throws IOException {
        Path a = Files.writeString(dir.resolve("ours.txt"), OURS);
        Path b = Files.writeString(dir.resolve("spike.log"), SPIKE);
        Path res = dir.resolve("res");
        CliRun diff = CliRun.tandem("diff", a.toString(), b.toString(), "--start-pc", "0x80000000", "--ignore", "trap",
                "--out", res.toString());
        assertEquals(1, diff.exitCode(), diff.toString());
        Path json = res.resolve("ours-vs-spike.tandem-result.json");
        assertTrue(diff.out().contains("diff: result " + json), diff.out());
        String text = Files.readString(json);
        assertTrue(text.contains("\"kind\" : \"lockstep\""), text);
        assertTrue(text.contains("\"field\" : \"rd\""), text);
        assertTrue(text.contains("\"ref\" : \"x12(a2) 0x0000000f\""), text);
        assertTrue(text.contains("\"dut\" : \"x12(a2) 0x00000010\""), text);
        assertTrue(text.contains("\"disassembly\" : \"add a2,a0,a1\""), text);
        CliRun report = CliRun.tandem("report", res.toString(), "--out", dir.resolve("report").toString());
        assertEquals(1, report.exitCode(), report.toString());
        assertTrue(Files.readString(dir.resolve("report/report.html")).contains("add a2,a0,a1"));
    }

    @Test
    void matchingTracesExitZero() throws IOException {
        Path a = Files.writeString(dir.resolve("ours.txt"), OURS);
        Path b = Files.writeString(dir.resolve("spike.log"), SPIKE.replace("x12 0x00000010", "x12 0x0000000f"));
        CliRun run = CliRun.tandem("diff", a.toString(), b.toString(), "--start-pc", "0x80000000", "--ignore", "trap");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(a + " and " + b + ": 4 records match\n", run.out());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        Path a = Files.writeString(dir.resolve("ours.txt"), OURS);
        Path b = Files.writeString(dir.resolve("spike.log"), SPIKE.replace("(0x00a00593)", "(0x00a0z593)"));
        CliRun badHex = CliRun.tandem("diff", a.toString(), b.toString(), "--start-pc", "0x80000000", "--ignore", "trap");
        assertEquals(2, badHex.exitCode());
        assertEquals("tandem: " + b + ":2: expected a hex number, got '0x00a0z593' (after 1 matching records)\n", badHex.err());

        CliRun badField = CliRun.tandem("diff", a.toString(), b.toString(), "--ignore", "regs");
        assertEquals(2, badField.exitCode());
        assertTrue(badField.err().startsWith("tandem: unknown field 'regs' for --ignore"), badField.err());

        CliRun missing = CliRun.tandem("diff", a.toString(), dir.resolve("missing.log").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("tandem: " + dir.resolve("missing.log") + ": cannot read"), missing.err());
    }
}
