package tandem.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import tandem.golden.isa.Opcode;

/** Minimal RV32 ELF files built in Java: one loadable segment of code at 0x8000_0000. */
final class TinyElf {
    private static final int BASE = 0x8000_0000;

    private TinyElf() {
    }

    /** Writes {@code code} as an ELF at {@code file}. */
    static Path write(Path file, int... code) throws IOException {
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
        return Files.write(file, b.array());
    }

    /** A program that adds a few numbers and writes 0x5555 to the SiFive finisher (pass). */
    static Path passing(Path file) throws IOException {
        return write(file, addi(10, 0, 5), addi(11, 10, 7), lui(5, 0x0010_0000), lui(6, 0x5000), addi(6, 6, 0x555),
                sw(6, 5, 0), Opcode.JAL.match());
    }

    /** A program that writes {@code 3 << 16 | 0x3333} to the finisher (fail with code 3). */
    static Path failing(Path file) throws IOException {
        return write(file, lui(5, 0x0010_0000), lui(6, 0x3_3000), addi(6, 6, 0x333), sw(6, 5, 0), Opcode.JAL.match());
    }

    static int lui(int rd, int value) {
        return Opcode.LUI.match() | rd << 7 | (value & 0xFFFFF000);
    }

    static int addi(int rd, int rs1, int imm) {
        return Opcode.ADDI.match() | rd << 7 | rs1 << 15 | (imm & 0xFFF) << 20;
    }

    static int sw(int rs2, int rs1, int imm) {
        return Opcode.SW.match() | rs2 << 20 | rs1 << 15 | (imm & 0x1F) << 7 | (imm >> 5 & 0x7F) << 25;
    }
}
