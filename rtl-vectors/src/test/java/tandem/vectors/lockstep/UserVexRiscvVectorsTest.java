package tandem.vectors.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.VerilatorBuild;
import tandem.dut.rtl.RtlPreparation;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.VectorReaderTest;
import tandem.vectors.run.Verdict;

/**
 * The directed vectors in lockstep on the user's VexRiscv (TANDEM_VEXRISCV_RTL, TANDEM_VEXRISCV_TOP):
 * CSR set-up, S/U entry through MRET and traps ending at the trap sink, on real RTL. Checked by
 * hand on the Baochip-1x VexRiscvAxi4 (with its Ram_1w_1rs model): every vector the golden model
 * passes also passes in lockstep.
 */
class UserVexRiscvVectorsTest {

    @TempDir
    Path dir;

    @Test
    void directedVectorsPassInLockstepOnTheUsersVexRiscv() {
        String files = System.getenv("TANDEM_VEXRISCV_RTL");
        String top = System.getenv("TANDEM_VEXRISCV_TOP");
        Assumptions.assumeTrue(files != null && top != null,
                "set TANDEM_VEXRISCV_RTL and TANDEM_VEXRISCV_TOP to replay the directed vectors in lockstep on your VexRiscv");
        List<Path> paths = new ArrayList<>();
        for (String f : files.split(":")) {
            paths.add(Path.of(f));
        }
        BuildCache cache = BuildCache.standard();
        DutLibrary library = new VerilatorBuild(cache, System.err)
                .build(RtlPreparation.prepare(paths, top, cache.root().resolve("prepared")), null, false);
        LockstepVectorRunner runner = new LockstepVectorRunner(library, null, Profile.VEXRISCV, Profile.VEXRISCV,
                Platform.named("virt"), LockstepOptions.defaults(dir), top + " (TANDEM_VEXRISCV_RTL)");
        try (VectorReader r = VectorReader.open(VectorReaderTest.resource("directed.csv"), VectorFormat.DEFAULT)) {
            for (Vector v : r) {
                LockstepOutcome o = runner.run(v);
                if (v.name().equals("wrong-expectation")) {
                    continue;
                }
                assertEquals(Verdict.PASS, o.vector().verdict(), v.name() + ": " + o.vector().message());
                assertNotNull(o.lockstep(), v.name() + " ran in lockstep");
            }
        }
    }
}
