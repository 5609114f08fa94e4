package tandem.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.testing.RiscvCoreFixture;
import tandem.testing.Rv32Programs;

/**
 * SpinalHDL's RiscvCore in lockstep with the golden model (profile RV32IM, platform virt):
 * every program matches retire for retire, and a corrupted RTL result is caught at exactly
 * the corrupted instruction.
 */
class LockstepRiscvCoreTest {

    @TempDir
    Path out;

    static Iterable<String> programs() {
        return Rv32Programs.all();
    }

    private static LockstepResult run(Path elf, LockstepOptions options, boolean traced) {
        LockstepSession session = new LockstepSession(RiscvCoreFixture.library(),
                traced ? RiscvCoreFixture::tracedLibrary : null, "RiscvCore vs golden rv32im: " + elf.getFileName());
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        return session.run(machine, LockstepSession.elf(elf), options, null);
    }

    @ParameterizedTest
    @MethodSource("programs")
    void programRunsInLockstepWithNoDivergence(String program) throws Exception {
        LockstepResult r = run(Rv32Programs.elf(program), LockstepOptions.defaults(out), false);
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
        assertTrue(r.retires() > 50, "only " + r.retires() + " retires compared");
    }

    @ParameterizedTest
    @MethodSource("programs")
    void programRunsInLockstepUnderWaitStatesAndBackPressure(String program) throws Exception {
        LockstepResult r = run(Rv32Programs.elf(program), LockstepOptions.defaults(out).withTiming(2, 40, 7), false);
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
    }

    @Test
    void flippedRegisterWriteIsReportedAtExactlyThatRetire() throws Exception {
        long target = 37;
        LockstepResult r = run(Rv32Programs.elf("arith.S"), LockstepOptions.defaults(out).withFlip(target, 5), true);
        assertEquals(LockstepResult.Outcome.DIVERGED, r.outcome(), r.detail());
        Divergence d = r.divergence();
        assertEquals(target, d.retireIndex());
        assertEquals(target, r.retires(), "every retire before the corrupted one matched");
        assertEquals("rd_wdata", d.mismatches().get(0).field());
        RetireView rtl = d.rtlHistory().get(d.rtlHistory().size() - 1);
        RetireView golden = d.goldenHistory().get(d.goldenHistory().size() - 1);
        assertEquals(golden.pc(), rtl.pc());
        assertEquals(1 << 5, rtl.rdWdata() ^ golden.rdWdata(), "exactly bit 5 differs");
        String text = Files.readString(r.report());
        assertTrue(text.contains("First divergence: RTL retire #" + target), text);
        assertTrue(Files.readString(out.resolve(DivergenceReport.JSON)).contains("\"retireIndex\": " + target));
        assertNotNull(d.vcd());
        String vcd = Files.readString(d.vcd());
        assertTrue(vcd.contains("$enddefinitions") && vcd.contains("#"), "VCD has a header and value changes");
    }
}
