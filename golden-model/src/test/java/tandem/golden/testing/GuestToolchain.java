package tandem.golden.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.toolchain.BuildCache;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Builds guest programs at test time with Debian's {@code riscv64-unknown-elf-gcc} for the
 * {@code virt} layout (RAM at 0x8000_0000, UART 0x1000_0000, finisher 0x0010_0000, CLINT
 * 0x0200_0000; see {@code tandem/golden/guest/virt.ld}).
 *
 * <p>Sources are classpath resources (or generated text). Their {@code #include "..."} files are
 * found next to them or in {@code tandem/golden/guest/}. Each build is cached under
 * {@code target/guest/<name>-<hash>/} keyed by every input byte, the flags and the compiler, so
 * a rerun costs nothing (a {@link BuildCache}). A missing toolchain is a test failure naming the
 * Debian packages ({@link CrossToolchain#find()}), never a skip.
 *
 * <p>Assembly guests build with {@code -mno-relax} as well as {@code -Wl,--no-relax}: with only
 * the linker's relaxation off, GNU as leaves {@code .balign} padding for the linker to trim and
 * code ends up misaligned.
 */
public final class GuestToolchain {

    /** Architecture flags for every guest: RV32IMAC with Zicsr/Zifencei, ilp32. */
    public static final List<String> ARCH = List.of(
            "-march=rv32imac_zicsr_zifencei", "-mabi=ilp32");

    private static final String GUEST_DIR = "tandem/golden/guest/";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static GuestToolchain instance;

    private final CrossToolchain toolchain;
    private final BuildCache cache;

    private GuestToolchain(CrossToolchain toolchain, BuildCache cache) {
        this.toolchain = toolchain;
        this.cache = cache;
    }

    /**
     * The cross toolchain of this machine, with builds cached under {@code target/guest} (or the
     * directory the {@code tandem.guest.cache} system property names).
     *
     * @throws tandem.golden.TandemException naming the packages to install when the compiler is missing
     */
    public static synchronized GuestToolchain get() {
        if (instance == null) {
            Path cache = Path.of(System.getProperty("tandem.guest.cache", "target/guest"));
            instance = new GuestToolchain(CrossToolchain.find(), new BuildCache(cache));
        }
        return instance;
    }

    /**
     * One input file of a build.
     *
     * @param fileName name in the build directory
     * @param content the bytes
     * @param resourceDir classpath folder searched first for its includes
     */
    public record Source(String fileName, byte[] content, String resourceDir) {
        /** A source given as text; its includes come from {@code tandem/golden/guest/}. */
        public static Source text(String fileName, String text) {
            return new Source(fileName, text.getBytes(StandardCharsets.UTF_8), GUEST_DIR);
        }

        /** A classpath resource such as {@code tandem/golden/mmu/sv32_remap.S}. */
        public static Source resource(String resource) {
            int slash = resource.lastIndexOf('/') + 1;
            return new Source(resource.substring(slash), readResource(resource), resource.substring(0, slash));
        }
    }

    /**
     * Builds a directed assembly test: the resource (e.g. {@code tandem/golden/mmu/sv32_remap.S})
     * linked with {@code tandem_runtime.S}, with optional {@code -D} defines such as
     * {@code TANDEM_QEMU}.
     */
    public Path assembleTest(String resource, String... defines) {
        List<Source> sources = new ArrayList<>();
        sources.add(resourceSource(resource));
        sources.add(resourceSource(GUEST_DIR + "tandem_runtime.S"));
        List<String> flags = new ArrayList<>(List.of("-nostdlib", "-nostartfiles", "-mno-relax", "-Wl,--no-relax"));
        for (String d : defines) {
            flags.add("-D" + d);
        }
        return build(baseName(resource), sources, flags);
    }

    /** Like {@link #assembleTest} for a test program given as text. */
    public Path assembleTestSource(String name, String text, String... defines) {
        List<Source> sources = List.of(Source.text(name + ".S", text), resourceSource(GUEST_DIR + "tandem_runtime.S"));
        List<String> flags = new ArrayList<>(List.of("-nostdlib", "-nostartfiles", "-mno-relax", "-Wl,--no-relax"));
        for (String d : defines) {
            flags.add("-D" + d);
        }
        return build(name, sources, flags);
    }

    /**
     * Links {@code sources} (plus every file they include) into {@code <name>.elf} with the
     * {@code virt} linker script, reusing a cached build with identical inputs.
     */
    public Path build(String name, List<Source> sources, List<String> flags) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("virt.ld", readResource(GUEST_DIR + "virt.ld"));
        for (Source s : sources) {
            files.put(s.fileName(), s.content());
        }
        for (Source s : sources) {
            collectIncludes(s.content(), s.resourceDir(), files);
        }
        List<String> settings = new ArrayList<>(flags);
        settings.add(toolchain.version());
        Path dir = cache.directory(name, files, settings, work -> {
            List<String> args = new ArrayList<>(ARCH);
            args.add("-g");
            args.add("-I" + work);
            args.add("-T" + work.resolve("virt.ld"));
            args.add("-Wl,--no-warn-rwx-segments");
            List<String> libs = new ArrayList<>();
            for (String f : flags) {
                if (f.startsWith("-l")) {
                    libs.add(f);
                } else {
                    args.add(f);
                }
            }
            args.add("-o");
            args.add(work.resolve(name + ".elf").toString());
            for (Source s : sources) {
                if (!s.fileName().endsWith(".h")) {
                    args.add(work.resolve(s.fileName()).toString());
                }
            }
            args.addAll(libs);
            toolchain.run(work, "gcc", args);
        });
        return dir.resolve(name + ".elf");
    }

    private static Source resourceSource(String resource) {
        return Source.resource(resource);
    }

    private void collectIncludes(byte[] content, String dir, Map<String, byte[]> files) {
        Matcher m = INCLUDE.matcher(new String(content, StandardCharsets.UTF_8));
        while (m.find()) {
            String name = m.group(1);
            if (files.containsKey(name)) {
                continue;
            }
            String foundDir = dir;
            byte[] found = tryReadResource(dir + name);
            if (found == null) {
                foundDir = GUEST_DIR;
                found = tryReadResource(GUEST_DIR + name);
            }
            if (found == null) {
                throw new AssertionError("guest include \"" + name + "\" not found in " + dir + " or " + GUEST_DIR);
            }
            files.put(name, found);
            collectIncludes(found, foundDir, files);
        }
    }

    /** Reads a classpath resource; fails the test when it is missing. */
    public static byte[] readResource(String resource) {
        byte[] b = tryReadResource(resource);
        if (b == null) {
            throw new AssertionError("missing test resource " + resource);
        }
        return b;
    }

    private static byte[] tryReadResource(String resource) {
        try (InputStream in = GuestToolchain.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static String baseName(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }
}
