package tandem.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.DivergenceReport;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;
import tandem.testing.RiscvCoreFixture;
import tandem.testing.Rv32Programs;

/** Bad RTL input: each is one clear line naming the file (and line), never a stack trace. */
class BadRtlInputTest {

    @TempDir
    Path dir;

    private DutLibrary build(Path file, String top) {
        return new VerilatorBuild(BuildCache.at(dir.resolve("cache")), System.err)
                .build(RtlSources.of(List.of(file)), top, null, false);
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.v");
        TandemException e = assertThrows(TandemException.class, () -> RtlSources.of(List.of(missing)));
        assertTrue(e.getMessage().contains("RTL file not found: " + missing), e.getMessage());
    }

    @Test
    void missingFileInsideAListNamesTheListLine() throws Exception {
        Path list = dir.resolve("cpu.f");
        Files.writeString(list, "// sources\n+incdir+inc\nmissing.sv\n");
        TandemException e = assertThrows(TandemException.class, () -> RtlSources.of(List.of(list)));
        assertTrue(e.getMessage().startsWith(list + ":3: RTL file not found"), e.getMessage());
    }

    @Test
    void unknownTopListsTheModulesFound() throws Exception {
        Path v = dir.resolve("two.v");
        Files.writeString(v, "module alpha(input clk); endmodule\n// module commented(input x);\nmodule beta (input clk); endmodule\n");
        TandemException e = assertThrows(TandemException.class, () -> build(v, "gamma"));
        assertTrue(e.getMessage().contains("top module 'gamma' is not declared"), e.getMessage());
        assertTrue(e.getMessage().endsWith("modules found: alpha, beta"), e.getMessage());
    }

    @Test
    void topMatchingNoBusListsPortsAndShapes() throws Exception {
        Path v = dir.resolve("blinky.v");
        Files.writeString(v, "module blinky (\n  input wire clk,\n  input wire reset,\n  output reg [3:0] led\n);\nendmodule\n");
        TandemException e = assertThrows(TandemException.class, () -> build(v, "blinky"));
        String m = e.getMessage();
        assertTrue(m.contains("matches no supported bus shape; ports found: clk(input) reset(input) led(output 4)"), m);
        assertTrue(m.contains("riscvcore {") && m.contains("vexriscv-simple {") && m.contains("axi4 {"), m);
    }

    @Test
    void verilatorSyntaxErrorIsReportedWithFileAndLine() throws Exception {
        Path v = dir.resolve("RiscvCore.v");
        String core = Files.readString(RiscvCoreFixture.verilog());
        Files.writeString(v, core + "\nmodule broken(input a);\n  assign = a;\nendmodule\n");
        int line = (int) core.lines().count() + 3;
        TandemException e = assertThrows(TandemException.class, () -> build(v, "RiscvCore"));
        assertTrue(e.getMessage().startsWith("verilator: %Error: " + v + ":" + line + ":"), e.getMessage());
    }

    @Test
    void fatalInTheRtlEndsTheRunAsAnRtlErrorNamingFileAndLine() throws Exception {
        // a stable path, so the build cache serves later runs (the path is part of the key)
        Path v = Path.of("target", "fatal-rtl", "RiscvCore.v").toAbsolutePath();
        Files.createDirectories(v.getParent());
        String core = Files.readString(RiscvCoreFixture.verilog());
        int end = core.indexOf("endmodule", core.indexOf("module RiscvCore"));
        String check = "  always @(posedge clk) if (io_d_cmd_valid && io_d_cmd_ready && io_d_cmd_payload_address == 32'h00100000)"
                + " $fatal(1, \"finisher written\");\n";
        Files.writeString(v, core.substring(0, end) + check + core.substring(end));
        int line = (int) core.substring(0, end).lines().count() + 1;
        DutLibrary lib = new VerilatorBuild(BuildCache.standard(), System.err)
                .build(RtlSources.of(List.of(v)), "RiscvCore", null, false);
        LockstepSession session = new LockstepSession(lib, null, "fatal test");
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        LockstepResult r = session.run(machine, LockstepSession.elf(Rv32Programs.elf("arith.S")),
                LockstepOptions.defaults(dir), null);
        assertEquals(LockstepResult.Outcome.RTL_ERROR, r.outcome(), r.detail());
        assertTrue(r.detail().contains(v + ":" + line), r.detail());
        assertTrue(Files.readString(dir.resolve(DivergenceReport.TEXT)).contains("outcome: rtl_error"));
    }

    @Test
    void rtlThatNeverRetiresIsAStallWithASavedReport() throws Exception {
        LockstepSession session = new LockstepSession(RiscvCoreFixture.library(), null, "stall test");
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        LockstepResult r = session.run(machine, LockstepSession.elf(Rv32Programs.elf("stall.S")),
                LockstepOptions.defaults(dir).withStallCycles(2_000), null);
        assertEquals(LockstepResult.Outcome.STALL, r.outcome(), r.detail());
        assertEquals(0, r.retires());
        assertTrue(r.detail().contains("no instruction retired for"), r.detail());
        assertTrue(Files.readString(dir.resolve(DivergenceReport.TEXT)).contains("outcome: stall"));
        assertEquals(1, r.exitCode());
    }
}
