package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.trace.TextTraceWriter;

/**
 * Every long command's script modes: {@code --json} prints one object that parses and carries
 * the figures; {@code --quiet} prints nothing on stdout, and on stderr only what went wrong.
 */
class OutputModesTest {

    @TempDir
    Path dir;

    private static JsonNode json(CliRun run) throws IOException {
        assertEquals(1, run.out().strip().lines().count(), "one JSON line: " + run);
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals(run.exitCode(), j.get("exitCode").asInt(), run.out());
        return j;
    }

    private static void silent(CliRun run, int exitCode) {
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals("", run.out(), "--quiet prints nothing on stdout");
        if (exitCode == 0) {
            assertEquals("", run.err(), "--quiet prints nothing on success");
        } else {
            assertFalse(run.err().isBlank(), "--quiet still says what went wrong");
            run.err().lines().forEach(l -> assertTrue(l.startsWith("tandem: "), l));
        }
    }

    @Test
    void runReportsFiguresAndStaysQuiet() throws IOException {
        Path pass = TinyElf.passing(dir.resolve("pass.elf"));
        JsonNode j = json(CliRun.tandem("run", "--json", pass.toString()));
        assertEquals("run", j.get("command").asText());
        assertEquals("pass", j.get("verdict").asText());
        assertEquals(6, j.get("instructions").asLong());
        silent(CliRun.tandem("run", "--quiet", pass.toString()), 0);
        CliRun failed = CliRun.tandem("run", "--quiet", TinyElf.failing(dir.resolve("fail.elf")).toString());
        silent(failed, 1);
        assertTrue(failed.err().contains("exit(3)") || failed.err().contains("code 3"), failed.err());
    }

    @Test
    void vectorsGenerateRunAndReport() throws IOException {
        Path set = dir.resolve("set");
        JsonNode gen = json(CliRun.tandem("vectors", "generate", "--seed", "4", "--count", "2", "--units", "10",
                "--out", set.toString(), "--json"));
        assertEquals(2, gen.get("count").asInt());
        assertEquals(set.resolve("vectors.csv").toString(), gen.get("vectors").asText());

        JsonNode run = json(CliRun.tandem("vectors", "run", set.resolve("vectors.csv").toString(), "--out",
                dir.resolve("res").toString(), "--json"));
        assertEquals(2, run.get("passed").asInt());
        assertEquals(0, run.get("failed").asInt());
        assertEquals(1, run.get("results").size());
        silent(CliRun.tandem("vectors", "run", set.resolve("vectors.csv").toString(), "--out",
                dir.resolve("res").toString(), "--quiet"), 0);

        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,insn,regs,expect_regs\n"
                + "wrong,\"addi a0, a0, 1\",a0=1,a0=5\n");
        CliRun failing = CliRun.tandem("vectors", "run", bad.toString(), "--out", dir.resolve("res").toString(), "--quiet");
        silent(failing, 1);
        assertTrue(failing.err().contains(bad + ":2 wrong: a0: expected 0x00000005"), failing.err());

        JsonNode report = json(CliRun.tandem("report", dir.resolve("res").resolve("vectors.tandem-result.json").toString(),
                "--out", dir.resolve("report").toString(), "--json"));
        assertEquals(2, report.get("cases").asInt());
        assertEquals(4, report.get("files").size());
        silent(CliRun.tandem("report", dir.resolve("res").resolve("vectors.tandem-result.json").toString(), "--out",
                dir.resolve("report").toString(), "--quiet"), 0);
    }

    @Test
    void diffAndWavediffCarryTheirFindings() throws IOException {
        String header = TextTraceWriter.HEADER + "\n";
        Path a = Files.writeString(dir.resolve("a.txt"), header
                + "core   0: 3 0x80000000 (0x00500513) li a0,5 x10 0x00000005\n"
                + "core   0: 3 0x80000004 (0x00a00593) li a1,10 x11 0x0000000a\n");
        Path b = Files.writeString(dir.resolve("b.txt"), header
                + "core   0: 3 0x80000000 (0x00500513) li a0,5 x10 0x00000005\n"
                + "core   0: 3 0x80000004 (0x00a00593) li a1,10 x11 0x0000000b\n");
        JsonNode same = json(CliRun.tandem("diff", a.toString(), a.toString(), "--json"));
        assertTrue(same.get("same").asBoolean());
        assertEquals(2, same.get("matched").asLong());
        JsonNode d = json(CliRun.tandem("diff", a.toString(), b.toString(), "--json"));
        assertEquals(1, d.get("divergenceRecord").asLong());
        assertTrue(d.get("differences").get(0).asText().startsWith("rd:"), d.toString());
        CliRun quiet = CliRun.tandem("diff", a.toString(), b.toString(), "--quiet");
        silent(quiet, 1);
        assertTrue(quiet.err().contains("diverge at record 1"), quiet.err());

        Path va = Files.writeString(dir.resolve("a.vcd"), vcd(1));
        Path vb = Files.writeString(dir.resolve("b.vcd"), vcd(0));
        JsonNode w = json(CliRun.tandem("wavediff", va.toString(), vb.toString(), "--json"));
        assertEquals(1, w.get("differing").asInt());
        assertEquals("top.x", w.get("differences").get(0).get("signal").asText());
        silent(CliRun.tandem("wavediff", va.toString(), va.toString(), "--quiet"), 0);
    }

    private static String vcd(int last) {
        return "$timescale 1ns $end\n$scope module top $end\n$var wire 1 ! x $end\n$upscope $end\n$enddefinitions $end\n"
                + "#0\n0!\n#10\n1!\n#20\n" + last + "!\n";
    }

    @Test
    void badInputIsOneLineAndExitTwoWhateverTheMode() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.csv"), "nonsense,columns\n1,2\n");
        for (String mode : new String[] {"--quiet", "--json"}) {
            CliRun run = CliRun.tandem("vectors", "run", junk.toString(), "--out", dir.resolve("res").toString(), mode);
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("tandem: " + junk + ":1: "), run.err());
        }
    }
}
