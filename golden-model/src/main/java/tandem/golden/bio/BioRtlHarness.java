package tandem.golden.bio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tandem.golden.TandemException;

/**
 * The user's Baochip-1x BIO RTL Verilated with Tandem's harness ({@code rtl/bio_harness.cpp}
 * beside this class): it resets the block, loads programs through the code-window APB ports,
 * writes QDIV and CTRL, and prints pin, FIFO-level and pc events cycle by cycle (the line
 * format is in the harness's header). The RTL is found in a Baochip-1x checkout or any folder
 * holding the files of {@link #FILES}; it is never copied anywhere but the build directory.
 *
 * <p>Builds are cached under a directory named by the hash of every input. Verilator 5.006
 * mis-simulates {@code aggregated_events} (blocking and non-blocking drivers of one variable,
 * warning BLKANDNBLK), so the build works on a copy of {@code bio_bdma.sv} with that signal split
 * into its two driven parts, which is the RTL's own behaviour.
 */
public final class BioRtlHarness {

    /** The RTL files, by name, with where a Baochip-1x checkout keeps them. */
    public static final Map<String, String> FILES;

    static {
        Map<String, String> files = new LinkedHashMap<>();
        String bio = "rtl/modules/bio_bdma/rtl/";
        String lib = "rtl/modules/bio_bdma/lib/";
        files.put("axi_pkg.sv", "rtl/ips/axi-master/src/");
        files.put("daric_cfg_pkg.sv", "rtl/asic_top/rtl/");
        files.put("template.sv", "rtl/modules/common/rtl/");
        files.put("amba_interface_def.sv", "rtl/modules/common/rtl/");
        files.put("io_interface_def.sv", "rtl/modules/common/rtl/");
        files.put("amba_components.sv", "rtl/modules/amba/rtl/");
        files.put("apb_sfr.sv", "rtl/modules/amba/rtl/");
        files.put("icg.v", "rtl/modules/model/rtl/");
        files.put("ram_1rw_s.sv", bio);
        files.put("bioram1kx32.v", "verilate/sim_support/");
        files.put("arbiter.v", "rtl/modules/vexriscv/lib/");
        files.put("priority_encoder.v", "rtl/modules/vexriscv/lib/");
        files.put("regfifo.v", bio);
        files.put("pio_divider.v", bio);
        files.put("picorv32.v", bio);
        files.put("cdc_blinded.v", lib);
        files.put("cdc_level_to_pulse.sv", lib);
        for (String f : List.of("axil_cdc.v", "axil_cdc_rd.v", "axil_cdc_wr.v", "axil_crossbar.v",
                "axil_crossbar_addr.v", "axil_crossbar_rd.v", "axil_crossbar_wr.v", "axil_reg_if.v",
                "axil_reg_if_rd.v", "axil_reg_if_wr.v", "axil_register_rd.v", "axil_register_wr.v")) {
            files.put(f, lib);
        }
        for (String f : List.of("axi2ahb.v", "axi2ahb_cmd.v", "axi2ahb_ctrl.v", "axi2ahb_rd_fifo.v",
                "axi2ahb_wr_fifo.v", "prgen_fifo.v")) {
            files.put(f, "deps/axi2ahb/");
        }
        files.put("bio_bdma.sv", bio);
        files.put("bio_bdma_wrapper.sv", bio);
        FILES = Collections.unmodifiableMap(files);
    }

    private final Path executable;

    private BioRtlHarness(Path executable) {
        this.executable = executable;
    }

    /**
     * Finds the RTL from {@code where} (a Baochip-1x checkout or any folder inside it, or a flat
     * folder with the files), and Verilates it under {@code cacheRoot}, reusing an earlier build
     * of the same inputs.
     *
     * @throws TandemException naming the missing files, or the build log when Verilator fails
     */
    public static BioRtlHarness build(Path where, Path cacheRoot) {
        try {
            Map<String, Path> found = locate(where);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : found.values()) {
                sha.update(Files.readAllBytes(f));
            }
            byte[] harnessSource = resource("rtl/bio_harness.cpp");
            byte[] vlt = resource("rtl/bio_harness.vlt");
            sha.update(harnessSource);
            sha.update(vlt);
            String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            Path dir = cacheRoot.resolve(hash).toAbsolutePath();
            Path exe = dir.resolve("obj").resolve("Vbio_bdma_wrapper");
            if (Files.isExecutable(exe)) {
                return new BioRtlHarness(exe);
            }
            Path src = dir.resolve("src");
            Files.createDirectories(src);
            List<String> command = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "2", "-O2",
                    "-Wno-fatal", "-Wno-WIDTH", "-Wno-PINMISSING", "-Wno-lint", "-Wno-style", "+define+SIM", "--no-timing",
                    "--top-module", "bio_bdma_wrapper", "-I" + src, "-CFLAGS", "-O2", "-Mdir", dir.resolve("obj").toString()));
            Files.write(dir.resolve("bio_harness.vlt"), vlt);
            command.add(dir.resolve("bio_harness.vlt").toString());
            for (Map.Entry<String, Path> e : found.entrySet()) {
                Path copy = src.resolve(e.getKey());
                if (e.getKey().equals("bio_bdma.sv")) {
                    Files.writeString(copy, splitAggregatedEvents(Files.readString(e.getValue()), e.getValue()));
                } else {
                    Files.copy(e.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
                }
                command.add(copy.toString());
            }
            Path cpp = dir.resolve("bio_harness.cpp");
            Files.write(cpp, harnessSource);
            command.add(cpp.toString());
            Path log = dir.resolve("build.log");
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new TandemException("cannot run verilator (apt-get install verilator): " + e.getMessage(), e);
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isExecutable(exe)) {
                throw new TandemException("Verilator could not build the BIO RTL; see " + log);
            }
            return new BioRtlHarness(exe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while Verilating the BIO RTL", e);
        }
    }

    /** The built simulator. */
    public Path executable() {
        return executable;
    }

    /**
     * Runs the harness with {@code args} (CYCLES CTRL WATCH, then {@code N=file.bin},
     * {@code qdivN=VALUE}, {@code push@CYCLE:FIFO=VALUE}, {@code read=FIFO:COUNT}) and returns its
     * event lines, or with {@code discard} none (for timing runs, where printing would dominate).
     *
     * @throws TandemException when the harness fails or runs for more than ten minutes
     */
    public List<String> run(List<String> args, boolean discard) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            if (discard) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process p = builder.start();
            List<String> lines = List.of();
            if (!discard) {
                try (InputStream in = p.getInputStream()) {
                    lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .filter(l -> l.matches("^(O|L|C|P|R) .*|^[0-9]+ out=.*")).toList();
                }
            }
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new TandemException("BIO RTL harness failed: " + String.join(" ", command));
            }
            return lines;
        } catch (IOException e) {
            throw new TandemException("cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running the BIO RTL", e);
        }
    }

    /**
     * {@code aggregated_events} has a continuous driver for bits 23:0 and an always_ff for 31:24;
     * Verilator 5.006 needs them as two variables (waived, it freezes bits 23:0).
     */
    static String splitAggregatedEvents(String text, Path file) {
        String declaration = "logic [31:0] aggregated_events;";
        String ff = "aggregated_events[i + 24] <=";
        String scc = ".q(aggregated_events[23:0])";
        if (!text.contains(declaration) || !text.contains(ff) || !text.contains(scc)) {
            throw new TandemException(file + ": aggregated_events is not declared and driven as in the tape-out RTL;"
                    + " cannot split it for Verilator");
        }
        return text.replace(declaration, declaration
                        + " logic [23:0] aggregated_events_lo; logic [7:0] aggregated_events_hi;"
                        + " assign aggregated_events = {aggregated_events_hi, aggregated_events_lo};")
                .replace(ff, "aggregated_events_hi[i] <=")
                .replace(scc, ".q(aggregated_events_lo)");
    }

    private static Map<String, Path> locate(Path where) throws IOException {
        if (!Files.isDirectory(where)) {
            throw new TandemException("TANDEM_BIO_RTL=" + where + ": not a folder");
        }
        Path root = where.toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("rtl/modules/bio_bdma"))) {
            root = root.getParent();
        }
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(where, 6)) {
            walk.filter(Files::isRegularFile).forEach(f -> byName.putIfAbsent(f.getFileName().toString(), f));
        }
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path known = root == null ? null : root.resolve(e.getValue()).resolve(e.getKey());
            if (known != null && Files.isRegularFile(known)) {
                found.put(e.getKey(), known);
            } else if (byName.containsKey(e.getKey())) {
                found.put(e.getKey(), byName.get(e.getKey()));
            } else {
                missing.add(e.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new TandemException("TANDEM_BIO_RTL=" + where + ": missing " + String.join(", ", missing));
        }
        return found;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BioRtlHarness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside BioRtlHarness");
            }
            return in.readAllBytes();
        }
    }
}
