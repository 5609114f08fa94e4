package tandem.dut.bio;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tandem.dut.BuildCache;
import tandem.dut.VerilatorBuild;
import tandem.dut.rtl.PreparedRtl;
import tandem.dut.rtl.RtlPreparation;
import tandem.golden.TandemException;

/**
 * The user's Baochip-1x BIO RTL Verilated into Tandem's BIO harness ({@code bio_harness.cpp}, an
 * executable that drives the APB ports and prints what changes per aclk), kept in the
 * {@link BuildCache} by content.
 *
 * <p>The RTL is named as users have it: a Baochip-1x checkout (or any folder inside one, or a flat
 * folder holding the files of {@link #FILES}), or files and {@code .f} lists. It goes through
 * {@link RtlPreparation}, so its warnings are waived or refused by the same policy as a CPU's:
 * BLKANDNBLK is never waived. The tape-out {@code bio_bdma.sv} drives {@code aggregated_events}
 * from a port (bits 23:0) and an {@code always_ff} (bits 31:24); waived, Verilator 5.006 freezes
 * bits 0-23. When the file has exactly that shape, a copy with the two parts as separate
 * signals is built instead (the RTL's own behaviour) and the explanation says so; any other
 * BLKANDNBLK variable is refused with its name and the fix.
 */
public final class BioRtlBuild {

    /** The BIO wrapper the harness drives. */
    public static final String TOP = "bio_bdma_wrapper";

    /** The RTL files, by name, with where a Baochip-1x checkout keeps them. */
    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        String bio = "rtl/modules/bio_bdma/rtl/";
        String lib = "rtl/modules/bio_bdma/lib/";
        FILES.put("axi_pkg.sv", "rtl/ips/axi-master/src/");
        FILES.put("daric_cfg_pkg.sv", "rtl/asic_top/rtl/");
        FILES.put("template.sv", "rtl/modules/common/rtl/");
        FILES.put("amba_interface_def.sv", "rtl/modules/common/rtl/");
        FILES.put("io_interface_def.sv", "rtl/modules/common/rtl/");
        FILES.put("amba_components.sv", "rtl/modules/amba/rtl/");
        FILES.put("apb_sfr.sv", "rtl/modules/amba/rtl/");
        FILES.put("icg.v", "rtl/modules/model/rtl/");
        FILES.put("ram_1rw_s.sv", bio);
        FILES.put("bioram1kx32.v", "verilate/sim_support/");
        FILES.put("arbiter.v", "rtl/modules/vexriscv/lib/");
        FILES.put("priority_encoder.v", "rtl/modules/vexriscv/lib/");
        FILES.put("regfifo.v", bio);
        FILES.put("pio_divider.v", bio);
        FILES.put("picorv32.v", bio);
        FILES.put("cdc_blinded.v", lib);
        FILES.put("cdc_level_to_pulse.sv", lib);
        for (String f : List.of("axil_cdc.v", "axil_cdc_rd.v", "axil_cdc_wr.v", "axil_crossbar.v",
                "axil_crossbar_addr.v", "axil_crossbar_rd.v", "axil_crossbar_wr.v", "axil_reg_if.v",
                "axil_reg_if_rd.v", "axil_reg_if_wr.v", "axil_register_rd.v", "axil_register_wr.v")) {
            FILES.put(f, lib);
        }
        for (String f : List.of("axi2ahb.v", "axi2ahb_cmd.v", "axi2ahb_ctrl.v", "axi2ahb_rd_fifo.v",
                "axi2ahb_wr_fifo.v", "prgen_fifo.v")) {
            FILES.put(f, "deps/axi2ahb/");
        }
        FILES.put("bio_bdma.sv", bio);
        FILES.put("bio_bdma_wrapper.sv", bio);
    }

    private static final String HARNESS = "/tandem/dut/bio/bio_harness.cpp";
    private static final String VLT = "/tandem/dut/bio/bio_harness.vlt";
    private static final String SPLIT_DECLARATION = "logic [31:0] aggregated_events;";
    private static final String SPLIT_FF = "aggregated_events[i + 24] <=";
    private static final String SPLIT_PORT = ".q(aggregated_events[23:0])";

    private final BuildCache cache;
    private final PrintStream log;

    /** Builds into {@code cache}, saying what it does on {@code log}. */
    public BioRtlBuild(BuildCache cache, PrintStream log) {
        this.cache = cache;
        this.log = log;
    }

    /**
     * The harness executable for the RTL {@code given} names (one folder, or files and .f lists);
     * {@code traced} builds it with Verilator's VCD tracing (its {@code vcd=FILE:FROM:TO} argument).
     *
     * @throws TandemException naming the missing file, the refused warning or Verilator's error
     */
    public Path build(List<Path> given, boolean traced) {
        for (Path p : given) {
            if (!Files.exists(p)) {
                throw new TandemException(p + ": no such BIO RTL file or folder");
            }
        }
        Path work = cache.root().resolve("bio-sources");
        List<Path> sources = given.size() == 1 && Files.isDirectory(given.get(0))
                ? locate(given.get(0)) : List.copyOf(given);
        List<Path> inputs = new ArrayList<>();
        for (Path p : sources) {
            inputs.add(p.getFileName().toString().equals("bio_bdma.sv") ? splitAggregatedEvents(p, work) : p);
        }
        Path list = work.resolve("bio-" + BuildCache.hash(inputs.toString().getBytes(StandardCharsets.UTF_8)) + ".f");
        StringBuilder f = new StringBuilder("// BIO sources as Tandem builds them (generated)\n+define+SIM\n--no-timing\n");
        // the sources `include each other by bare name (template.sv): every source folder is an include folder
        inputs.stream().filter(p -> !p.toString().endsWith(".f")).map(p -> p.toAbsolutePath().getParent()).distinct()
                .forEach(dir -> f.append("+incdir+").append(dir).append('\n'));
        for (Path p : inputs) {
            f.append(p.toString().endsWith(".f") ? "-f " : "").append(p.toAbsolutePath()).append('\n');
        }
        write(list, f.toString().getBytes(StandardCharsets.UTF_8));
        PreparedRtl prepared = RtlPreparation.prepare(List.of(list), TOP, cache.root().resolve("prepared"));
        prepared.explanation().forEach(line -> log.println("tandem: " + line));
        return verilate(prepared, traced);
    }

    private Path verilate(PreparedRtl prepared, boolean traced) {
        byte[] harness = resource(HARNESS);
        byte[] vlt = resource(VLT);
        List<byte[]> parts = new ArrayList<>(List.of(harness, vlt,
                VerilatorBuild.verilatorVersion().getBytes(StandardCharsets.UTF_8),
                String.join("\n", prepared.verilatorArgs()).getBytes(StandardCharsets.UTF_8),
                prepared.top().getBytes(StandardCharsets.UTF_8), traced ? new byte[] {1} : new byte[0]));
        for (Path p : prepared.files()) {
            parts.add(read(p));
        }
        String key = BuildCache.hash(parts.toArray(new byte[0][]));
        Path exe = cache.entry("bio-rtl", key).resolve("obj").resolve("V" + prepared.top());
        if (Files.isExecutable(exe)) {
            log.println("tandem: Verilated BIO RTL" + (traced ? " (traced)" : "") + ": cache hit ("
                    + exe.getParent().getParent() + ")");
            return exe;
        }
        Path stage = cache.staging("bio-rtl");
        write(stage.resolve("bio_harness.cpp"), harness);
        write(stage.resolve("bio_harness.vlt"), vlt);
        List<String> command = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "2", "-O2",
                "-Wno-fatal", "-Wno-lint", "-Wno-style", "--top-module", prepared.top(), "-CFLAGS", "-O2",
                "-MAKEFLAGS", "OPT_FAST=-O2", "-Mdir", stage.resolve("obj").toString()));
        if (traced) {
            command.addAll(List.of("--trace", "-CFLAGS", "-DTANDEM_TRACE"));
        }
        command.addAll(prepared.verilatorArgs());
        command.add(stage.resolve("bio_harness.vlt").toString());
        prepared.files().forEach(p -> command.add(p.toString()));
        command.add(stage.resolve("bio_harness.cpp").toString());
        long start = System.nanoTime();
        log.println("tandem: Verilating the BIO RTL (top " + prepared.top() + (traced ? ", traced" : "")
                + "), a few minutes on a busy machine ...");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(stage.resolve("build.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new TandemException("Verilator could not build the BIO RTL; see " + stage.resolve("build.log"));
            }
        } catch (IOException e) {
            throw new TandemException("cannot run verilator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while Verilating the BIO RTL");
        }
        Path entry = cache.publish(stage, "bio-rtl", key);
        log.printf("tandem: Verilated BIO RTL in %.1f s (cached in %s)%n", (System.nanoTime() - start) / 1e9, entry);
        return entry.resolve("obj").resolve("V" + prepared.top());
    }

    /**
     * {@code file} as given, or — when it drives {@code aggregated_events} as the tape-out RTL
     * does — a copy in {@code work} with the port-driven and the flop-driven parts as two signals.
     */
    Path splitAggregatedEvents(Path file, Path work) {
        String text = new String(read(file), StandardCharsets.UTF_8);
        if (!text.contains(SPLIT_DECLARATION) || !text.contains(SPLIT_FF) || !text.contains(SPLIT_PORT)) {
            return file;
        }
        String split = text.replace(SPLIT_DECLARATION, SPLIT_DECLARATION
                        + " logic [23:0] aggregated_events_lo; logic [7:0] aggregated_events_hi;"
                        + " assign aggregated_events = {aggregated_events_hi, aggregated_events_lo};")
                .replace(SPLIT_FF, "aggregated_events_hi[i] <=")
                .replace(SPLIT_PORT, ".q(aggregated_events_lo)");
        byte[] bytes = split.getBytes(StandardCharsets.UTF_8);
        Path copy = work.resolve(BuildCache.hash(bytes)).resolve("bio_bdma.sv");
        write(copy, bytes);
        log.println("tandem: " + file + ": aggregated_events is driven by a port (bits 23:0) and an always_ff"
                + " (bits 31:24), which Verilator 5.006 mis-simulates (BLKANDNBLK, never waived); building " + copy
                + ", where the two parts are separate signals");
        return copy;
    }

    /** The files of {@link #FILES} under {@code where}: at their checkout place, else by name. */
    static List<Path> locate(Path where) {
        Path root = where.toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("rtl/modules/bio_bdma"))) {
            root = root.getParent();
        }
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root != null ? root : where, 8)) {
            walk.filter(Files::isRegularFile).forEach(f -> byName.putIfAbsent(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new TandemException(where + ": cannot read: " + e.getMessage());
        }
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path known = root == null ? null : root.resolve(e.getValue()).resolve(e.getKey());
            if (known != null && Files.isRegularFile(known)) {
                found.add(known);
            } else if (byName.containsKey(e.getKey())) {
                found.add(byName.get(e.getKey()));
            } else {
                missing.add(e.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new TandemException(where + ": not a Baochip-1x BIO RTL folder: missing " + String.join(", ", missing));
        }
        return found;
    }

    private static byte[] resource(String name) {
        try (InputStream in = BioRtlBuild.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new TandemException(p + ": cannot read: " + e.getMessage());
        }
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }
}
