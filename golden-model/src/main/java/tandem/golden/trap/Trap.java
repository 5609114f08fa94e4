package tandem.golden.trap;

/**
 * A synchronous exception raised while executing an instruction. Thrown from anywhere in
 * the instruction's semantics and caught once by the hart, which takes the trap. Built
 * without a stack trace: guests raise them routinely (page faults, ecalls).
 */
public final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Cause cause;
    private final int tval;

    /** An exception of {@code cause} with {@code tval} for xtval. */
    public Trap(Cause cause, int tval) {
        super(null, null, false, false);
        this.cause = cause;
        this.tval = tval;
    }

    /** The exception cause. */
    public Cause trapCause() { return cause; }
    /** The value for xtval. */
    public int tval() { return tval; }

    @Override
    public String getMessage() {
        return cause.description() + String.format(" (tval 0x%08x)", tval);
    }
}
