package tandem.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar (done, total, rate, ETA) drawn by progressbar on stderr, or nothing at all.
 * Obtain one from {@link OutputOptions#progress}: scripts, {@code --quiet}, {@code --json} and
 * a stderr that is not a terminal get the hidden one, so no bar ends up in a CI log.
 */
public final class ProgressDisplay implements AutoCloseable {

    private static final ProgressDisplay HIDDEN = new ProgressDisplay(null);

    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar drawn on stderr; see {@link OutputOptions#progress} for the parameters. */
    static ProgressDisplay onTerminal(String task, long max, String unit, long unitSize) {
        return new ProgressDisplay(new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setUnit(unit, unitSize).setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    /** A bar that draws nothing. */
    public static ProgressDisplay hidden() {
        return HIDDEN;
    }

    /** Whether anything is drawn (callers may skip work that only feeds the bar). */
    public boolean shown() {
        return bar != null;
    }

    /** Sets the units done so far. */
    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Adds {@code n} units done. */
    public void stepBy(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /** Changes the total (when it becomes known or grows). */
    public void maxHint(long max) {
        if (bar != null) {
            bar.maxHint(max);
        }
    }

    /** Shows {@code text} after the figures (the current item, a count of failures). */
    public void extra(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    /** Draws the final state and ends the bar's line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
