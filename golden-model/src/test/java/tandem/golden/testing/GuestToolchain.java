package tandem.golden.testing;

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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds guest programs at test time with Debian's {@code riscv64-unknown-elf-gcc} for the
 * {@code virt} layout (RAM at 0x8000_0000, UART 0x1000_0000, finisher 0x0010_0000, CLINT
 * 0x0200_0000; see {@code tandem/golden/guest/virt.ld}).
 *
 * <p>Sources are classpath resources (or generated text). Their {@code #include "..."} files are
 * found next to them or in {@code tandem/golden/guest/}. Each build is cached under
 * {@code target/guest/<name>-<hash>/} keyed by every input byte, the flags and the compiler, so
 * a rerun costs nothing. A missing toolchain is a test failure naming the Debian packages,
 * never a skip.
 *
 * <p>Assembly guests build with {@code -mno-relax} as well as {@code -Wl,--no-relax}: with only
 * the linker's relaxation off, GNU as leaves {@code .balign} padding for the linker to trim and
 * code ends up misaligned.
 */
public final class GuestToolchain {

    /** The packages to install when the compiler is missing. */
    public static final String INSTALL_HINT =
            "install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf "
            + "(apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf)";

    /** Architecture flags for every guest: RV32IMAC with Zicsr/Zifencei, ilp32. */
    public static final List<String> ARCH = List.of(
            "-march=rv32imac_zicsr_zifencei", "-mabi=ilp32");

    private static final String GUEST_DIR = "tandem/golden/guest/";
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static GuestToolchain instance;

    private final String gcc;
    private final String identity;
    private final Path cacheDir;

    private GuestToolchain(String prefix, String identity, Path cacheDir) {
        this.gcc = prefix + "gcc";
        this.identity = identity;
        this.cacheDir = cacheDir;
    }

    /**
     * The toolchain on PATH (prefix {@code riscv64-unknown-elf-}, or the one named by the
     * {@code TANDEM_RISCV_PREFIX} environment variable).
     *
     * @throws AssertionError naming the packages to install when the compiler is missing
     */
    public static synchronized GuestToolchain get() {
        if (instance == null) {
            String prefix = System.getenv().getOrDefault("TANDEM_RISCV_PREFIX", "riscv64-unknown-elf-");
            String version;
            try {
                Process p = new ProcessBuilder(prefix + "gcc", "--version").redirectErrorStream(true).start();
                version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new AssertionError(prefix + "gcc does not run: " + INSTALL_HINT);
                }
            } catch (IOException e) {
                throw new AssertionError(prefix + "gcc not found: " + INSTALL_HINT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while probing " + prefix + "gcc", e);
            }
            Path cache = Path.of(System.getProperty("tandem.guest.cache", "target/guest")).toAbsolutePath();
            instance = new GuestToolchain(prefix, version.lines().findFirst().orElse(""), cache);
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
        String key = hash(files, flags);
        Path dir = cacheDir.resolve(name + "-" + key);
        Path elf = dir.resolve(name + ".elf");
        if (Files.isRegularFile(elf)) {
            return elf;
        }
        try {
            Files.createDirectories(cacheDir);
            Path work = Files.createTempDirectory(cacheDir, name + "-tmp");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(work.resolve(f.getKey()), f.getValue());
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(gcc);
            cmd.addAll(ARCH);
            cmd.add("-g");
            cmd.add("-I" + work);
            cmd.add("-T" + work.resolve("virt.ld"));
            cmd.add("-Wl,--no-warn-rwx-segments");
            List<String> libs = new ArrayList<>();
            for (String f : flags) {
                if (f.startsWith("-l")) {
                    libs.add(f);
                } else {
                    cmd.add(f);
                }
            }
            cmd.add("-o");
            cmd.add(work.resolve(name + ".elf").toString());
            for (Source s : sources) {
                if (!s.fileName().endsWith(".h")) {
                    cmd.add(work.resolve(s.fileName()).toString());
                }
            }
            cmd.addAll(libs);
            try {
                run(cmd, work);
            } catch (AssertionError failed) {
                Path kept = cacheDir.resolve(name + "-" + key + "-failed");
                deleteTree(kept);
                Files.move(work, kept, StandardCopyOption.ATOMIC_MOVE);
                throw new AssertionError(failed.getMessage() + "\n(sources kept in " + kept + ")", failed);
            }
            try {
                Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isRegularFile(elf)) {
                    throw raced;
                }
            }
            return elf;
        } catch (IOException e) {
            throw new UncheckedIOException("building guest " + name, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String run(List<String> cmd, Path dir) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("guest build failed: " + String.join(" ", cmd) + "\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(cmd.get(0) + " not found: " + INSTALL_HINT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", cmd), e);
        }
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

    private String hash(Map<String, byte[]> files, List<String> flags) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(identity.getBytes(StandardCharsets.UTF_8));
            for (String f : flags) {
                md.update((f + "\0").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                md.update((f.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                md.update(f.getValue());
            }
            return HexFormat.of().formatHex(md.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseName(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }
}
