package tandem.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * Runs a guest on {@code qemu-system-riscv32 -M virt -bios none} and measures both its wall
 * time and the CPU time (user + system, all threads) QEMU used, the latter through the shell's
 * {@code times} so it can be read after QEMU exits.
 */
public final class QemuClock {

    /** What to install when QEMU is missing. */
    public static final String INSTALL_HINT = "install qemu-system-misc (apt-get install qemu-system-misc)";

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s\\s+(\\d+)m([0-9.]+)s");
    private final String binary = System.getenv().getOrDefault("TANDEM_QEMU", "qemu-system-riscv32");

    /**
     * One timed run.
     *
     * @param console what the guest printed
     * @param wallSeconds from process start to exit
     * @param cpuSeconds user + system CPU time of QEMU
     * @param exitStatus QEMU's exit status (the finisher's code)
     */
    public record Run(String console, double wallSeconds, double cpuSeconds, int exitStatus) {
    }

    /** Runs {@code elf} and times it. */
    public Run run(Path elf) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$@\"; status=$?; times >&2; exit $status", "qemu"));
        cmd.addAll(List.of(binary, "-M", "virt", "-bios", "none", "-smp", "1", "-m", "128M",
                "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot", "-kernel", elf.toString()));
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new TandemException("bash not found: " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TandemException(elf + ": QEMU did not finish within 600 s");
            }
            double wall = (System.nanoTime() - start) / 1e9;
            if (p.exitValue() == 127) {
                throw new TandemException(binary + " not found: " + INSTALL_HINT);
            }
            Matcher m = TIMES.matcher(err);
            double cpu = Double.NaN;
            boolean first = true;
            while (m.find()) {
                if (!first) {
                    cpu = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                            + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
                }
                first = false;
            }
            return new Run(out, wall, cpu, p.exitValue());
        } catch (IOException e) {
            throw new TandemException(binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running QEMU");
        }
    }
}
