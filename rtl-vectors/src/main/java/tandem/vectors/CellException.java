package tandem.vectors;

/** A cell that does not parse; the reader adds file, line and column. */
final class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    CellException(String message) {
        super(message, null, false, false);
    }
}
