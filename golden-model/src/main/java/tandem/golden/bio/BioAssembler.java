package tandem.golden.bio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tandem.golden.TandemException;

/**
 * Turns a BIO assembly source into a RAM image with Debian's RISC-V GNU toolchain
 * ({@code riscv64-unknown-elf-gcc}, rv32imc, linked at address 0). Sources go through the C
 * preprocessor and may {@code #include "bio.h"} for the names of x16–x31 ({@code fifo0},
 * {@code quantum}, {@code pinset}, {@code evmask}, {@code clk} ...).
 */
public final class BioAssembler {

    /** The install hint shown when the toolchain is missing. */
    public static final String INSTALL_HINT =
            "apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf";

    private static final String GCC = "riscv64-unknown-elf-gcc";
    private static final String OBJCOPY = "riscv64-unknown-elf-objcopy";

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
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tandem-bio");
            try (InputStream header = BioAssembler.class.getResourceAsStream("bio.h")) {
                Files.copy(header, dir.resolve("bio.h"));
            }
            Path elf = dir.resolve("prog.elf");
            Path bin = dir.resolve("prog.bin");
            run(source, List.of(GCC, "-march=rv32imc", "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                    "-x", "assembler-with-cpp", "-I" + dir, "-I" + source.toAbsolutePath().getParent(),
                    // -N: data right after the code, not on the next page (the RAM is 4 KiB).
                    "-Wl,-Ttext=0", "-Wl,-N", "-Wl,--no-relax", "-Wl,-e,0", "-o", elf.toString(), source.toString()));
            run(source, List.of(OBJCOPY, "-O", "binary", "-j", ".text", "-j", ".rodata", "-j", ".srodata",
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

    private static void run(Path source, List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new TandemException(command.get(0) + " not found (the RISC-V toolchain assembles BIO programs): "
                    + INSTALL_HINT, e);
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TandemException(source + ": " + command.get(0) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException(source + ": interrupted while assembling", e);
        }
        if (p.exitValue() != 0) {
            throw new TandemException(firstError(output, source));
        }
    }

    private static String firstError(String output, Path source) {
        List<String> lines = new ArrayList<>(output.lines().toList());
        for (String line : lines) {
            if (line.contains("Error") || line.contains("error")) {
                return line.trim();
            }
        }
        return source + ": " + (lines.isEmpty() ? "assembler failed" : lines.get(lines.size() - 1).trim());
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
