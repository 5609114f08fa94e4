package tandem.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import tandem.testing.CrashingLockstep;
import tandem.testing.FaultyRiscvCore;
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
        Path v = faultyCore();
        LockstepResult r = runOn(FaultyRiscvCore.build(v), "arith.S", dir);
        assertEquals(LockstepResult.Outcome.RTL_ERROR, r.outcome(), r.detail());
        assertTrue(r.detail().endsWith(v + ":" + (FaultyRiscvCore.firstAddedLine() + 1)
                + ": Assertion failed in TOP.RiscvCore: finisher written"), r.detail());
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

    @Test
    void errorAndFailedAssertionInTheRtlEndTheRunAsRtlErrorsWithTheirMessage() throws Exception {
        Path v = faultyCore();
        int line = FaultyRiscvCore.firstAddedLine();
        DutLibrary lib = FaultyRiscvCore.build(v);

        LockstepResult error = runOn(lib, "fail2.S", dir.resolve("error"));
        assertEquals(LockstepResult.Outcome.RTL_ERROR, error.outcome(), error.detail());
        assertTrue(error.detail().endsWith(v + ":" + (line + 2) + ": Assertion failed in TOP.RiscvCore: fail 2 written"),
                error.detail());
        assertTrue(Files.readString(dir.resolve("error").resolve(DivergenceReport.TEXT)).contains("fail 2 written"));

        LockstepResult assertion = runOn(lib, "fail.S", dir.resolve("assert"));
        assertEquals(LockstepResult.Outcome.RTL_ERROR, assertion.outcome(), assertion.detail());
        assertTrue(assertion.detail().endsWith(v + ":" + (line + 3) + ": Assertion failed in TOP.RiscvCore: 'assert' failed."),
                assertion.detail());
        assertTrue(Files.readString(dir.resolve("assert").resolve(DivergenceReport.TEXT)).contains("outcome: rtl_error"));
    }

    @Test
    void nativeCrashKeepsTheProgressFileAndTheCrashLog() throws Exception {
        Path v = faultyCore();
        FaultyRiscvCore.build(v);
        Path out = dir.resolve("crash");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-XX:ErrorFile=" + out.resolve("hs_err_pid%p.log"),
                "-XX:-CreateCoredumpOnCrash", "-cp", System.getProperty("java.class.path"),
                CrashingLockstep.class.getName(), v.toString(), Rv32Programs.elf("mmio.S").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
        String log = Files.readString(dir.resolve("child.log"));
        assertTrue(p.exitValue() != 0 && !log.contains("no crash"), log);
        String progress = Files.readString(out.resolve("progress.json"));
        assertTrue(progress.contains("\"state\": \"running\""), progress);
        try (var files = Files.list(out)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err_pid")), "the JVM's crash log");
        }
    }

    /**
     * RiscvCore with four faults, one per trigger: {@code $fatal} when a program passes
     * (finisher data 0x5555), {@code $error} on failure code 2, an assertion against failure
     * code 1, and a segmentation fault in the model ({@code $c}) on a store to the UART.
     */
    private static Path faultyCore() throws Exception {
        return FaultyRiscvCore.write("faulty-rtl", String.join("\n",
                "  always @(posedge clk) if (" + FaultyRiscvCore.ON_FINISHER_STORE + ") begin",
                "    if (io_d_cmd_payload_data == 32'h00005555) $fatal(1, \"finisher written\");",
                "    if (io_d_cmd_payload_data == 32'h00023333) $error(\"fail 2 written\");",
                "    assert (io_d_cmd_payload_data != 32'h00013333);",
                "  end",
                "  always @(posedge clk) if (io_d_cmd_valid && io_d_cmd_ready && io_d_cmd_payload_wr"
                        + " && io_d_cmd_payload_address == 32'h10000000) $c(\"*(volatile int*)0 = 0;\");",
                ""));
    }

    private static LockstepResult runOn(DutLibrary lib, String program, Path out) throws Exception {
        LockstepSession session = new LockstepSession(lib, null, "fault test: " + program);
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        return session.run(machine, LockstepSession.elf(Rv32Programs.elf(program)), LockstepOptions.defaults(out), null);
    }
}
