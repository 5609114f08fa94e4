package tandem.golden.testing;

/**
 * How a guest run ended, on QEMU or on the golden model.
 *
 * @param exitCode the finisher code: 0 for pass, else the failing check's source line (directed
 *        tests) or the program's own code; -1 when the run did not reach the finisher
 * @param console everything the guest wrote to the UART
 * @param how one line on how the run stopped (for messages)
 */
public record GuestResult(int exitCode, String console, String how) {

    /** Whether the program exited through the finisher with code 0. */
    public boolean passed() {
        return exitCode == 0;
    }

    /** The console's last non-empty line, where the runtime prints its FAIL line. */
    public String lastLine() {
        String[] lines = console.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
