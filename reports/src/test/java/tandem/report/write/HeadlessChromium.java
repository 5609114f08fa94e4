package tandem.report.write;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a page in Debian's Chromium, headless, and returns the DOM after load and the console
 * messages the page produced. Chromium 12x logs every console message (log, warning, error,
 * CSP violation, uncaught exception) as {@code INFO:CONSOLE} on stderr without its level, so
 * callers treat any message from the page as a problem.
 */
final class HeadlessChromium {

    static final String INSTALL_HINT = "Chromium is needed to render the report: apt-get install chromium "
            + "(or set TANDEM_CHROMIUM to the browser binary)";

    /** What the browser made of a page. */
    record Rendered(String dom, List<String> consoleMessages, String stderr) {
    }

    private HeadlessChromium() {
    }

    /** The browser binary, or a test failure naming the package to install. */
    static Path executable() {
        String env = System.getenv("TANDEM_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return Files.isExecutable(Path.of(env)) ? Path.of(env)
                    : fail("TANDEM_CHROMIUM=" + env + " is not executable. " + INSTALL_HINT);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return fail(INSTALL_HINT);
    }

    /** Renders {@code page} with a fresh profile in {@code scratch}. */
    static Rendered render(Path page, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile"));
        Path out = scratch.resolve("dom.html");
        Path err = scratch.resolve("chromium.log");
        List<String> cmd = List.of(executable().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--dump-dom", page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 90 s; its log: " + err);
        }
        String stderr = Files.readString(err);
        if (p.exitValue() != 0) {
            fail("chromium exited with " + p.exitValue() + ":\n" + stderr);
        }
        List<String> console = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.contains(":CONSOLE")) {
                console.add(line.substring(line.indexOf(']') + 1).strip());
            }
        }
        return new Rendered(Files.readString(out), console, stderr);
    }
}
