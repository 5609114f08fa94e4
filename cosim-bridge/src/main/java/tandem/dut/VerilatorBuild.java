package tandem.dut;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * Turns RTL files and a top-module name into a {@link DutLibrary}: writes the harness and its
 * generated glue, runs Verilator 5 with fast settings, links a shared library with a plain C
 * ABI, and caches it keyed by a hash of the RTL, the harness, the options and the Verilator
 * version. A cache hit costs the hash of the sources and nothing else. Verilation and the C++
 * build run as two steps so the glue can follow the layout Verilator chose for the probe.
 *
 * <p>Fast settings: {@code -O3 --x-assign fast --x-initial fast}, C++ at {@code -O3} through
 * {@code OPT_FAST} (Debian's makefile default is {@code -Os}, ~35 % slower). Only the retire
 * probe's signals are made visible ({@code public_flat_rd}); making everything public costs ~5×.
 * Warnings are not fatal (user RTL is rarely lint-clean), except BLKANDNBLK, which Verilator
 * 5.006 silently mis-simulates and which is refused. Assertions are on ({@code --assert}): a
 * failing one, like {@code $stop} and {@code $fatal}, ends the run as an RTL error naming its
 * file and line.
 */
public final class VerilatorBuild {

    private static final String HARNESS = "/tandem/dut/harness/harness.cpp";
    /**
     * Forced into every C++ file of the model (the Verilator runtime too), so the model's output
     * goes through the harness, which keeps the last error line for the message of a stop.
     */
    private static final String PRINTF_HEADER = "tandem_rtl_printf.h";
    private static final String PRINTF_DECLARATION = "#pragma once\n"
            + "#ifdef __cplusplus\nextern \"C\"\n#endif\nint tandem_vl_printf(const char* format, ...);\n";
    private static final Pattern ERROR = Pattern.compile("^%Error(?:-[A-Z0-9_]+)?: .*");
    private static final Pattern BLKANDNBLK = Pattern.compile("^%Warning-BLKANDNBLK: (.*)");
    private static final Pattern CXX_ERROR = Pattern.compile("^\\S+:\\d+:\\d+: (?:fatal )?error: .*");

    /** Which model to build; each is cached separately. */
    public enum Variant {
        /** The fast model: X values fixed at build time ({@code --x-assign fast --x-initial fast}). */
        FAST(""),
        /** The fast model with VCD tracing ({@code --trace}), for divergence windows. */
        TRACED(" (traced)"),
        /**
         * X values left to run time ({@code --x-assign unique --x-initial unique}), drawn from a
         * seed with {@link VerilatedDut#randomizeX}: runs with different seeds disagree where X
         * reaches something they do.
         */
        X_CHECK(" (X-check)");

        private final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private final BuildCache cache;
    private final java.io.PrintStream log;

    /** A builder using {@code cache}, reporting build times and cache hits on {@code log}. */
    public VerilatorBuild(BuildCache cache, java.io.PrintStream log) {
        this.cache = cache;
        this.log = log;
    }

    /**
     * Builds (or finds in the cache) the library for {@code top} in {@code rtl}.
     *
     * @param shape  the bus shape to drive, or {@code null} to recognise it from the ports
     * @param traced build the VCD-capable variant (cached separately)
     * @throws TandemException for a missing top, an unsupported bus, or a Verilator error
     *                         (its first line verbatim, with file and line)
     */
    public DutLibrary build(RtlSources rtl, String top, BusShape shape, boolean traced) {
        return build(rtl, top, shape, traced ? Variant.TRACED : Variant.FAST);
    }

    /** As {@link #build(RtlSources, String, BusShape, boolean)}, for any {@link Variant}. */
    public DutLibrary build(RtlSources rtl, String top, BusShape shape, Variant variant) {
        return build(rtl, top, shape, variant, top, top + "__DOT__");
    }

    // Hook for tandem.dut.rtl.RtlPreparation (user RTL as checked out), added by the RTL-preparation work.
    /**
     * Builds user RTL made ready by {@link tandem.dut.rtl.RtlPreparation}: Verilator's top is the
     * prepared top (a generated wrapper when the user's top has interface ports); the retire
     * probe reads the user's top, whose internal signals Verilator names
     * {@link tandem.dut.rtl.PreparedRtl#signalPrefix()} + name.
     */
    public DutLibrary build(tandem.dut.rtl.PreparedRtl prepared, BusShape shape, boolean traced) {
        return build(prepared, shape, traced ? Variant.TRACED : Variant.FAST);
    }

    /** As {@link #build(tandem.dut.rtl.PreparedRtl, BusShape, boolean)}, for any {@link Variant}. */
    public DutLibrary build(tandem.dut.rtl.PreparedRtl prepared, BusShape shape, Variant variant) {
        return build(prepared.toRtlSources(), prepared.top(), shape, variant, prepared.userTop(), prepared.signalPrefix());
    }

    private DutLibrary build(RtlSources rtl, String top, BusShape shape, Variant variant, String probeTop,
                             String signalPrefix) {
        boolean traced = variant == Variant.TRACED;
        TopModule module = TopModule.find(rtl.files(), top);
        BusShape bus = BusShape.detect(module, shape);
        TopModule probeModule = probeTop.equals(top) ? module : TopModule.find(rtl.files(), probeTop);
        RetireProbe probe = RetireProbe.of(probeModule, bus);
        List<String> probeSignals = probe.signalsFor(probeModule);
        String glue = glue(module, bus, probe);
        String probes = probes(probeTop, probeSignals);
        byte[] harness = harnessSource();
        List<String> options = options(rtl, top, variant);
        String version = verilatorVersion();
        List<byte[]> parts = new ArrayList<>();
        parts.add(version.getBytes(StandardCharsets.UTF_8));
        parts.add(String.join("\n", options).getBytes(StandardCharsets.UTF_8));
        parts.add(harness);
        parts.add(glue.getBytes(StandardCharsets.UTF_8));
        parts.add(probes.getBytes(StandardCharsets.UTF_8));
        for (Path f : rtl.files()) {
            // the full path, not just the name: the model's messages ($fatal, assertions) embed it
            parts.add(f.toString().getBytes(StandardCharsets.UTF_8));
            parts.add(readBytes(f));
        }
        String key = BuildCache.hash(parts.toArray(new byte[0][]));
        Path entry = cache.entry("verilated", key);
        Path lib = entry.resolve("obj").resolve(libraryName());
        if (Files.isRegularFile(lib)) {
            log.printf("tandem: Verilated %s%s: cache hit (%s)%n", top, variant.label, entry);
            return new DutLibrary(lib, top, bus, traced, entry);
        }
        Path staging = cache.staging("verilated");
        long start = System.nanoTime();
        try {
            Files.write(staging.resolve("harness.cpp"), harness);
            Files.writeString(staging.resolve("tandem_glue.h"), glue);
            Files.writeString(staging.resolve("probe.vlt"), probes);
            Files.writeString(staging.resolve(PRINTF_HEADER), PRINTF_DECLARATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> verilate = new ArrayList<>();
        verilate.add("verilator");
        verilate.addAll(options);
        for (Path f : rtl.files()) {
            verilate.add(f.toString());
        }
        verilate.add("probe.vlt");
        verilate.add("harness.cpp");
        run(staging, verilate, staging.resolve("verilate.log"));
        try {
            Files.writeString(staging.resolve("tandem_glue.h"), glue + signalAccess(staging, module, signalPrefix, probeSignals));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(staging, List.of("make", "-C", "obj", "-f", "V" + top + ".mk", "-j", "2",
                "OPT_FAST=-O3", "OPT_GLOBAL=-O2", "OPT_SLOW=-O1"), staging.resolve("build.log"));
        Path published = cache.publish(staging, "verilated", key);
        log.printf("tandem: Verilated %s%s in %.1f s (%s, cached in %s)%n", top, variant.label,
                (System.nanoTime() - start) / 1e9, version, published);
        return new DutLibrary(published.resolve("obj").resolve(libraryName()), top, bus, traced, published);
    }

    private static String libraryName() {
        return "libtandemdut.so";
    }

    private static List<String> options(RtlSources rtl, String top, Variant variant) {
        boolean traced = variant == Variant.TRACED;
        String x = variant == Variant.X_CHECK ? "unique" : "fast";
        List<String> o = new ArrayList<>(List.of(
                "--cc", "--exe",
                "-O3", "--x-assign", x, "--x-initial", x, "--no-timing", "--assert",
                "-Wno-fatal", "-Wno-lint", "-Wno-style",
                "--top-module", top,
                "-CFLAGS", "-fPIC -fvisibility=hidden -DVL_USER_FINISH -DVL_USER_STOP -DVL_USER_FATAL"
                        + " -DVL_PRINTF=tandem_vl_printf -include " + PRINTF_HEADER
                        + (traced ? " -DTANDEM_TRACE" : "") + " -I..",
                "-LDFLAGS", "-shared -Wl,-Bsymbolic",
                "--Mdir", "obj",
                "-o", libraryName()));
        if (traced) {
            o.add("--trace");
        }
        o.addAll(rtl.verilatorFlags());
        return o;
    }

    /**
     * How the harness reaches each probe signal: a top-level port directly; an internal signal
     * in the root when Verilator inlined the top ({@code rootp->Top__DOT__sig}), or in the top's
     * own class when {@code verilator public} marks in the source kept it a module
     * ({@code rootp->Top->sig}). Read from the generated headers, so either layout works.
     */
    private static String signalAccess(Path dir, TopModule module, String signalPrefix, List<String> signals) {
        String top = module.name();
        Path root = dir.resolve("obj").resolve("V" + top + "___024root.h");
        Path own = dir.resolve("obj").resolve("V" + top + "_" + top + ".h");
        String rootText;
        String ownText;
        try {
            rootText = Files.readString(root, StandardCharsets.ISO_8859_1);
            ownText = Files.isRegularFile(own) ? Files.readString(own, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sb = new StringBuilder("#define TANDEM_SIG(n) TANDEM_SIG_##n\n");
        if (!ownText.isEmpty()) {
            sb.append("#include \"V").append(top).append('_').append(top).append(".h\"\n");
        }
        if (signals.contains("CsrPlugin_interruptJump")) {
            sb.append("#define TANDEM_HAS_INTERRUPT_JUMP 1\n");
        }
        for (String sig : signals) {
            String access;
            if (module.hasPort(sig)) {
                access = "d->m->" + sig;
            } else if (rootText.contains(signalPrefix + sig)) {
                access = "d->m->rootp->" + signalPrefix + sig;
            } else if (java.util.regex.Pattern.compile("\\b" + sig + "\\b").matcher(ownText).find()) {
                access = "d->m->rootp->" + top + "->" + sig;
            } else {
                throw new TandemException("Verilator kept no signal " + sig + " of the retire probe (looked in " + root
                        + "); verilate log: " + dir.resolve("verilate.log"));
            }
            sb.append("#define TANDEM_SIG_").append(sig).append(" (").append(access).append(")\n");
        }
        return sb.toString();
    }

    private void run(Path dir, List<String> cmd, Path logFile) {
        int rc;
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            rc = p.waitFor();
        } catch (IOException e) {
            throw new TandemException("cannot run verilator: " + e.getMessage()
                    + " (install it: apt-get install verilator)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running verilator");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String l : lines) {
            Matcher m = BLKANDNBLK.matcher(l);
            if (m.matches()) {
                throw new TandemException("verilator: " + m.group(1) + " -- refused: Verilator 5.006 mis-simulates a"
                        + " variable driven by both blocking and non-blocking assignments (verilator issues #364, #1864);"
                        + " split it into separately driven signals (build log: " + logFile + ")");
            }
        }
        if (rc == 0) {
            return;
        }
        int errors = 0;
        String first = null;
        for (String l : lines) {
            if (ERROR.matcher(l).matches() && !l.contains(" exited with ") && !l.contains("Command Failed")) {
                errors++;
                if (first == null) {
                    first = l;
                }
            }
        }
        if (first != null) {
            throw new TandemException("verilator: " + first
                    + (errors > 1 ? " (and " + (errors - 1) + " more errors)" : "") + " (build log: " + logFile + ")");
        }
        for (String l : lines) {
            if (CXX_ERROR.matcher(l).matches()) {
                throw new TandemException("C++ build of the Verilated model failed: " + l + " (build log: " + logFile + ")");
            }
        }
        throw new TandemException("verilator exited with status " + rc + "; build log: " + logFile);
    }

    /** The header that binds the generic harness to this top, bus shape and probe. */
    static String glue(TopModule module, BusShape shape, RetireProbe probe) {
        String top = module.name();
        String cls = "V" + top;
        StringBuilder sb = new StringBuilder();
        sb.append("// Generated by Tandem for top module ").append(top).append(", bus shape ").append(shape.cliName())
                .append(", probe ").append(probe.name().toLowerCase(java.util.Locale.ROOT)).append(".\n")
                .append("#include \"").append(cls).append(".h\"\n")
                .append("#include \"").append(cls).append("___024root.h\"\n")
                .append("#define TANDEM_TOP ").append(cls).append('\n')
                .append("#define TANDEM_BUS_").append(shape.name()).append(" 1\n")
                .append("#define TANDEM_PROBE_").append(probe.name()).append(" 1\n");
        String[][] optional = {
            {"externalResetVector", "TANDEM_HAS_RESET_VECTOR"},
            {"externalInterruptArray", "TANDEM_HAS_IRQ_ARRAY"},
            {"timerInterrupt", "TANDEM_HAS_TIMER_IRQ"},
            {"softwareInterrupt", "TANDEM_HAS_SOFTWARE_IRQ"},
            {"externalInterrupt", "TANDEM_HAS_EXTERNAL_IRQ"},
        };
        for (String[] o : optional) {
            if (module.hasPort(o[0])) {
                sb.append("#define ").append(o[1]).append(" 1\n");
            }
        }
        return sb.toString();
    }

    /** The Verilator configuration exposing the retire probe's signals read-only. */
    static String probes(String top, List<String> signals) {
        StringBuilder sb = new StringBuilder("`verilator_config\n");
        for (String sig : signals) {
            sb.append("public_flat_rd -module \"").append(top).append("\" -var \"").append(sig).append("\"\n");
        }
        return sb.toString();
    }

    private static byte[] harnessSource() {
        try (InputStream in = VerilatorBuild.class.getResourceAsStream(HARNESS)) {
            if (in == null) {
                throw new IllegalStateException("harness source missing from the jar: " + HARNESS);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile String version;

    /** {@code verilator --version}'s first line, cached for the process. */
    public static String verilatorVersion() {
        String v = version;
        if (v != null) {
            return v;
        }
        try {
            Process p = new ProcessBuilder("verilator", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new TandemException("verilator --version failed: " + out);
            }
            v = out.lines().findFirst().orElse(out);
            version = v;
            return v;
        } catch (IOException e) {
            throw new TandemException("verilator not found on PATH (install it: apt-get install verilator)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running verilator --version");
        }
    }
}
