package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'tandem vectors run --rtl riscvcore' and 'tandem vectors shrink' on the CI DUT. */
class VectorsLockstepCommandTest {

    @TempDir
    Path dir;

    @Test
    void directedVectorsRunInLockstepAndCsrVectorsAreNotApplicable() throws Exception {
        Path csv = Files.writeString(dir.resolve("v.csv"), "name,insn,regs,csrs,expect_regs,expect_csrs\n"
                + "add,\"add a0, a1, a2\",a1=5 a2=7,,a0=0xc,\n"
                + "mul,\"mul a0, a1, a2; addi a0, a0, 1\",a1=6 a2=7,,a0=0x2b,\n"
                + "csr,\"csrw mscratch, a0\",a0=0x1234,,,mscratch=0x1234\n"
                + "rvc,\"c.li a1, 1\",,,a1=1,\n"
                + "bad,\"addi a0, a0, 1\",q1=1,,,\n");
        CliRun run = CliRun.tandem("vectors", "run", csv.toString(), "--rtl", "riscvcore", "--out",
                dir.resolve("res").toString());
        assertEquals(2, run.exitCode(), "the bad row makes it an input error: " + run);
        assertTrue(run.out().contains("pass  " + csv + ":2 add"), run.out());
        assertTrue(run.out().contains("pass  " + csv + ":3 mul"), run.out());
        assertTrue(run.out().contains("n/a   " + csv + ":4 csr: not applicable to this DUT: needs CSRs"), run.out());
        assertTrue(run.out().contains("n/a   " + csv + ":5 rvc: not applicable to this DUT: needs C"), run.out());
        assertEquals("tandem: " + csv + ":6: column regs: not a register: 'q1'\n", run.err());
        assertTrue(run.out().contains("vectors: 2 passed, 0 failed, 1 errors, 2 not applicable to this DUT"), run.out());
        String result = Files.readString(dir.resolve("res/v.tandem-result.json"));
        assertTrue(result.contains("not applicable to this DUT"), result);
    }

    @Test
    void aDivergingGeneratedProgramIsShrunkAutomaticallyAndOnDemand() throws Exception {
        Path set = dir.resolve("set");
        CliRun gen = CliRun.tandem("vectors", "generate", "--profile", "rv32im", "--seed", "9", "--count", "1",
                "--units", "20", "--out", set.toString(), "--quiet");
        assertEquals(0, gen.exitCode(), gen.toString());
        Path csv = set.resolve("vectors.csv");
        CliRun clean = CliRun.tandem("vectors", "run", csv.toString(), "--rtl", "riscvcore", "--out",
                dir.resolve("clean").toString(), "--json");
        assertEquals(0, clean.exitCode(), "an RV32IM program runs clean on RiscvCore: " + clean);

        // a flipped register write (the checker's own fault injection) a little after the prologue
        JsonNode j = null;
        int at = 45;
        for (; j == null || j.get("shrunk").isEmpty(); at++) {
            assertTrue(at < 90, "no flipped register write diverged");
            CliRun faulty = CliRun.tandem("vectors", "run", csv.toString(), "--rtl", "riscvcore", "--inject-flip",
                    at + ":4", "--out", dir.resolve("faulty").toString(), "--json");
            j = new ObjectMapper().readTree(faulty.out());
            assertEquals(j.get("shrunk").isEmpty() ? 0 : 1, faulty.exitCode(), faulty.toString());
        }
        int flipAt = at - 1;
        JsonNode s = j.get("shrunk").get(0);
        assertTrue(s.get("to").asInt() < s.get("from").asInt(), s.toString());
        Path minimal = Path.of(s.get("source").asText());
        assertTrue(Files.readString(minimal).contains("# --- end of body"), "the minimal program is a .S");
        assertTrue(Files.isRegularFile(Path.of(s.get("vectors").asText())), "and its vector row");

        String flip = j.get("problems").get(0).asText();
        assertTrue(flip.contains("lockstep diverged"), flip);
        CliRun shrink = CliRun.tandem("vectors", "shrink", set.resolve("gen-9-0000.S").toString(), "--rtl", "riscvcore",
                "--inject-flip", flipAt + ":4", "--out", dir.resolve("shrink").toString(), "--json");
        assertEquals(1, shrink.exitCode(), shrink.toString());
        JsonNode r = new ObjectMapper().readTree(shrink.out());
        assertTrue(r.get("diverges").asBoolean());
        assertEquals(s.get("to").asInt(), r.get("to").asInt(), "on demand gives the same minimal program");
        CliRun byRow = CliRun.tandem("vectors", "shrink", csv + ":5", "--rtl", "riscvcore", "--inject-flip", flipAt + ":4",
                "--out", dir.resolve("shrink-row").toString(), "--quiet");
        assertEquals(1, byRow.exitCode(), byRow.toString());
        assertEquals("", byRow.out());
        assertTrue(byRow.err().startsWith("tandem: shrink: gen-9-0000 diverges; shrunk from"), byRow.err());
        CliRun noRow = CliRun.tandem("vectors", "shrink", csv + ":2", "--out", dir.resolve("x").toString());
        assertEquals(2, noRow.exitCode(), noRow.toString());
        assertEquals("tandem: " + csv + ":2: no readable vector on this line\n", noRow.err());
    }
}
