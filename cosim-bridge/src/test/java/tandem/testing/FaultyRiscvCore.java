package tandem.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.RtlSources;
import tandem.dut.VerilatorBuild;

/**
 * SpinalHDL's RiscvCore with a fault of the test's choosing added at its end, in a stable path
 * under {@code target/} so the build cache serves later runs (the path is part of the key).
 */
public final class FaultyRiscvCore {

    /** Verilog, inside the module, that fires when the core issues a store to the test finisher. */
    public static final String ON_FINISHER_STORE = "io_d_cmd_valid && io_d_cmd_ready && io_d_cmd_payload_wr"
            + " && io_d_cmd_payload_address == 32'h00100000";

    private FaultyRiscvCore() {
    }

    /** The core with {@code lines} added before its {@code endmodule}, written to {@code target/NAME/RiscvCore.v}. */
    public static Path write(String name, String lines) throws IOException {
        Path v = Path.of("target", name, "RiscvCore.v").toAbsolutePath();
        Files.createDirectories(v.getParent());
        String core = Files.readString(RiscvCoreFixture.verilog());
        int end = core.indexOf("endmodule", core.indexOf("module RiscvCore"));
        Files.writeString(v, core.substring(0, end) + lines + core.substring(end));
        return v;
    }

    /** The line number in {@link #write}'s file of the first added line. */
    public static int firstAddedLine() throws IOException {
        String core = Files.readString(RiscvCoreFixture.verilog());
        int end = core.indexOf("endmodule", core.indexOf("module RiscvCore"));
        return (int) core.substring(0, end).lines().count() + 1;
    }

    /** Builds (or finds cached) the fast library of {@code verilog}. */
    public static DutLibrary build(Path verilog) {
        return new VerilatorBuild(BuildCache.standard(), System.err)
                .build(RtlSources.of(List.of(verilog)), "RiscvCore", null, false);
    }
}
