package tandem.vectors.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.lockstep.LockstepResult;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.VectorReaderTest;
import tandem.vectors.run.Verdict;

class LockstepVectorRunnerTest {

    @TempDir
    Path dir;

    private Map<String, LockstepOutcome> runAll(Path file, LockstepVectorRunner runner) {
        Map<String, LockstepOutcome> out = new LinkedHashMap<>();
        try (VectorReader r = VectorReader.open(file, VectorFormat.DEFAULT)) {
            for (Vector v : r) {
                out.put(v.name(), runner.run(v));
            }
        }
        return out;
    }

    @Test
    void directedVectorsRunInLockstepOrAreNotApplicableToRiscvCore() {
        Map<String, LockstepOutcome> out = runAll(VectorReaderTest.resource("directed.csv"), RiscvCoreDut.runner(dir));
        for (String name : List.of("add", "add-hex", "lw-sw", "div-by-zero")) {
            LockstepOutcome o = out.get(name);
            assertEquals(Verdict.PASS, o.vector().verdict(), name + ": " + o.vector().message());
            assertNotNull(o.lockstep(), name + " ran in lockstep");
            assertEquals(LockstepResult.Outcome.PASS, o.lockstep().outcome(), name);
        }
        assertEquals(Verdict.NOT_APPLICABLE, out.get("c-li-hex").vector().verdict());
        assertTrue(out.get("c-li-hex").vector().message().startsWith("not applicable to this DUT: needs C"),
                out.get("c-li-hex").vector().message());
        for (String name : List.of("misaligned-load", "illegal", "ecall-from-u", "csr-write", "store-page-fault")) {
            LockstepOutcome o = out.get(name);
            assertEquals(Verdict.NOT_APPLICABLE, o.vector().verdict(), name + ": " + o.vector().message());
            assertTrue(o.vector().message().contains("needs"), o.vector().message());
            assertNull(o.lockstep(), name + " must not run in lockstep");
        }
        assertEquals(Verdict.FAIL, out.get("wrong-expectation").vector().verdict(), "the golden check still applies");
    }

    @Test
    void anInjectedFaultFailsTheVectorWithADivergenceReport() throws Exception {
        Path csv = Files.writeString(dir.resolve("v.csv"), "name,insn,regs,expect_regs\n"
                + "sum,\"add a0, a1, a2; add a0, a0, a0; addi a3, a0, 1\",a1=5 a2=7,a0=0x18 a3=0x19\n");
        LockstepVectorRunner faulty = RiscvCoreDut.runner(dir.resolve("out"));
        faulty = faulty.withOptions(faulty.options().withFlip(6, 2));
        LockstepOutcome o = runAll(csv, faulty).get("sum");
        assertEquals(Verdict.FAIL, o.vector().verdict(), String.valueOf(o.vector().message()));
        assertTrue(o.diverged(), o.vector().message());
        assertTrue(o.vector().message().startsWith("lockstep diverged"), o.vector().message());
        assertTrue(Files.isRegularFile(o.lockstep().report()), "report written: " + o.lockstep().report());
    }
}
