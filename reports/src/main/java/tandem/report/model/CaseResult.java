package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One test case of a run.
 *
 * @param name     the case's name, unique within its run
 * @param status   its outcome
 * @param timeMs   wall time in milliseconds, 0 when unknown
 * @param message  one line saying why it failed, was skipped or waived; null when it passed
 * @param location where the case is defined ({@code vectors.csv:42}, a feature file line), or null
 * @param seed     the random seed it ran with, or null
 * @param detail   longer text (a failure's stack trace, the mismatching fields), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseResult(String name, Status status, double timeMs, String message, String location,
                         Long seed, String detail) {

    /** Checks the required fields. */
    public CaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    /** A passing case with no further detail. */
    public static CaseResult pass(String name, double timeMs) {
        return new CaseResult(name, Status.PASS, timeMs, null, null, null, null);
    }

    /** A case with a status and a one-line message. */
    public static CaseResult of(String name, Status status, double timeMs, String message) {
        return new CaseResult(name, status, timeMs, message, null, null, null);
    }

    /** This case with its location set. */
    public CaseResult at(String where) {
        return new CaseResult(name, status, timeMs, message, where, seed, detail);
    }

    /** This case with its seed set. */
    public CaseResult withSeed(long s) {
        return new CaseResult(name, status, timeMs, message, location, s, detail);
    }

    /** This case with its detail text set. */
    public CaseResult withDetail(String text) {
        return new CaseResult(name, status, timeMs, message, location, seed, text);
    }
}
