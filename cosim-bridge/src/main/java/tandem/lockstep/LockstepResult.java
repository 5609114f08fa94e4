package tandem.lockstep;

import java.nio.file.Path;

/**
 * How a lockstep run ended.
 *
 * @param outcome   the category
 * @param detail    one line for the console
 * @param retires   RTL retires compared and matched
 * @param cycles    RTL cycles simulated
 * @param seconds   wall time of the run (builds excluded)
 * @param divergence the first divergence, or {@code null}
 * @param report    the text report written, or {@code null} when there was nothing to report
 */
public record LockstepResult(Outcome outcome, String detail, long retires, long cycles, double seconds,
                             Divergence divergence, Path report) {

    /** Categories of ending. */
    public enum Outcome {
        /** The program finished and reported success, with no divergence. */
        PASS,
        /** The program finished in lockstep but reported failure (both sides agree it failed). */
        PROGRAM_FAILED,
        /** The RTL and the golden model disagreed. */
        DIVERGED,
        /** The RTL stopped retiring. */
        STALL,
        /** The RTL hit $stop/$fatal/an assertion, fetched outside RAM, or called $finish early. */
        RTL_ERROR,
        /** The cycle budget ran out. */
        BUDGET,
        /**
         * An X-check ({@link LockstepSession#runXCheck}): two X seeds made the RTL retire
         * differently, so an uninitialised or X value reached a retire.
         */
        X_PROPAGATION
    }

    /** Exit status for the command line: 0 pass, 1 anything else. */
    public int exitCode() {
        return outcome == Outcome.PASS ? 0 : 1;
    }

    /** RTL cycles per second. */
    public double cyclesPerSecond() {
        return seconds > 0 ? cycles / seconds : 0;
    }
}
