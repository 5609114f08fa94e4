package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.toolchain.CrossToolchain;

/**
 * {@code tandem lockstep --x-check} on the built-in RiscvCore: a program adding a register
 * nothing wrote ends in an X-propagation report (exit 1); without the option it passes.
 */
class LockstepXCheckTest {

    private static final String PROGRAM = String.join("\n",
            "    .section .text",
            "    .globl _start",
            "_start:",
            "    li   a0, 7",
            "    add  a1, a0, s9",     // s9: never written, RiscvCore's register file has no reset
            "    li   t6, 0x00100000",
            "    li   t5, 0x5555",
            "    sw   t5, 0(t6)",
            "1:  j    1b",
            "");

    @TempDir
    Path dir;

    private Path elf() throws Exception {
        Path src = dir.resolve("uninit.S");
        Files.writeString(src, PROGRAM);
        Path elf = dir.resolve("uninit.elf");
        CrossToolchain.find().run(dir, "gcc", List.of("-march=rv32im", "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                "-Wl,-N", "-Wl,-Ttext=0x80000000", "-Wl,--no-warn-rwx-segments", "-o", elf.toString(), src.toString()));
        return elf;
    }

    @Test
    void xCheckReportsTheUninitialisedRegisterReachingARetire() throws Exception {
        Path elf = elf();
        Path out = dir.resolve("x");
        CliRun run = CliRun.tandem("lockstep", "--x-check", "--out", out.toString(), elf.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("lockstep: x_propagation: X-propagation: rd_wdata at retire #1 pc=80000004"
                + " differs between X seeds (seed 1: "), run.toString());
        String report = Files.readString(out.resolve("lockstep-report.txt"));
        assertTrue(report.contains("outcome: x_propagation"), report);

        CliRun plain = CliRun.tandem("lockstep", "--no-vcd", "--out", dir.resolve("plain").toString(), elf.toString());
        assertEquals(0, plain.exitCode(), plain.toString());
    }

    @Test
    void xCheckSeedsMustDiffer() throws Exception {
        CliRun run = CliRun.tandem("lockstep", "--x-check=5,5", "--out", dir.resolve("y").toString(), elf().toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("two different non-zero X seeds"), run.toString());
    }
}
