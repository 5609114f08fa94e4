package tandem.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} and {@code --json} options every long command shares (a picocli mixin:
 * {@code @Mixin OutputOptions output;}), and what they decide: whether a person is watching
 * (progress bar, per-item lines, the summary screen), or a script is (one JSON object on
 * standard output, or nothing but errors on standard error).
 */
public final class OutputOptions {

    @Option(names = "--quiet", description = "Print nothing but errors (failures and bad input go to stderr); no progress bar.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout (for scripts); no progress bar.")
    boolean json;

    /** Options for a command run by another (the demo): human text, no bar. */
    public static OutputOptions text() {
        return new OutputOptions();
    }

    /** Whether {@code --quiet} was given. */
    public boolean quiet() {
        return quiet;
    }

    /** Whether {@code --json} was given. */
    public boolean json() {
        return json;
    }

    /** Whether the command talks to a person: per-item lines and the summary screen on stdout. */
    public boolean human() {
        return !quiet && !json;
    }

    /** Where build logs and notes go: stderr for a person, nowhere for a script. */
    public PrintStream log() {
        return human() ? System.err : new PrintStream(OutputStream.nullOutputStream());
    }

    /**
     * A progress bar on stderr for {@code max} units of work ({@code max} &lt; 0: unknown), shown
     * only to a person at a terminal; otherwise a bar that draws nothing.
     *
     * @param task     the bar's label
     * @param max      units of work in all, or -1 when unknown
     * @param unit     the unit's name as shown after the figures (" instr", " vectors")
     * @param unitSize units per displayed unit (1_000_000 to show millions)
     */
    public ProgressDisplay progress(String task, long max, String unit, long unitSize) {
        return human() && System.console() != null ? ProgressDisplay.onTerminal(task, max, unit, unitSize)
                : ProgressDisplay.hidden();
    }
}
