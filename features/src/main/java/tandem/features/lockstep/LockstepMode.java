package tandem.features.lockstep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.cucumber.java.BeforeAll;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.RtlSources;
import tandem.dut.VerilatorBuild;

/**
 * Whether the specs also run in lockstep against a VexRiscv RTL, chosen by
 * {@code TANDEM_VEXRISCV_RTL} and {@code TANDEM_VEXRISCV_TOP} (or the {@code tandem.vexriscv.rtl}
 * and {@code tandem.vexriscv.top} system properties that {@code tandem spec --rtl} sets).
 */
public final class LockstepMode {
    private static final String RTL = "TANDEM_VEXRISCV_RTL";
    private static final String TOP = "TANDEM_VEXRISCV_TOP";
    private static DutLibrary library;
    private static RuntimeException buildFailure;

    /** Prints once per run whether lockstep mode is on. */
    @BeforeAll
    public static void announce() {
        if (rtl() == null) {
            System.out.println("tandem spec: lockstep mode is off (set " + RTL + " and " + TOP
                    + " to also run every scenario against the RTL)");
        } else {
            System.out.println("tandem spec: lockstep mode on: RTL " + rtl() + ", top " + top());
        }
    }

    /** Whether lockstep mode is on. */
    public static boolean on() {
        return rtl() != null;
    }

    /**
     * The Verilated RTL, built (or taken from the build cache) on first use. A failed build is
     * remembered, so every scenario reports it without building again.
     */
    public static synchronized DutLibrary library() {
        if (buildFailure != null) {
            throw buildFailure;
        }
        if (library == null) {
            List<Path> files = new ArrayList<>();
            for (String f : rtl().split(":")) {
                files.add(Path.of(f));
            }
            try {
                library = new VerilatorBuild(BuildCache.standard(), System.err).build(RtlSources.of(files), top(), null, false);
            } catch (RuntimeException e) {
                buildFailure = e;
                throw e;
            }
        }
        return library;
    }

    /** The RTL sources (files or .f lists separated by {@code :}), or {@code null} when lockstep mode is off. */
    public static String rtl() {
        return setting("tandem.vexriscv.rtl", RTL);
    }

    /** The RTL top module name. */
    public static String top() {
        String t = setting("tandem.vexriscv.top", TOP);
        return t == null ? "VexRiscv" : t;
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
