package tandem.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tandem.golden.TandemException;

/**
 * Builds the benchmark guests with Debian's {@code riscv64-unknown-elf-gcc} (-O2, RV32IMAC,
 * ilp32) into a work directory, once per iteration count.
 */
public final class GuestCompiler {

    /** What to install when the compiler is missing. */
    public static final String INSTALL_HINT =
            "install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf "
            + "(apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf)";

    private static final String RESOURCES = "tandem/cli/bench/";
    private final Path workDir;
    private final String gcc;

    /** Builds into {@code workDir}; the compiler is {@code $TANDEM_RISCV_PREFIX gcc}. */
    public GuestCompiler(Path workDir) {
        this.workDir = workDir;
        this.gcc = System.getenv().getOrDefault("TANDEM_RISCV_PREFIX", "riscv64-unknown-elf-") + "gcc";
    }

    /** The ELF of {@code benchmark} at {@code iterations}, built if not already there. */
    public Path build(GuestBenchmark benchmark, int iterations) {
        Path src = workDir.resolve("src");
        Path elf = workDir.resolve(benchmark.label() + "-" + iterations + ".elf");
        try {
            Files.createDirectories(src);
            List<String> files = new ArrayList<>(GuestBenchmark.COMMON);
            files.addAll(benchmark.sources());
            List<String> all = new ArrayList<>(files);
            all.addAll(GuestBenchmark.HEADERS);
            boolean fresh = Files.isRegularFile(elf);
            for (String f : all) {
                byte[] content = resource(f);
                Path p = src.resolve(f);
                if (!Files.isRegularFile(p) || !java.util.Arrays.equals(Files.readAllBytes(p), content)) {
                    Files.write(p, content);
                    fresh = false;
                }
            }
            if (fresh) {
                return elf;
            }
            List<String> cmd = new ArrayList<>(List.of(gcc, "-march=rv32imac_zicsr_zifencei", "-mabi=ilp32", "-O2",
                    "-nostdlib", "-nostartfiles", "-ffreestanding", "-fno-builtin", "-DITERATIONS=" + iterations,
                    "-I" + src, "-T" + src.resolve("virt.ld"), "-Wl,--no-warn-rwx-segments", "-o", elf.toString()));
            for (String f : files) {
                cmd.add(src.resolve(f).toString());
            }
            cmd.add("-lgcc");
            run(cmd);
            return elf;
        } catch (IOException e) {
            throw new TandemException(workDir + ": cannot build " + benchmark.label() + ": " + e.getMessage());
        }
    }

    private void run(List<String> cmd) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new TandemException(gcc + " not found: " + INSTALL_HINT);
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new TandemException("building a benchmark guest failed: " + out.lines().findFirst().orElse(""));
            }
        } catch (IOException e) {
            throw new TandemException(gcc + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while building a benchmark guest");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GuestCompiler.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        }
    }
}
