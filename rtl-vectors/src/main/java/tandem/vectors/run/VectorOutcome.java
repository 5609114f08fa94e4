package tandem.vectors.run;

import java.util.List;
import tandem.vectors.TraceSummary;
import tandem.vectors.Vector;

/**
 * What happened when a vector ran.
 *
 * @param vector     the vector (null for a row that could not be read)
 * @param name       its name, or {@code line N} for an unreadable row
 * @param location   {@code file:line}
 * @param verdict    pass, fail, error or skipped
 * @param message    one line: the first mismatch, the error, the skip reason; null on pass
 * @param mismatches every expectation that failed
 * @param trace      the golden retire-stream summary, or null when it did not run
 * @param millis     wall time
 */
public record VectorOutcome(Vector vector, String name, String location, Verdict verdict, String message,
                            List<Mismatch> mismatches, TraceSummary trace, double millis) {

    /** Copies the list. */
    public VectorOutcome {
        mismatches = List.copyOf(mismatches);
    }
}
