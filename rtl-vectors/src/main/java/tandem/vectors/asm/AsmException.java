package tandem.vectors.asm;

/** Assembly text the {@link Assembler} cannot encode; carries the 1-based source line. */
public final class AsmException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    /** @param line 1-based line of the source, 0 when not tied to one */
    public AsmException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The 1-based line at fault, or 0. */
    public int line() {
        return line;
    }
}
