package tandem.cli.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.cli.CliRun;
import tandem.golden.bio.BioAssembler;
import tandem.golden.toolchain.CrossToolchain;

class BioRunCommandTest {

    @TempDir
    Path dir;

    @Test
    void runWritesPinChangesAndAWaveform() throws IOException {
        Path prog = dir.resolve("pulse.S");
        Files.writeString(prog, String.join("\n",
                "#include \"bio.h\"",
                ".text",
                "  li a0, 4",
                "  mv dirout, a0",
                "  mv pinset, a0",
                "  li a1, 0",
                "  mv pinclr, a1",
                "  ebreak", ""));
        CliRun run = CliRun.tandem("bio", "run", prog.toString(), "--cycles", "200");
        assertEquals(0, run.exitCode(), run.err());
        List<String> csv = Files.readAllLines(dir.resolve("pulse-pins.csv"));
        assertEquals(List.of("cycle,pins,directions",
                "0,0x00000000,0x00000000",
                "12,0x00000000,0x00000004",
                "16,0x00000004,0x00000004",
                "23,0x00000000,0x00000004"), csv);
        String vcd = Files.readString(dir.resolve("pulse.vcd"));
        assertTrue(vcd.contains("$var wire 32 ! gpio_out [31:0] $end"), vcd);
        assertTrue(vcd.contains("reg_pc"));
        assertTrue(run.out().contains("core 0: pc"), run.out());
        assertTrue(run.out().contains("trapped"), run.out());
    }

    @Test
    void assemblyErrorIsOneLineWithFileAndLine() throws IOException {
        Path prog = dir.resolve("broken.S");
        Files.writeString(prog, ".text\n  nop\n  addi a0\n");
        CliRun run = CliRun.tandem("bio", "run", prog.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("tandem: "), run.err());
        assertTrue(run.err().contains("broken.S:3"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void badQdivValueIsAUsageError() throws IOException {
        Path prog = dir.resolve("nop.S");
        Files.writeString(prog, ".text\n  nop\n");
        CliRun run = CliRun.tandem("bio", "run", prog.toString(), "--qdiv", "0=zz");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--qdiv 0"), run.err());
    }

    @Test
    void cpuProgramStartsABioCoreAndTheRunRecordsItsPins() throws IOException {
        Path elf = cpuProgram("li a0, 1");
        CliRun run = CliRun.tandem("bio", "run", elf.toString(), "--cycles", "20000");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("tohost: pass"), run.out());
        assertEquals("", CliRun.tandem("bio", "run", elf.toString(), "--cycles", "20000", "--quiet").out());
        List<String> csv = Files.readAllLines(dir.resolve("host-pins.csv"));
        assertEquals(4, csv.size(), csv.toString());
        assertEquals("0,0x00000000,0x00000000", csv.get(1), "cycle 0 is the CPU's reset");
        assertTrue(csv.get(2).endsWith(",0x00000000,0x00000003"), csv.toString());
        assertTrue(csv.get(3).endsWith(",0x00000003,0x00000003"), csv.toString());
        assertTrue(Files.readString(dir.resolve("host.vcd")).contains("reg_pc"));

        CliRun json = CliRun.tandem("bio", "run", elf.toString(), "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(json.out().startsWith("{") && json.out().contains("\"passed\":true")
                && json.out().contains("\"pins\":\"0x00000003\""), json.out());
    }

    @Test
    void failingCpuProgramExitsWithOne() throws IOException {
        Path elf = cpuProgram("li a0, 7");
        CliRun run = CliRun.tandem("bio", "run", elf.toString(), "--quiet");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("fail"), run.err());
    }

    @Test
    void cpuProgramOnAPlatformWithoutBioIsAUsageError() throws IOException {
        Path elf = cpuProgram("li a0, 1");
        CliRun run = CliRun.tandem("bio", "run", elf.toString(), "--platform", "virt", "--profile", "vexriscv");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no BIO"), run.err());
    }

    /**
     * A Baochip-1x CPU program that copies a BIO program (pins 1:0 outputs, then high) into core
     * 0's code window, starts the core, waits until pin 0 is high and ends through tohost with
     * the value {@code result} leaves in a0.
     */
    private Path cpuProgram(String result) throws IOException {
        Path bio = dir.resolve("pins.S");
        Files.writeString(bio, String.join("\n", "#include \"bio.h\"", ".text", "  li a0, 3", "  mv dirout, a0",
                "  mv pinset, a0", "1: j 1b", ""));
        Files.write(dir.resolve("pins.bin"), BioAssembler.assemble(bio));
        Files.writeString(dir.resolve("host.S"), String.join("\n",
                "  .text",
                "  .globl _start",
                "_start:",
                "  li s0, 0x50124000",
                "  la a0, image",
                "  la a1, image_end",
                "  li a2, 0x50125000",
                "1: lw t0, 0(a0)",
                "  sw t0, 0(a2)",
                "  addi a0, a0, 4",
                "  addi a2, a2, 4",
                "  bltu a0, a1, 1b",
                "  li t0, 0x111",
                "  sw t0, 0(s0)",
                "2: lw t0, 0x84(s0)",
                "  andi t0, t0, 1",
                "  beqz t0, 2b",
                "  " + result,
                "  la t0, tohost",
                "  sw a0, 0(t0)",
                "3: j 3b",
                "  .balign 4",
                "image:",
                "  .incbin \"pins.bin\"",
                "  .balign 4",
                "image_end:",
                "  .data",
                "  .globl tohost",
                "tohost: .word 0",
                ""));
        Files.writeString(dir.resolve("host.ld"), "ENTRY(_start) SECTIONS { . = 0x60000000; .text : { *(.text*) }"
                + " . = 0x61000000; .data : { *(.data*) } }");
        Path elf = dir.resolve("host.elf");
        CrossToolchain.find().run(dir, "gcc", List.of("-march=rv32imac", "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                "-T", "host.ld", "-Wl,--no-warn-rwx-segments", "-o", elf.toString(), "host.S"));
        return elf;
    }
}
