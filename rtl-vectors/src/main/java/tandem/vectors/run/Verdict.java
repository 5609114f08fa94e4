package tandem.vectors.run;

/** Outcome of one vector. */
public enum Verdict {
    /** Every expectation held. */
    PASS,
    /** An expectation failed, or the RTL diverged from the golden model. */
    FAIL,
    /** The vector could not run: bad row, setup outside memory, unwritable CSR. */
    ERROR,
    /** Not run, with a reason (a BIO vector without a BIO model, RTL not available). */
    SKIPPED,
    /** Not run on the DUT because it lacks what the vector needs (CSRs, C, A), with the reason. */
    NOT_APPLICABLE
}
