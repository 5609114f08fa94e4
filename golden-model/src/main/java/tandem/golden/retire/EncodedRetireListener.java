package tandem.golden.retire;

/**
 * A retire listener that writes the binary trace format ({@link TraceFormat}) into a byte
 * buffer, and lets the hart's compiled code append the common records (plain retires: no trap,
 * no CSR write, privilege unchanged, pc following on from the previous record) to that buffer
 * directly, skipping the {@link RetireBuffer}. A hart does so only while such a listener is its
 * only listener and {@link #continues} holds; records of everything else still arrive through
 * {@link #retired}, in stream order.
 */
public interface EncodedRetireListener extends RetireListener {

    /** The buffer records are encoded into; the same array until the listener is closed. */
    byte[] buffer();

    /** Where the next record's first byte goes in {@link #buffer()}. */
    int position();

    /** Writes out the buffer so that {@link #position()} is 0 again. */
    void drain();

    /**
     * Whether a record of order {@code order}, at {@code pc}, in privilege {@code priv}, would
     * follow on from the last record without order, pc or privilege fields: the condition for
     * appending directly.
     */
    boolean continues(long order, int pc, int priv);

    /**
     * {@code records} plain retires were appended after {@link #position()}, ending at
     * {@code position}; the last one's next pc is {@code nextPc}.
     */
    void appended(int position, long records, int nextPc);
}
