package tandem.vectors.asm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tandem.golden.toolchain.CrossToolchain;

/** Runs Debian's RISC-V binutils (through {@link CrossToolchain}) to cross-check our own assembler. */
public final class GnuToolchain {

    private GnuToolchain() {
    }

    /**
     * Assembles {@code source} with GNU as ({@code -march} as given, no relaxation), links it
     * at {@code base} and returns the flat binary of its {@code .text}.
     */
    public static byte[] assemble(String source, String march, long base, Path scratch) throws IOException {
        Path s = Files.writeString(scratch.resolve("prog.S"), source);
        Path o = scratch.resolve("prog.o");
        Path elf = scratch.resolve("prog.elf");
        Path bin = scratch.resolve("prog.bin");
        CrossToolchain tools = CrossToolchain.find();
        tools.run(scratch, "as", List.of("-march=" + march, "-mabi=ilp32", "-mno-relax", "-o", o.toString(), s.toString()));
        tools.run(scratch, "ld", List.of("-m", "elf32lriscv", "--no-relax", "-Ttext=0x" + Long.toHexString(base),
                "-e", "0x" + Long.toHexString(base), "-o", elf.toString(), o.toString()));
        tools.run(scratch, "objcopy", List.of("-O", "binary", "-j", ".text", elf.toString(), bin.toString()));
        return Files.readAllBytes(bin);
    }
}
