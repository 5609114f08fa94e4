package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.VerilatorBuild;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;
import tandem.testing.Rv32Programs;
import tandem.testing.UserVexRiscv;

/**
 * A user's VexRiscv exactly as checked out (e.g. Baochip-1x's {@code VexRiscv_CramSoC.sv},
 * whose interface-array top Verilator cannot build directly), prepared by
 * {@link RtlPreparation} and run in lockstep with the golden model. Runs only when
 * {@code TANDEM_VEXRISCV_RTL} (files or .f lists, separated by {@code :}) and
 * {@code TANDEM_VEXRISCV_TOP} name it; never part of Tandem.
 */
class PreparedVexRiscvLockstepTest {

    @TempDir
    Path out;

    static Iterable<String> programs() {
        return Rv32Programs.cpuOnly();
    }

    private static DutLibrary library() {
        UserVexRiscv user = UserVexRiscv.fromEnvironment("run a user VexRiscv, prepared, in lockstep");
        BuildCache cache = BuildCache.standard();
        PreparedRtl prepared = RtlPreparation.prepare(user.files(), user.top(), cache.root().resolve("prepared"));
        prepared.explanation().forEach(line -> System.err.println("tandem: " + line));
        return new VerilatorBuild(cache, System.err).build(prepared, null, false);
    }

    @ParameterizedTest
    @MethodSource("programs")
    void preparedUserVexRiscvRunsTheProgramsInLockstep(String program) throws Exception {
        DutLibrary lib = library();
        Path elf = Rv32Programs.elf(program);
        LockstepSession session = new LockstepSession(lib, null, lib.top() + " vs golden vexriscv: " + elf.getFileName());
        Machine machine = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        LockstepResult r = session.run(machine, LockstepSession.elf(elf),
                LockstepOptions.defaults(out).withMaxCycles(20_000_000), null);
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
    }
}
