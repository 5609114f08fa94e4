package tandem.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.platform.Platform;
import tandem.golden.toolchain.CrossToolchain;

/**
 * The golden model's directed assembly tests ({@code golden-model/src/test/resources/tandem/golden}),
 * written for QEMU's {@code virt} machine, rebuilt for the Baochip-1x platform. Only the harness
 * moves: the program is linked into Baochip-1x SRAM (0x6100_0000, which the core caches), and the
 * finisher, UART and CLINT the runtime talks to sit in 0xA000_0000.., a range the Baochip-1x core
 * always accesses uncached (top nibble A), so every device access reaches the bus in program
 * order. The tests' own code and checks are unchanged.
 */
public final class BaochipHarness {

    /** Where the directed tests live, relative to a module's directory (surefire's working directory). */
    public static final Path DIRECTED = Path.of("..", "golden-model", "src", "test", "resources", "tandem", "golden");

    /** Load address of the rebuilt programs: Baochip-1x SRAM. */
    public static final long SRAM = 0x6100_0000L;

    /** The harness devices, in the core's fixed uncached range. */
    public static final long FINISHER = 0xA000_0000L;
    /** ns16550 UART for the FAIL lines. */
    public static final long UART = 0xA001_0000L;
    /** CLINT (msip, mtimecmp, mtime) for the timer and software-interrupt tests. */
    public static final long CLINT = 0xA200_0000L;

    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private BaochipHarness() {
    }

    /** The Baochip-1x platform with the harness's finisher, UART and CLINT added. */
    public static Platform platform() {
        String text;
        try (InputStream in = Platform.class.getResourceAsStream("/tandem/golden/platform/baochip-1x.platform")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the baochip-1x platform", e);
        }
        text += String.format("%n# Test harness devices, uncached on the Baochip-1x core (top nibble A).%n"
                + "device    finisher  sifive-test 0x%08x  0x1000%n"
                + "device    uart0     ns16550     0x%08x  0x100%n"
                + "device    clint     clint       0x%08x  0x10000  cycles-per-tick=10%n", FINISHER, UART, CLINT);
        return Platform.parse("baochip-1x.platform + test harness", text);
    }

    /** The directed programs, as {@code group/name.S} (e.g. {@code isa/rvc.S}), in a stable order. */
    public static List<String> directedPrograms() {
        List<String> out = new ArrayList<>();
        for (String group : List.of("isa", "csr", "mmu", "trap")) {
            try (var files = Files.list(DIRECTED.resolve(group))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".S")).sorted()
                        .forEach(n -> out.add(group + "/" + n));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list the directed tests in " + DIRECTED.toAbsolutePath(), e);
            }
        }
        return out;
    }

    /**
     * Assembles directed program {@code program} ({@code group/name.S}) with the runtime for the
     * Baochip-1x harness; returns the ELF.
     */
    public static Path build(String program) throws IOException {
        String name = program.substring(program.indexOf('/') + 1).replace(".S", "");
        Path work = Path.of("target", "baochip-directed", name).toAbsolutePath();
        Files.createDirectories(work);
        Path guest = DIRECTED.resolve("guest");
        Set<String> copied = new HashSet<>(List.of("virt.h"));
        copyWithIncludes(DIRECTED.resolve(program), work, copied);
        copyWithIncludes(guest.resolve("tandem_runtime.S"), work, copied);
        Files.writeString(work.resolve("virt.h"), relocatedHeader(Files.readString(guest.resolve("virt.h"))));
        Files.writeString(work.resolve("virt.ld"), Files.readString(guest.resolve("virt.ld"))
                .replace("ORIGIN = 0x80000000, LENGTH = 4M", String.format("ORIGIN = 0x%08x, LENGTH = 2M", SRAM)));
        Path elf = work.resolve(name + ".elf");
        CrossToolchain.find().run(work, "gcc", List.of("-march=rv32imac_zicsr_zifencei", "-mabi=ilp32", "-g",
                "-nostdlib", "-nostartfiles", "-mno-relax", "-Wl,--no-relax", "-Wl,--no-warn-rwx-segments",
                "-I" + work, "-T" + work.resolve("virt.ld"), "-o", elf.toString(),
                work.resolve(name + ".S").toString(), work.resolve("tandem_runtime.S").toString()));
        return elf;
    }

    /** virt.h with the device and RAM addresses of the harness; everything else as written. */
    static String relocatedHeader(String header) {
        String out = header;
        out = define(out, "VIRT_FINISHER", FINISHER);
        out = define(out, "VIRT_CLINT", CLINT);
        out = define(out, "VIRT_CLINT_MSIP", CLINT);
        out = define(out, "VIRT_CLINT_MTIMECMP", CLINT + 0x4000);
        out = define(out, "VIRT_CLINT_MTIME", CLINT + 0xBFF8);
        out = define(out, "VIRT_UART", UART);
        return define(out, "VIRT_RAM", SRAM);
    }

    private static String define(String header, String macro, long value) {
        Matcher m = Pattern.compile("(?m)^#define " + macro + "\\s+0x[0-9A-Fa-f]+$").matcher(header);
        if (!m.find()) {
            throw new IllegalStateException("virt.h no longer defines " + macro + " as an address");
        }
        return m.replaceFirst(String.format("#define %s 0x%08X", macro, value));
    }

    private static void copyWithIncludes(Path file, Path work, Set<String> copied) throws IOException {
        String text = Files.readString(file);
        Files.writeString(work.resolve(file.getFileName().toString()), text);
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            String inc = m.group(1);
            if (copied.add(inc)) {
                Path beside = file.resolveSibling(inc);
                copyWithIncludes(Files.exists(beside) ? beside : DIRECTED.resolve("guest").resolve(inc), work, copied);
            }
        }
    }
}
