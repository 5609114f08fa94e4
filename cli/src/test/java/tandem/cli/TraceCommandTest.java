package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.retire.RetireBuffer;
import tandem.trace.TextTraceWriter;
import tandem.trace.TraceWriter;

class TraceCommandTest {

    @TempDir
    Path dir;

    private Path binaryTrace() throws IOException {
        Path file = dir.resolve("run.trace");
        RetireBuffer b = new RetireBuffer(4);
        try (TraceWriter w = TraceWriter.open(file, true)) {
            b.begin(0, 0, RetireBuffer.KIND_RETIRE, 0x80000000, 0x00000297, 3);
            b.rd(0, 5, 0x80000000);
            b.end(0, 0x80000004, 3);
            b.begin(1, 1, RetireBuffer.KIND_RETIRE, 0x80000004, 0x4501, 3);
            b.rd(1, 10, 0);
            b.end(1, 0x80000006, 3);
            b.begin(2, 2, RetireBuffer.KIND_TRAP, 0x80000006, 0x00000073, 3);
            b.trap(2, RetireBuffer.KIND_TRAP, 11, 0);
            b.csr(2, 0x341, 0x80000006);
            b.end(2, 0x80000100, 3);
            w.retired(b, 0, 3);
        }
        return file;
    }

    @Test
    void printsABinaryTraceAsText() throws IOException {
        Path file = binaryTrace();
        CliRun run = CliRun.tandem("trace", file.toString(), "--skip", "1");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(TextTraceWriter.HEADER, lines.get(0));
        assertEquals("core   0: 3 0x80000004 (0x4501) li a0,0" + " ".repeat(24) + " x10 0x00000000", lines.get(1));
        assertTrue(lines.get(2).endsWith(" trap 0x0000000b tval 0x00000000 c833_mepc 0x80000006 -> 3 0x80000100"), lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void writesAFileThatReadsBackTheSame() throws IOException {
        Path file = binaryTrace();
        Path text = dir.resolve("run.txt");
        CliRun trace = CliRun.tandem("trace", file.toString(), "--out", text.toString());
        assertEquals(0, trace.exitCode(), trace.err());
        assertEquals("trace: 3 records written to " + text + "\n", trace.out());
        CliRun diff = CliRun.tandem("diff", file.toString(), text.toString());
        assertEquals(0, diff.exitCode(), diff.out());
    }

    @Test
    void drawsATraceAsAWaveform() throws IOException {
        Path file = binaryTrace();
        Path vcd = dir.resolve("run.vcd");
        CliRun run = CliRun.tandem("trace", file.toString(), "--vcd", vcd.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("trace: 3 records drawn in " + vcd + "\n", run.out());
        String text = Files.readString(vcd);
        assertTrue(text.contains("$var wire 32 ( pc [31:0] $end"), text);
        assertTrue(text.contains("#20\n"), "the trap record's slot starts at 20 ns: " + text);
    }

    @Test
    void truncatedTraceExitsTwo() throws IOException {
        Path file = dir.resolve("raw.trace");
        RetireBuffer b = new RetireBuffer(4);
        try (TraceWriter w = TraceWriter.open(file, false)) {
            b.begin(0, 0, RetireBuffer.KIND_RETIRE, 0x80000000, 0x00000297, 3);
            b.end(0, 0x80000004, 3);
            w.retired(b, 0, 1);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 9));
        CliRun run = CliRun.tandem("trace", file.toString());
        assertEquals(2, run.exitCode());
        assertEquals("tandem: " + file + ": truncated trace: ends after record 1 at offset 17 without an end record\n",
                run.err());
        assertTrue(run.out().contains("auipc t0,0x0"), "records before the cut are printed: " + run.out());
    }
}
