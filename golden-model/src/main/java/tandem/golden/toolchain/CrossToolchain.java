package tandem.golden.toolchain;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * Debian's RISC-V cross toolchain ({@code riscv64-unknown-elf-gcc}, {@code -as}, {@code -objcopy},
 * {@code -objdump}), run as external processes to build guest programs.
 *
 * <p>The tools are found on {@code PATH} under the prefix {@code riscv64-unknown-elf-}, or under the
 * prefix the {@code tandem.riscv.prefix} system property or the {@code TANDEM_RISCV_PREFIX}
 * environment variable names (which may include a directory).
 * A missing tool is a {@link TandemException} naming the Debian packages to install, and a tool that
 * fails is a {@link TandemException} holding its first error line, which names the source file and
 * line.
 */
public final class CrossToolchain {

    /** The command that installs the toolchain; every "missing toolchain" message names it. */
    public static final String INSTALL = "apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf";

    private static final String DEFAULT_PREFIX = "riscv64-unknown-elf-";
    private static final long TIMEOUT_SECONDS = 120;
    /** A diagnostic that names where it is: {@code prog.S:2: Error: ...}, {@code k.c:7:3: error: ...}. */
    private static final Pattern LOCATED_ERROR =
            Pattern.compile("^\\S+:\\d+:.*(?:[Ee]rror|undefined reference|multiple definition).*");

    private final String prefix;
    private String version;

    private CrossToolchain(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The toolchain on this machine, checked by looking for its {@code gcc}.
     *
     * @throws TandemException naming the packages to install when the compiler is missing
     */
    public static CrossToolchain find() {
        String prefix = System.getProperty("tandem.riscv.prefix");
        if (prefix == null || prefix.isBlank()) {
            prefix = System.getenv().getOrDefault("TANDEM_RISCV_PREFIX", DEFAULT_PREFIX);
        }
        CrossToolchain toolchain = new CrossToolchain(prefix);
        toolchain.locate("gcc");
        return toolchain;
    }

    /**
     * Runs one tool of the toolchain to completion.
     *
     * @param dir working directory of the tool, or {@code null} for this process's
     * @param tool the tool's name without the prefix: {@code gcc}, {@code as}, {@code objcopy} ...
     * @param args its arguments
     * @return what the tool printed (standard output and error together)
     * @throws TandemException when the tool is missing, fails (the message is its first error line)
     *     or does not finish within two minutes
     */
    public String run(Path dir, String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(locate(tool).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        String name = prefix + tool;
        try {
            Process p = builder.start();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TandemException(name + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new TandemException(firstError(name, output, p.exitValue()));
            }
            return output;
        } catch (IOException e) {
            throw new TandemException("cannot run " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running " + name, e);
        }
    }

    /**
     * The first line of {@code gcc --version}: builds cached by their inputs include it, so a
     * compiler upgrade rebuilds them.
     */
    public synchronized String version() {
        if (version == null) {
            version = run(null, "gcc", List.of("--version")).lines().findFirst().orElse("");
        }
        return version;
    }

    private Path locate(String tool) {
        String name = prefix + tool;
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            if (Files.isExecutable(p)) {
                return p;
            }
        } else {
            String path = System.getenv("PATH");
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        throw new TandemException(name + (name.contains(File.separator) ? " not found" : " not found on PATH")
                + "; install the RISC-V toolchain: " + INSTALL);
    }

    /**
     * The line of a failed tool's output that says what is wrong: the first diagnostic naming a
     * file and line, else the first mentioning an error, else the last line.
     */
    private static String firstError(String name, String output, int status) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines) {
            if (LOCATED_ERROR.matcher(line).matches()) {
                return line;
            }
        }
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).contains("error")) {
                return name + ": " + line;
            }
        }
        return name + " failed with status " + status + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1));
    }
}
