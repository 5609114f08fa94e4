package tandem.golden.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest ELF on {@code qemu-system-riscv32 -M virt -bios none}: the console is the
 * ns16550 UART on stdio and the exit status is the SiFive test finisher's code (QEMU passes the
 * low 8 bits of {@code code} to {@code exit}).
 */
public final class QemuRunner {

    /** The package to install when QEMU is missing. */
    public static final String INSTALL_HINT =
            "install qemu-system-misc (apt-get install qemu-system-misc)";

    private final String binary;

    /** QEMU from PATH, or the binary named by {@code TANDEM_QEMU}. */
    public QemuRunner() {
        this.binary = System.getenv().getOrDefault("TANDEM_QEMU", "qemu-system-riscv32");
    }

    /** The command line for {@code elf}, with {@code extra} QEMU options appended. */
    public List<String> command(Path elf, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(binary, "-M", "virt", "-bios", "none", "-smp", "1",
                "-m", "128M", "-display", "none", "-serial", "stdio", "-monitor", "none",
                "-no-reboot", "-kernel", elf.toString()));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /**
     * Runs {@code elf} until the finisher stops QEMU or {@code timeout} passes.
     *
     * @throws AssertionError naming the package to install when QEMU is missing
     */
    public GuestResult run(Path elf, Duration timeout, String... extra) {
        List<String> cmd = command(elf, extra);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError(binary + " not found: " + INSTALL_HINT, e);
        }
        try {
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the process was killed; keep what was read
                }
            });
            reader.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join(5000);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            synchronized (out) {
                if (!finished) {
                    return new GuestResult(-1, out.toString(), "qemu timed out after " + timeout.toSeconds() + " s");
                }
                return new GuestResult(p.exitValue(), out.toString(),
                        "qemu exited with status " + p.exitValue() + (err.isEmpty() ? "" : ": " + err));
            }
        } catch (InterruptedException | IOException e) {
            p.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("running " + String.join(" ", cmd), e);
        }
    }
}
