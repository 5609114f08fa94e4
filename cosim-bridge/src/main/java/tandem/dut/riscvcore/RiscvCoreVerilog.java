package tandem.dut.riscvcore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tandem.dut.BuildCache;
import tandem.golden.TandemException;

/**
 * SpinalHDL's RiscvCore as Verilog, generated on first use and kept in the {@link BuildCache}.
 *
 * <p>Generation happens on demand rather than in the Maven build because the command line
 * ({@code tandem lockstep}, {@code tandem demo}) needs it too, with a reset vector chosen per
 * platform, and a cached file costs nothing on later runs. The entry key covers the SpinalHDL
 * version, this class's configuration revision and the reset vector.
 */
public final class RiscvCoreVerilog {

    /** Name of the generated file and of its top module. */
    public static final String FILE_NAME = "RiscvCore.v";
    /** Top module name. */
    public static final String TOP = "RiscvCore";
    /** The reset vector of the golden model's {@code virt}-style RAM. */
    public static final long DEFAULT_RESET_VECTOR = 0x8000_0000L;

    /** Bump when {@link RiscvCoreGenerator#config} changes, so cached Verilog is regenerated. */
    private static final String CONFIG_REVISION = "rv32im-native-irq-1";
    private static final String SPINAL_VERSION = "1.14.2";

    private RiscvCoreVerilog() {
    }

    /**
     * The Verilog file for a core resetting to {@code resetVector}, generating it (~3 s) when
     * the cache has none.
     */
    public static Path obtain(BuildCache cache, long resetVector) {
        String key = BuildCache.hash(
                ("riscvcore " + SPINAL_VERSION + " " + CONFIG_REVISION + " "
                        + Long.toHexString(resetVector)).getBytes(StandardCharsets.UTF_8));
        Path entry = cache.entry("riscvcore", key);
        Path file = entry.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path staging = cache.staging("riscvcore");
        long start = System.nanoTime();
        runGenerator(staging, resetVector);
        Path published = cache.publish(staging, "riscvcore", key).resolve(FILE_NAME);
        System.err.printf("tandem: generated %s (reset 0x%08x) in %.1f s into %s%n",
                FILE_NAME, resetVector, (System.nanoTime() - start) / 1e9, published.getParent());
        return published;
    }

    private static void runGenerator(Path dir, long resetVector) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                RiscvCoreGenerator.class.getName(), dir.toString(), Long.toHexString(resetVector));
        Path log = dir.resolve("generate.log");
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            int rc = p.waitFor();
            if (rc != 0 || !Files.isRegularFile(dir.resolve(FILE_NAME))) {
                throw new TandemException("generating " + FILE_NAME + " with SpinalHDL failed (exit " + rc
                        + "); last lines of " + log + ": " + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + java, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while generating " + FILE_NAME);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
