package tandem.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.VerilatorBuild;
import tandem.dut.rtl.PreparedRtl;
import tandem.dut.rtl.RtlPreparation;

/**
 * The user's own VexRiscv named by {@code TANDEM_VEXRISCV_RTL} (files or .f lists,
 * {@code :}-separated) and {@code TANDEM_VEXRISCV_TOP}; never part of Tandem. Tests that need it
 * are skipped with a one-line reason when the variables are not set.
 */
public record UserVexRiscv(List<Path> files, String top) {

    private static final Map<String, DutLibrary> BUILT = new HashMap<>();

    /** The RTL the environment names, or the calling test is skipped saying it would {@code purpose}. */
    public static UserVexRiscv fromEnvironment(String purpose) {
        String files = System.getenv("TANDEM_VEXRISCV_RTL");
        String top = System.getenv("TANDEM_VEXRISCV_TOP");
        Assumptions.assumeTrue(files != null && top != null,
                "set TANDEM_VEXRISCV_RTL (files or .f lists, ':'-separated) and TANDEM_VEXRISCV_TOP to " + purpose);
        List<Path> paths = new ArrayList<>();
        for (String f : files.split(":")) {
            paths.add(Path.of(f));
        }
        return new UserVexRiscv(List.copyOf(paths), top);
    }

    /**
     * The RTL prepared as {@code tandem lockstep --rtl} prepares it (flat wrapper, warning policy)
     * and Verilated, from the standard build cache; built once per test JVM.
     */
    public synchronized DutLibrary preparedLibrary(boolean traced) {
        String key = files + " " + top + " " + traced;
        DutLibrary lib = BUILT.get(key);
        if (lib == null) {
            BuildCache cache = BuildCache.standard();
            PreparedRtl prepared = RtlPreparation.prepare(files, top, cache.root().resolve("prepared"));
            prepared.explanation().forEach(line -> System.err.println("tandem: " + line));
            lib = new VerilatorBuild(cache, System.err).build(prepared, null, traced);
            BUILT.put(key, lib);
        }
        return lib;
    }
}
