package tandem.testing;

import java.nio.file.Path;
import java.util.List;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.RtlSources;
import tandem.dut.VerilatorBuild;
import tandem.dut.riscvcore.RiscvCoreVerilog;

/**
 * SpinalHDL's RiscvCore, generated and Verilated once per cache (the standard
 * {@code $TANDEM_CACHE} / {@code ~/.cache/tandem}, shared across tests and runs).
 */
public final class RiscvCoreFixture {

    private static DutLibrary fast;
    private static DutLibrary traced;
    private static DutLibrary xCheck;

    private RiscvCoreFixture() {
    }

    /** The Verilog file. */
    public static Path verilog() {
        return RiscvCoreVerilog.obtain(BuildCache.standard(), RiscvCoreVerilog.DEFAULT_RESET_VECTOR);
    }

    /** The library without tracing. */
    public static synchronized DutLibrary library() {
        if (fast == null) {
            fast = new VerilatorBuild(BuildCache.standard(), System.err)
                    .build(RtlSources.of(List.of(verilog())), RiscvCoreVerilog.TOP, null, false);
        }
        return fast;
    }

    /** The library built with {@code --trace}. */
    public static synchronized DutLibrary tracedLibrary() {
        if (traced == null) {
            traced = new VerilatorBuild(BuildCache.standard(), System.err)
                    .build(RtlSources.of(List.of(verilog())), RiscvCoreVerilog.TOP, null, true);
        }
        return traced;
    }

    /** The X-check build ({@code --x-assign unique --x-initial unique}). */
    public static synchronized DutLibrary xCheckLibrary() {
        if (xCheck == null) {
            xCheck = new VerilatorBuild(BuildCache.standard(), System.err)
                    .build(RtlSources.of(List.of(verilog())), RiscvCoreVerilog.TOP, null, VerilatorBuild.Variant.X_CHECK);
        }
        return xCheck;
    }
}
