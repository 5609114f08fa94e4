package tandem.golden.bio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tandem.golden.TandemException;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Turns a BIO assembly source into a RAM image with Debian's RISC-V GNU toolchain
 * ({@code riscv64-unknown-elf-gcc}, rv32imc, linked at address 0). Sources go through the C
 * preprocessor and may {@code #include "bio.h"} for the names of x16–x31 ({@code fifo0},
 * {@code quantum}, {@code pinset}, {@code evmask}, {@code clk} ...).
 */
public final class BioAssembler {

    private BioAssembler() {
    }

    /**
     * Assembles {@code source} and returns the bytes to load at core address 0.
     *
     * @throws TandemException naming the source line when it does not assemble, or with the
     *     install hint when the toolchain is missing
     */
    public static byte[] assemble(Path source) {
        if (!Files.isReadable(source)) {
            throw new TandemException(source + ": cannot read the BIO program");
        }
        CrossToolchain toolchain = CrossToolchain.find();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tandem-bio");
            try (InputStream header = BioAssembler.class.getResourceAsStream("bio.h")) {
                Files.copy(header, dir.resolve("bio.h"));
            }
            Path elf = dir.resolve("prog.elf");
            Path bin = dir.resolve("prog.bin");
            toolchain.run(null, "gcc", List.of("-march=rv32imc", "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                    "-x", "assembler-with-cpp", "-I" + dir, "-I" + source.toAbsolutePath().getParent(),
                    // -N: data right after the code, not on the next page (the RAM is 4 KiB).
                    "-Wl,-Ttext=0", "-Wl,-N", "-Wl,--no-relax", "-Wl,-e,0", "-o", elf.toString(), source.toString()));
            toolchain.run(null, "objcopy", List.of("-O", "binary", "-j", ".text", "-j", ".rodata", "-j", ".srodata",
                    "-j", ".data", "-j", ".sdata", elf.toString(), bin.toString()));
            byte[] image = Files.readAllBytes(bin);
            if (image.length > BioCore.RAM_WORDS * 4) {
                throw new TandemException(source + ": program is " + image.length
                        + " bytes; a BIO core has 4096 bytes of RAM");
            }
            return image;
        } catch (IOException e) {
            throw new TandemException(source + ": " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
