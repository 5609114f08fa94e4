package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --json and --quiet of the commands that run Cucumber and the Verilated CI core. */
class SpecAndLockstepOutputTest {

    private static final Path BARE = Path.of("..", "features", "src", "test", "resources", "features", "mmu",
            "bare.feature");

    @TempDir
    Path dir;

    @Test
    void specJsonCountsScenariosAndKeepsCucumberOffStdout() throws Exception {
        CliRun run = CliRun.tandem("spec", BARE.toString(), "--report-dir", dir.resolve("spec").toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals(3, j.get("pass").asInt(), run.out());
        assertEquals(0, j.get("fail").asInt(), run.out());
        assertEquals(dir.resolve("spec").toString(), j.get("reportDir").asText());
        CliRun quiet = CliRun.tandem("spec", BARE.toString(), "--report-dir", dir.resolve("q").toString(), "--quiet");
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.out() + quiet.err());
    }

    @Test
    void lockstepJsonOnRiscvCore() throws Exception {
        Path elf = TinyElf.passing(dir.resolve("pass.elf"));
        CliRun run = CliRun.tandem("lockstep", "--rtl", "riscvcore", elf.toString(), "--out",
                dir.resolve("ls").toString(), "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals("pass", j.get("outcome").asText(), run.out());
        assertTrue(j.get("retiresMatched").asLong() >= 6, run.out());
        assertTrue(j.get("cycles").asLong() > 0, run.out());
        CliRun failing = CliRun.tandem("lockstep", TinyElf.passing(dir.resolve("p2.elf")).toString(), "--out",
                dir.resolve("ls2").toString(), "--inject-flip", "1:0", "--no-vcd", "--quiet");
        assertEquals(1, failing.exitCode(), failing.toString());
        assertEquals("", failing.out());
        assertTrue(failing.err().startsWith("tandem: lockstep: diverged"), failing.err());
    }
}
