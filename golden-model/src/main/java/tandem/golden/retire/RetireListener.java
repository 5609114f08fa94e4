package tandem.golden.retire;

/**
 * Receives the retire stream in batches. The hart calls it with slots
 * {@code from .. from+count-1} of its {@link RetireBuffer} (never wrapping) after they are
 * complete and before it reuses them. A hart with no listener records nothing.
 */
@FunctionalInterface
public interface RetireListener {

    /** Called with {@code count} complete records starting at slot {@code from}. */
    void retired(RetireBuffer buffer, int from, int count);
}
