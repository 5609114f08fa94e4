package tandem.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.RtlSources;
import tandem.dut.VerilatorBuild;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.testing.Rv32Programs;
import tandem.testing.UserVexRiscv;

/**
 * A user's VexRiscv (never part of Tandem) in lockstep with the golden model's VexRiscv
 * profile. Runs only when {@code TANDEM_VEXRISCV_RTL} (files or .f lists, separated by
 * {@code :}) and {@code TANDEM_VEXRISCV_TOP} name it.
 */
class VexRiscvLockstepTest {

    @TempDir
    Path out;

    static Iterable<String> programs() {
        return Rv32Programs.cpuOnly();
    }

    private static DutLibrary library() {
        UserVexRiscv user = UserVexRiscv.fromEnvironment("run lockstep against a VexRiscv");
        return new VerilatorBuild(BuildCache.standard(), System.err).build(RtlSources.of(user.files()), user.top(), null, false);
    }

    private LockstepResult run(Path elf) {
        DutLibrary lib = library();
        LockstepSession session = new LockstepSession(lib, null, lib.top() + " vs golden vexriscv: " + elf.getFileName());
        Machine machine = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        return session.run(machine, LockstepSession.elf(elf), LockstepOptions.defaults(out).withMaxCycles(20_000_000), null);
    }

    @ParameterizedTest
    @MethodSource("programs")
    void userVexRiscvRunsTheProgramsInLockstep(String program) throws Exception {
        LockstepResult r = run(Rv32Programs.elf(program));
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
    }

    @Test
    void timerInterruptsTakenByTheRtlAreLegalAndFollowedByTheGoldenModel() throws Exception {
        LockstepResult r = run(Rv32Programs.elf("timer_irq.S", "rv32im_zicsr"));
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
    }
}
