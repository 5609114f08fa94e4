package tandem.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tandem.cli.Tandem;

/**
 * {@code tandem bench cpu} on tiny iteration counts: every benchmark guest builds, passes on the
 * golden model and on QEMU with the same console output (the command checks that), and a row of
 * figures is printed for each. Speed itself is never asserted here.
 */
class CpuBenchTest {

    @Test
    void printsAFigureRowPerBenchmarkAndTheTargets(@TempDir Path work) {
        StringWriter text = new StringWriter();
        CommandLine cl = Tandem.commandLine();
        cl.setOut(new PrintWriter(text));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("bench", "cpu", "--scale", "0.002", "--repeat", "1",
                "--work-dir", work.toString());
        assertEquals(Tandem.PASS, status, text + "\n" + err);
        String out = text.toString();
        for (GuestBenchmark b : GuestBenchmark.values()) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(b.label() + " ")), "no row for " + b.label() + ":\n" + out);
        }
        assertTrue(out.contains("targets: >= 300 MIPS with the MMU on"), out);
    }

    @Test
    void unknownBenchmarkIsAUsageError(@TempDir Path work) {
        CommandLine cl = Tandem.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int status = cl.execute("bench", "cpu", "--only", "nosuch", "--work-dir", work.toString());
        assertEquals(Tandem.USAGE, status);
        assertTrue(err.toString().startsWith("tandem: unknown benchmark 'nosuch'"), err.toString());
    }
}
