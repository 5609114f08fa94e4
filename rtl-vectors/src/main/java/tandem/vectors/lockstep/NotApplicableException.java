package tandem.vectors.lockstep;

/** A vector that cannot run on the DUT at hand (needs CSRs it lacks, cannot be laid out), with the reason. */
public final class NotApplicableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The reason, phrased to follow "not applicable to this DUT: ". */
    public NotApplicableException(String reason) {
        super(reason);
    }
}
