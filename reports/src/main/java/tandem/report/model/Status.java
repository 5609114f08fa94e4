package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Outcome of one test case, in the order a summary lists them (worst first). */
public enum Status {
    /** The case could not run: bad input, crash, missing file. */
    @JsonProperty("error") ERROR,
    /** The case ran and a check failed, or the DUT diverged from the golden model. */
    @JsonProperty("fail") FAIL,
    /** The case was not run. */
    @JsonProperty("skipped") SKIPPED,
    /** The case failed but a recorded reason says the failure is expected. */
    @JsonProperty("waived") WAIVED,
    /** The case ran and every check held. */
    @JsonProperty("pass") PASS;

    /** The lower-case word used in every output format. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when this status makes a run fail (exit status 1, a JUnit failure or error). */
    public boolean failing() {
        return this == ERROR || this == FAIL;
    }
}
