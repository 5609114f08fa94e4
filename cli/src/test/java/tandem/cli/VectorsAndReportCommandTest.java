package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorsAndReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void badRowsExitTwoNameFileAndLineAndKeepTheOtherResults() throws Exception {
        Path csv = Files.writeString(dir.resolve("v.csv"), "name,insn,regs,expect_regs\n"
                + "ok,\"addi a0, a0, 1\",a0=1,a0=2\n"
                + "bad,\"addi a0, a0, 1\",q1=1,\n"
                + "wrong,\"addi a0, a0, 1\",a0=1,a0=5\n");
        CliRun run = CliRun.tandem("vectors", "run", csv.toString(), "--out", dir.resolve("res").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("tandem: " + csv + ":3: column regs: not a register: 'q1'\n", run.err());
        assertTrue(run.out().contains("fail  " + csv + ":4 wrong: a0: expected 0x00000005, got 0x00000002"),
                run.out());
        assertTrue(run.out().contains("vectors: 1 passed, 1 failed, 1 errors"), run.out());
        String json = Files.readString(dir.resolve("res/v.tandem-result.json"));
        assertTrue(json.contains("\"schema\" : \"tandem-result/1\""), json);
        assertTrue(json.contains("\"instructions\""), "coverage is written: " + json);
    }

    @Test
    void generatedSetRunsCleanAndReportCollectsIt() {
        CliRun generate = CliRun.tandem("vectors", "generate", "--seed", "3", "--count", "2", "--units", "20",
                "--out", dir.resolve("gen").toString());
        assertEquals(0, generate.exitCode(), generate.err());
        CliRun run = CliRun.tandem("vectors", "run", dir.resolve("gen/vectors.csv").toString(), "--quiet",
                "--out", dir.resolve("res").toString());
        assertEquals(0, run.exitCode(), run.toString());
        CliRun report = CliRun.tandem("report", dir.resolve("res").toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, report.exitCode(), report.toString());
        assertTrue(report.out().contains("report: PASS — 2 cases in 1 suites"), report.out());
        assertTrue(Files.isRegularFile(dir.resolve("report/report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("report/report-junit.xml")));
    }

    @Test
    void unreadableReportInputExitsTwoAndStillWritesTheReport() throws Exception {
        Path junk = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        CliRun run = CliRun.tandem("report", junk.toString(), "--out", dir.resolve("report").toString());
        assertEquals(2, run.exitCode());
        assertEquals("tandem: " + junk + ":1: not a result file (expected tandem-result.json, JUnit XML or "
                + "Cucumber JSON)\n", run.err());
        assertTrue(Files.isRegularFile(dir.resolve("report/report.html")));
    }
}
