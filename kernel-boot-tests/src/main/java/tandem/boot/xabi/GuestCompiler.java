package tandem.boot.xabi;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tandem.golden.TandemException;

/** Debian's {@code riscv64-unknown-elf-gcc}, driven for rv32imac/ilp32 freestanding code. */
public final class GuestCompiler {

    /** The install hint printed when the toolchain is missing. */
    public static final String INSTALL_HINT =
            "apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf";
    private static final String GCC = "riscv64-unknown-elf-gcc";
    private static final List<String> FLAGS = List.of("-march=rv32imac_zicsr_zifencei", "-mabi=ilp32", "-O2",
            "-ffreestanding", "-fno-builtin", "-nostdlib", "-nostartfiles", "-msmall-data-limit=0", "-fno-pic",
            "-fno-asynchronous-unwind-tables", "-Wall", "-Wextra", "-Werror");

    private final Path gcc;

    private GuestCompiler(Path gcc) {
        this.gcc = gcc;
    }

    /**
     * Finds the compiler on PATH.
     *
     * @throws TandemException naming the package to install when it is missing
     */
    public static GuestCompiler find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, GCC);
                if (Files.isExecutable(p)) {
                    return new GuestCompiler(p);
                }
            }
        }
        throw new TandemException(GCC + " not found on PATH; install the RISC-V toolchain: " + INSTALL_HINT);
    }

    /**
     * Compiles and links {@code sources} with {@code linkerScript} into {@code output}.
     *
     * @param defines -D definitions, e.g. {@code KUART_PHYS=0xF0005000}
     */
    public void link(Path output, Path linkerScript, List<String> defines, List<Path> sources) {
        List<String> cmd = new ArrayList<>();
        cmd.add(gcc.toString());
        cmd.addAll(FLAGS);
        for (String d : defines) {
            cmd.add("-D" + d);
        }
        cmd.add("-T");
        cmd.add(linkerScript.toString());
        cmd.add("-o");
        cmd.add(output.toString());
        for (Path s : sources) {
            cmd.add(s.toString());
        }
        cmd.add("-lgcc");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TandemException(GCC + " timed out building " + output.getFileName());
            }
            if (p.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).strip();
                String first = text.isEmpty() ? "exit status " + p.exitValue() : text.lines().findFirst().orElse("");
                throw new TandemException(GCC + " failed building " + output.getFileName() + ": " + first);
            }
        } catch (IOException e) {
            throw new TandemException("cannot run " + gcc + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running " + GCC, e);
        }
    }
}
