package tandem.vectors.run;

/** A vector's initial state cannot be set up (memory outside the map, CSR not writable). */
public final class SetupException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String column;

    SetupException(String column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    /** The column whose value could not be applied. */
    public String column() {
        return column;
    }
}
