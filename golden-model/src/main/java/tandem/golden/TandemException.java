package tandem.golden;

/**
 * A user error: bad input file, bad argument, a program the model cannot run. The message is
 * the single line shown to the user and names the file, line or address at fault; the command
 * line prints it without a stack trace and exits with status 2.
 */
public class TandemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming what is wrong and where (file:line, address) */
    public TandemException(String message) {
        super(message);
    }

    /** @param message one line naming what is wrong and where; {@code cause} kept for debugging */
    public TandemException(String message, Throwable cause) {
        super(message, cause);
    }
}
