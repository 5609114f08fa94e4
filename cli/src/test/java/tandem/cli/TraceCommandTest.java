package tandem.cli;

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
import tandem.golden.retire.RetireBuffer;
import tandem.trace.TextTraceWriter;
import tandem.trace.TraceWriter;

class TraceCommandTest {

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
        assertEquals(0, tandem("trace", file.toString(), "--skip", "1"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(TextTraceWriter.HEADER, lines.get(0));
        assertEquals("core   0: 3 0x80000004 (0x4501) li a0,0" + " ".repeat(24) + " x10 0x00000000", lines.get(1));
        assertTrue(lines.get(2).endsWith(" trap 0x0000000b tval 0x00000000 c833_mepc 0x80000006 -> 3 0x80000100"), lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void writesAFileThatReadsBackTheSame() throws IOException {
        Path file = binaryTrace();
        Path text = dir.resolve("run.txt");
        assertEquals(0, tandem("trace", file.toString(), "--out", text.toString()), err.toString());
        assertEquals("trace: 3 records written to " + text + "\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, tandem("diff", file.toString(), text.toString()), out.toString());
    }

    @Test
    void drawsATraceAsAWaveform() throws IOException {
        Path file = binaryTrace();
        Path vcd = dir.resolve("run.vcd");
        assertEquals(0, tandem("trace", file.toString(), "--vcd", vcd.toString()), err.toString());
        assertEquals("trace: 3 records drawn in " + vcd + "\n", out.toString());
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
        assertEquals(2, tandem("trace", file.toString()));
        assertEquals("tandem: " + file + ": truncated trace: ends after record 1 at offset 17 without an end record\n",
                err.toString());
        assertTrue(out.toString().contains("auipc t0,0x0"), "records before the cut are printed: " + out);
    }
}
