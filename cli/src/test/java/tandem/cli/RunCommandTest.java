package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.isa.Opcode;

/** 'tandem run': how a program ends and how bad input is reported. Programs are built in Java. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static final int JUMP_SELF = Opcode.JAL.match();
    private static final int ECALL = Opcode.ECALL.match();

    /** A minimal RV32 ELF with one loadable segment of {@code code} at 0x8000_0000. */
    private Path elf(String name, int... code) throws IOException {
        return TinyElf.write(dir.resolve(name), code);
    }

    @Test
    void finisherPassEndsTheRunWithZero() throws IOException {
        Path p = elf("pass.elf", TinyElf.lui(5, 0x0010_0000), TinyElf.lui(6, 0x5000), TinyElf.addi(6, 6, 0x555), TinyElf.sw(6, 5, 0), JUMP_SELF);
        CliRun r = CliRun.tandem("run", p.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("finisher: pass"), r.out());
    }

    @Test
    void ecallExitConventionCarriesTheCode() throws IOException {
        Path p = elf("exit.elf", TinyElf.addi(10, 0, 3), TinyElf.addi(17, 0, 93), ECALL);
        CliRun r = CliRun.tandem("run", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("ecall_exit") && r.out().contains("exit(3)"), r.out());
    }

    @Test
    void instructionLimitIsAFailureSaidInOneLine() throws IOException {
        Path p = elf("spin.elf", JUMP_SELF);
        CliRun r = CliRun.tandem("run", "--max-instructions", "1000", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("instruction limit of 1000 reached"), r.out());
    }

    @Test
    void jumpIntoUnmappedMemoryNamesTheAddress() throws IOException {
        Path p = elf("wild.elf", TinyElf.lui(5, 0x9000_0000), Opcode.JALR.match() | 5 << 15);
        CliRun r = CliRun.tandem("run", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("instruction access fault at 0x90000000"), r.out());
    }

    @Test
    void aBrokenElfIsAUsageErrorWithoutAStackTrace() throws IOException {
        Path p = dir.resolve("broken.elf");
        Files.writeString(p, "not an elf");
        CliRun r = CliRun.tandem("run", p.toString());
        assertEquals(2, r.exitCode());
        assertEquals("tandem: " + p + ": not an ELF file (no \\x7fELF magic at offset 0)", r.err().trim());
    }

    @Test
    void jsonSummaryForScripts() throws IOException {
        Path p = elf("pass.elf", TinyElf.lui(5, 0x0010_0000), TinyElf.lui(6, 0x5000), TinyElf.addi(6, 6, 0x555), TinyElf.sw(6, 5, 0), JUMP_SELF);
        CliRun r = CliRun.tandem("run", "--json", p.toString());
        assertEquals(0, r.exitCode());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("finisher", j.get("stop").asText());
        assertTrue(j.get("passed").asBoolean());
        assertEquals(4, j.get("instructions").asLong());
    }

    @Test
    void textTraceAndWaveformAreWrittenBesideTheRun() throws IOException {
        Path p = elf("pass.elf", TinyElf.lui(5, 0x0010_0000), TinyElf.lui(6, 0x5000), TinyElf.addi(6, 6, 0x555), TinyElf.sw(6, 5, 0), JUMP_SELF);
        Path text = dir.resolve("run.txt");
        Path vcd = dir.resolve("run.vcd");
        CliRun r = CliRun.tandem("run", "--quiet", "--text-trace", text.toString(), "--vcd", vcd.toString(), p.toString());
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = Files.readAllLines(text).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("0x80000000") && lines.get(0).contains("lui"), lines.get(0));
        assertTrue(lines.get(3).contains("sw"), lines.get(3));
        String wave = Files.readString(vcd);
        assertTrue(wave.contains("$enddefinitions") && wave.contains("$var"), wave);
    }
}
