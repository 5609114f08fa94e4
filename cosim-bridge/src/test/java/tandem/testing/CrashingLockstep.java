package tandem.testing;

import java.nio.file.Path;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;

/**
 * A lockstep run in a JVM of its own, for the test that a crash of the native model keeps what
 * was written: {@code RTL.v ELF OUT_DIR}. Prints the outcome if the model does not crash.
 */
public final class CrashingLockstep {

    private CrashingLockstep() {
    }

    /** Entry point of the child JVM. */
    public static void main(String[] args) {
        LockstepSession session = new LockstepSession(FaultyRiscvCore.build(Path.of(args[0])), null, "crash test");
        LockstepResult r = session.run(Machine.create(Platform.named("virt"), Profile.RV32IM),
                LockstepSession.elf(Path.of(args[1])), LockstepOptions.defaults(Path.of(args[2])), null);
        System.out.println("no crash: " + r.outcome() + ": " + r.detail());
    }
}
