package tandem.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import tandem.dut.DutLibrary;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;
import tandem.vectors.lockstep.LockstepVectorRunner;

/**
 * The options of {@code tandem vectors run --rtl} and {@code tandem vectors shrink} beyond the
 * RTL itself (a picocli mixin used beside {@link RtlOptions}): the DUT's profile, the platform
 * and the fault injection that proves the checker; and the {@link LockstepVectorRunner} they make.
 */
public final class VectorLockstepOptions {

    @Option(names = "--dut-profile", paramLabel = "PROFILE",
            description = "What the RTL implements, deciding which vectors apply: rv32im, vexriscv, baochip-1x "
                    + "(default: rv32im for the built-in RiscvCore, else vexriscv).")
    String dutProfile;

    @Option(names = "--platform", defaultValue = "virt", description = "Platform of the lockstep runs (${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--inject-flip", paramLabel = "RETIRE:BIT",
            description = "Fault injection to prove the checker: flip BIT of the register write of retire number RETIRE"
                    + " (counted from reset in each vector's lockstep run).")
    String injectFlip;

    /** The profile of the DUT. */
    public Profile dut(RtlOptions rtl) {
        return Profile.named(dutProfile != null ? dutProfile : rtl.builtIn() ? "rv32im" : "vexriscv");
    }

    /** A runner on {@code rtl}, checking rows of {@code golden}, reports under {@code out}. */
    public LockstepVectorRunner runner(RtlOptions rtl, Profile golden, Path out, PrintStream log) {
        DutLibrary library = rtl.library(false, log);
        LockstepOptions options = LockstepOptions.defaults(out).withTiming(rtl.waitStates(), rtl.backpressure(), rtl.seed());
        if (injectFlip != null) {
            String[] p = injectFlip.split(":");
            try {
                options = options.withFlip(Long.parseLong(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0);
            } catch (NumberFormatException e) {
                throw new TandemException("--inject-flip expects RETIRE:BIT, e.g. 60:3, not '" + injectFlip + "'");
            }
        }
        return new LockstepVectorRunner(library, rtl.tracedLibrary(log), dut(rtl), golden, Platform.named(platform),
                options, rtl.describe());
    }
}
