package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.isa.Opcode;

/** 'tandem run': how a program ends and how bad input is reported. Programs are built in Java. */
class RunCommandTest {
    private static final int BASE = 0x8000_0000;

    @TempDir
    Path dir;

    private static int lui(int rd, int value) {
        return Opcode.LUI.match() | rd << 7 | (value & 0xFFFFF000);
    }

    private static int addi(int rd, int rs1, int imm) {
        return Opcode.ADDI.match() | rd << 7 | rs1 << 15 | (imm & 0xFFF) << 20;
    }

    private static int sw(int rs2, int rs1, int imm) {
        return Opcode.SW.match() | rs2 << 20 | rs1 << 15 | (imm & 0x1F) << 7 | (imm >> 5 & 0x7F) << 25;
    }

    private static final int JUMP_SELF = Opcode.JAL.match();
    private static final int ECALL = Opcode.ECALL.match();

    /** A minimal RV32 ELF with one loadable segment of {@code code} at 0x8000_0000. */
    private Path elf(String name, int... code) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(52 + 32 + code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x464C457F).put((byte) 1).put((byte) 1).put((byte) 1).put(new byte[9]);
        b.putShort((short) 2).putShort((short) 243).putInt(1).putInt(BASE).putInt(52).putInt(0).putInt(0);
        b.putShort((short) 52).putShort((short) 32).putShort((short) 1).putShort((short) 40).putShort((short) 0)
                .putShort((short) 0);
        b.putInt(1).putInt(84).putInt(BASE).putInt(BASE).putInt(code.length * 4).putInt(code.length * 4).putInt(5)
                .putInt(4);
        for (int c : code) {
            b.putInt(c);
        }
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }

    @Test
    void finisherPassEndsTheRunWithZero() throws IOException {
        Path p = elf("pass.elf", lui(5, 0x0010_0000), lui(6, 0x5000), addi(6, 6, 0x555), sw(6, 5, 0), JUMP_SELF);
        CliRun r = CliRun.tandem("run", p.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("finisher: pass"), r.out());
    }

    @Test
    void ecallExitConventionCarriesTheCode() throws IOException {
        Path p = elf("exit.elf", addi(10, 0, 3), addi(17, 0, 93), ECALL);
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
        Path p = elf("wild.elf", lui(5, 0x9000_0000), Opcode.JALR.match() | 5 << 15);
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
        Path p = elf("pass.elf", lui(5, 0x0010_0000), lui(6, 0x5000), addi(6, 6, 0x555), sw(6, 5, 0), JUMP_SELF);
        CliRun r = CliRun.tandem("run", "--json", p.toString());
        assertEquals(0, r.exitCode());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("finisher", j.get("stop").asText());
        assertTrue(j.get("passed").asBoolean());
        assertEquals(4, j.get("instructions").asLong());
    }

    @Test
    void textTraceAndWaveformAreWrittenBesideTheRun() throws IOException {
        Path p = elf("pass.elf", lui(5, 0x0010_0000), lui(6, 0x5000), addi(6, 6, 0x555), sw(6, 5, 0), JUMP_SELF);
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
