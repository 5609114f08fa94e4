package tandem.cli.bio;

import tandem.cli.ProgressDisplay;

/**
 * Runs a BIO clock budget in slices so a {@link ProgressDisplay} can show millions of BIO clocks,
 * the rate and the ETA; with a hidden display it runs in one go.
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

    /** Runs {@code total} BIO clocks through {@code slice}, moving {@code bar}; returns the clocks run. */
    static long run(long total, ProgressDisplay bar, Slice slice) {
        if (!bar.shown()) {
            return runQuietly(total, slice);
        }
        long done = 0;
        while (done < total) {
            long want = Math.min(SLICE, total - done);
            long ran = slice.run(want);
            done += ran;
            bar.stepBy(ran);
            if (ran < want) {
                break;
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
