package tandem.vectors.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.VectorReaderTest;
import tandem.vectors.run.VectorOutcome;
import tandem.vectors.run.VectorRunner;
import tandem.vectors.run.Verdict;

/**
 * The lockstep program of a vector, run on the golden model alone from reset: it must reach the
 * finisher with the state the vector's own golden run ends in (registers but t0/t1, CSRs, pc).
 */
class VectorProgramTest {

    private static final long FINISHER = 0x0010_0000L;
    private static final VectorProgram.Privileged VEX = new VectorProgram.Privileged(VectorRunner.TRAP_SINK, true);

    private static Map<String, Vector> directed() {
        try (VectorReader r = VectorReader.open(VectorReaderTest.resource("directed.csv"), VectorFormat.DEFAULT)) {
            return r.readAll().stream().collect(java.util.stream.Collectors.toMap(Vector::name, v -> v));
        }
    }

    @Test
    void everyDirectedVectorEndsAtTheFinisherInTheStateItsGoldenRunEndsIn() throws Exception {
        for (Vector v : directed().values()) {
            Hart[] golden = new Hart[1];
            VectorOutcome o = new VectorRunner(Profile.VEXRISCV).onPrepared(h -> golden[0] = h).run(v);
            if (o.verdict() != Verdict.PASS) {
                continue;   // wrong-expectation: the golden check already fails it
            }
            long end = golden[0].pc() & 0xFFFF_FFFFL;
            VectorProgram p = VectorProgram.of(v, 0x8000_0000L, end, FINISHER, VEX);
            Machine m = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
            p.loadInto(m);
            Hart at = null;
            for (int i = 0; i < 10_000 && at == null; i++) {
                long pc = m.hart().pc() & 0xFFFF_FFFFL;
                if (pc >= p.endAt() && pc < p.endAt() + VectorProgram.FINISHER_BYTES) {
                    at = m.hart();
                } else {
                    m.hart().step();
                }
            }
            assertTrue(at != null, v.name() + ": never reached its end at " + Long.toHexString(p.endAt()));
            for (int r = 1; r < 32; r++) {
                // a step that takes a trap may run on into the finisher, whose first instruction writes t0
                if (r != 5 || (at.pc() & 0xFFFF_FFFFL) == p.endAt()) {
                    assertEquals(golden[0].x(r), at.x(r), v.name() + ": x" + r);
                }
            }
            assertEquals(golden[0].privilege(), at.privilege(), v.name() + ": privilege");
            for (int csr : v.expected().csrs().keySet()) {
                // mepc/sepc hold a pc, which moves with the code when it had to leave the reset vector
                long shift = csr == 0x341 || csr == 0x141 ? p.delta() : 0;
                assertEquals(golden[0].csrs().get(csr).read() + shift, at.csrs().get(csr).read(), v.name() + ": csr " + csr);
            }
            StopReason stop = m.run(100);
            assertTrue(stop.passed(), v.name() + ": " + stop.describe());
        }
    }

    @Test
    void withoutCsrsAVectorThatNeedsThemCannotBeLaidOut() {
        Vector csr = directed().get("store-page-fault");
        NotApplicableException e = assertThrows(NotApplicableException.class,
                () -> VectorProgram.of(csr, 0x8000_0000L, VectorRunner.TRAP_SINK, FINISHER, null));
        assertEquals("it needs CSRs to start", e.getMessage());
        List<String> moved = List.of("add", "lw-sw");
        for (String name : moved) {
            Vector v = directed().get(name);
            try {
                VectorProgram p = VectorProgram.of(v, 0x8000_0000L, v.setup().pc() + v.setup().program().image().length,
                        FINISHER, null);
                assertTrue(p.delta() > 0, name + " moves off the set-up code at the reset vector");
                assertEquals(p.delta(), p.endShift(), name + "'s end moves with it");
            } catch (NotApplicableException ex) {
                throw new AssertionError(name + ": " + ex.getMessage(), ex);
            }
        }
    }
}
