package tandem.vectors.lockstep;

import java.nio.file.Path;
import java.util.List;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.RtlSources;
import tandem.dut.VerilatorBuild;
import tandem.dut.riscvcore.RiscvCoreVerilog;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;

/** SpinalHDL's RiscvCore from the standard build cache (built on first use), and runners on it. */
final class RiscvCoreDut {

    private static DutLibrary library;

    private RiscvCoreDut() {
    }

    static synchronized DutLibrary library() {
        if (library == null) {
            Path v = RiscvCoreVerilog.obtain(BuildCache.standard(), RiscvCoreVerilog.DEFAULT_RESET_VECTOR);
            library = new VerilatorBuild(BuildCache.standard(), System.err)
                    .build(RtlSources.of(List.of(v)), RiscvCoreVerilog.TOP, null, false);
        }
        return library;
    }

    /** A runner replaying VexRiscv-profile vectors against RiscvCore on virt, reports under {@code out}. */
    static LockstepVectorRunner runner(Path out) {
        return new LockstepVectorRunner(library(), null, Profile.RV32IM, Profile.VEXRISCV, Platform.named("virt"),
                LockstepOptions.defaults(out), "SpinalHDL RiscvCore (test)");
    }
}
