package tandem.cli.bio;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs a BIO clock budget in slices and shows a progress bar (millions of BIO clocks, rate, ETA)
 * on stderr while a person is watching; scripts, {@code --quiet} and {@code --json} get none.
 */
final class BioProgress {

    /** BIO clocks between bar updates: long enough that updating costs nothing measurable. */
    private static final long SLICE = 2_000_000L;

    /** Advances a run. */
    @FunctionalInterface
    interface Slice {
        /** Runs up to {@code cycles} BIO clocks; returns the clocks run, fewer when the run ended. */
        long run(long cycles);
    }

    private BioProgress() {
    }

    /** Runs {@code total} BIO clocks through {@code slice}; returns the clocks run. */
    static long run(long total, boolean show, Slice slice) {
        if (!show || System.console() == null) {
            return runQuietly(total, slice);
        }
        PrintStream err = System.err;
        long done = 0;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("bio").setInitialMax(total)
                .setUnit(" M clocks", 1_000_000).setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err)).build()) {
            while (done < total) {
                long want = Math.min(SLICE, total - done);
                long ran = slice.run(want);
                done += ran;
                bar.stepTo(done);
                if (ran < want) {
                    break;
                }
            }
        }
        return done;
    }

    private static long runQuietly(long total, Slice slice) {
        long done = 0;
        while (done < total) {
            long want = Math.min(Long.MAX_VALUE / 2, total - done);
            long ran = slice.run(want);
            done += ran;
            if (ran < want) {
                break;
            }
        }
        return done;
    }
}
