package tandem.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tandem.golden.TandemException;
import tandem.golden.toolchain.BuildCache;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Builds the benchmark guests with Debian's {@code riscv64-unknown-elf-gcc} (-O2, RV32IMAC,
 * ilp32) into a work directory, once per iteration count and set of sources.
 */
public final class GuestCompiler {

    private static final String RESOURCES = "tandem/cli/bench/";
    private final Path workDir;
    private final CrossToolchain toolchain;
    private final BuildCache cache;

    /**
     * Builds under {@code workDir}.
     *
     * @throws TandemException naming the packages to install when the compiler is missing
     */
    public GuestCompiler(Path workDir) {
        this.workDir = workDir;
        this.toolchain = CrossToolchain.find();
        this.cache = new BuildCache(workDir);
    }

    /** The ELF of {@code benchmark} at {@code iterations}, built if not already there. */
    public Path build(GuestBenchmark benchmark, int iterations) {
        String name = benchmark.label() + "-" + iterations;
        List<String> files = new ArrayList<>(GuestBenchmark.COMMON);
        files.addAll(benchmark.sources());
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        for (String f : files) {
            inputs.put(f, resource(f));
        }
        for (String f : GuestBenchmark.HEADERS) {
            inputs.put(f, resource(f));
        }
        List<String> flags = List.of("-march=rv32imac_zicsr_zifencei", "-mabi=ilp32", "-O2", "-nostdlib",
                "-nostartfiles", "-ffreestanding", "-fno-builtin", "-DITERATIONS=" + iterations);
        Path dir = cache.directory(name, inputs, flags, src -> {
            List<String> args = new ArrayList<>(flags);
            args.addAll(List.of("-I" + src, "-T" + src.resolve("virt.ld"), "-Wl,--no-warn-rwx-segments",
                    "-o", src.resolve(name + ".elf").toString()));
            for (String f : files) {
                args.add(src.resolve(f).toString());
            }
            args.add("-lgcc");
            toolchain.run(null, "gcc", args);
        });
        return dir.resolve(name + ".elf");
    }

    private byte[] resource(String name) {
        try (InputStream in = GuestCompiler.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TandemException(workDir + ": cannot build a benchmark guest: " + e.getMessage());
        }
    }
}
