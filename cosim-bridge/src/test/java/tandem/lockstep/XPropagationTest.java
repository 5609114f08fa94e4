package tandem.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.dut.DutLibrary;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.testing.RiscvCoreFixture;
import tandem.testing.Rv32Programs;

/**
 * X-checks on SpinalHDL's RiscvCore built with X values left to run time: a program that reads
 * a register nothing wrote (RiscvCore's register file has no reset) retires a different value
 * per X seed, which is reported as X-propagation at that retire; a program that does not is
 * clean under two seeds.
 */
class XPropagationTest {

    @TempDir
    Path out;

    private static LockstepResult xCheck(DutLibrary library, String program, Path out, int... seeds) throws Exception {
        LockstepSession session = new LockstepSession(library, null, "RiscvCore X-check: " + program);
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        return session.runXCheck(machine, LockstepSession.elf(Rv32Programs.elf(program)),
                LockstepOptions.defaults(out), seeds, null);
    }

    @Test
    void uninitialisedRegisterReachingARetireIsReportedAsXPropagation() throws Exception {
        LockstepResult r = xCheck(RiscvCoreFixture.xCheckLibrary(), "uninit_reg.S", out, 1, 2);
        assertEquals(LockstepResult.Outcome.X_PROPAGATION, r.outcome(), r.detail());
        Divergence d = r.divergence();
        // retires: li a0, li a1, add a2, then the add that reads s7
        assertEquals(3, d.retireIndex(), r.detail());
        assertEquals(3, r.retires(), "the retires before it matched the golden model");
        assertTrue(r.detail().startsWith("X-propagation: rd_wdata at retire #3 pc="), r.detail());
        assertTrue(r.detail().contains("differs between X seeds"), r.detail());
        FieldMismatch m = d.mismatches().get(0);
        assertEquals("rd_wdata", m.field());
        assertTrue(m.rtl().startsWith("seed 1: ") && m.golden().startsWith("seed 2: "), m.toString());
        assertNotEquals(m.rtl().substring(8), m.golden().substring(8));
        String report = Files.readString(r.report());
        assertTrue(report.contains("outcome: x_propagation"), report);
        assertTrue(report.contains("First divergence: RTL retire #3"), report);
        assertTrue(Files.readString(out.resolve(DivergenceReport.JSON)).contains("X-propagation"));
    }

    @Test
    void theSameProgramPassesOnTheNormalBuild() throws Exception {
        LockstepSession session = new LockstepSession(RiscvCoreFixture.library(), null, "RiscvCore: uninit_reg.S");
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        LockstepResult r = session.run(machine, LockstepSession.elf(Rv32Programs.elf("uninit_reg.S")),
                LockstepOptions.defaults(out), null);
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
    }

    @Test
    void programThatReadsOnlyWrittenStateIsCleanUnderTwoSeeds() throws Exception {
        LockstepResult r = xCheck(RiscvCoreFixture.xCheckLibrary(), "memory.S", out, 11, 12);
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
        assertTrue(r.retires() > 50, "only " + r.retires() + " retires compared");
    }

    @Test
    void xCheckNeedsTwoDifferentNonZeroSeeds() {
        assertThrows(TandemException.class, () -> xCheck(RiscvCoreFixture.library(), "arith.S", out, 3, 3));
        assertThrows(TandemException.class, () -> xCheck(RiscvCoreFixture.library(), "arith.S", out, 0, 3));
    }
}
