package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VectorsAndReportCommandTest {

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
    void badRowsExitTwoNameFileAndLineAndKeepTheOtherResults() throws Exception {
        Path csv = Files.writeString(dir.resolve("v.csv"), "name,insn,regs,expect_regs\n"
                + "ok,\"addi a0, a0, 1\",a0=1,a0=2\n"
                + "bad,\"addi a0, a0, 1\",q1=1,\n"
                + "wrong,\"addi a0, a0, 1\",a0=1,a0=5\n");
        int code = tandem("vectors", "run", csv.toString(), "--out", dir.resolve("res").toString());
        assertEquals(2, code, out + "\n" + err);
        assertEquals("tandem: " + csv + ":3: column regs: not a register: 'q1'\n", err.toString());
        assertTrue(out.toString().contains("fail  " + csv + ":4 wrong: a0: expected 0x00000005, got 0x00000002"),
                out.toString());
        assertTrue(out.toString().contains("vectors: 1 passed, 1 failed, 1 errors"), out.toString());
        String json = Files.readString(dir.resolve("res/v.tandem-result.json"));
        assertTrue(json.contains("\"schema\" : \"tandem-result/1\""), json);
        assertTrue(json.contains("\"instructions\""), "coverage is written: " + json);
    }

    @Test
    void generatedSetRunsCleanAndReportCollectsIt() {
        assertEquals(0, tandem("vectors", "generate", "--seed", "3", "--count", "2", "--units", "20",
                "--out", dir.resolve("gen").toString()), err.toString());
        assertEquals(0, tandem("vectors", "run", dir.resolve("gen/vectors.csv").toString(), "--quiet",
                "--out", dir.resolve("res").toString()), out + "\n" + err);
        assertEquals(0, tandem("report", dir.resolve("res").toString(), "--out", dir.resolve("report").toString()),
                out + "\n" + err);
        assertTrue(out.toString().contains("report: PASS — 2 cases in 1 suites"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("report/report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("report/report-junit.xml")));
    }

    @Test
    void unreadableReportInputExitsTwoAndStillWritesTheReport() throws Exception {
        Path junk = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        int code = tandem("report", junk.toString(), "--out", dir.resolve("report").toString());
        assertEquals(2, code);
        assertEquals("tandem: " + junk + ":1: not a result file (expected tandem-result.json, JUnit XML or "
                + "Cucumber JSON)\n", err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("report/report.html")));
    }
}
