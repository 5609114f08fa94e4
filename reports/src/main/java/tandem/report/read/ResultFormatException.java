package tandem.report.read;

/** A result file is malformed; carries the line at fault (0 when unknown). */
final class ResultFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long line;

    ResultFormatException(long line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    long line() {
        return line;
    }
}
