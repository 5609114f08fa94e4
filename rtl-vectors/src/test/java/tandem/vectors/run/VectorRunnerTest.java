package tandem.vectors.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tandem.golden.hart.Profile;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.VectorReaderTest;

class VectorRunnerTest {

    private final VectorRunner runner = new VectorRunner(Profile.VEXRISCV);

    private Map<String, VectorOutcome> runAll(Path file) {
        Map<String, VectorOutcome> out = new LinkedHashMap<>();
        try (VectorReader r = VectorReader.open(file, VectorFormat.DEFAULT)) {
            for (Vector v : r) {
                out.put(v.name(), runner.run(v));
            }
        }
        return out;
    }

    @Test
    void directedVectorsPassOnTheGoldenModel() {
        Map<String, VectorOutcome> out = runAll(VectorReaderTest.resource("directed.csv"));
        out.forEach((name, o) -> {
            if (!name.equals("wrong-expectation")) {
                assertEquals(Verdict.PASS, o.verdict(), name + ": " + o.message());
            }
        });
        assertNotNull(out.get("add").trace());
        assertEquals(1, out.get("add").trace().retires());
        assertEquals(1, out.get("illegal").trace().traps(), "the trap that ended the run is in the stream");
    }

    @Test
    void aFailedExpectationNamesTheFieldAndBothValues() {
        VectorOutcome o = runAll(VectorReaderTest.resource("directed.csv")).get("wrong-expectation");
        assertEquals(Verdict.FAIL, o.verdict());
        assertEquals(List.of(new Mismatch("a0", "0x00000003", "0x00000002")), o.mismatches());
        assertEquals("a0: expected 0x00000003, got 0x00000002", o.message());
    }

    @Test
    void anUnexpectedTrapFailsTheVector() {
        try (VectorReader r = VectorReader.of("t.csv", "name,insn,regs\nload,\"lw a0, 0(a1)\",a1=0x40000000\n",
                Path.of("."), VectorFormat.DEFAULT)) {
            VectorOutcome o = runner.run(r.readAll().get(0));
            assertEquals(Verdict.FAIL, o.verdict());
            assertEquals("trap: expected none, got load-access-fault at pc 0x80000000 tval 0x40000000", o.message());
        }
    }

    @Test
    void setupOutsideMemoryIsAnErrorNamingTheColumn() {
        try (VectorReader r = VectorReader.of("t.csv", "name,insn,mem\nm,nop,0x40000000=1\n", Path.of("."),
                VectorFormat.DEFAULT)) {
            VectorOutcome o = runner.run(r.readAll().get(0));
            assertEquals(Verdict.ERROR, o.verdict());
            assertEquals("column mem: 0x40000000=0x1 at 0x40000000 is outside the vector memory "
                    + "(0x80000000..0x803ffff0 and 0x00000000..0x0000ffff)", o.message());
        }
    }

    @Test
    void theSameVectorGivesTheSameTraceSummary() {
        Vector v = runAllVectors().get(3);
        assertEquals(runner.run(v).trace(), runner.run(v).trace());
    }

    private List<Vector> runAllVectors() {
        try (VectorReader r = VectorReader.open(VectorReaderTest.resource("directed.csv"), VectorFormat.DEFAULT)) {
            return r.readAll();
        }
    }
}
