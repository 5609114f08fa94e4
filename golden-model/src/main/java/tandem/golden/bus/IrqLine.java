package tandem.golden.bus;

/** One interrupt wire from a device to the interrupt controller (level-sensitive). */
@FunctionalInterface
public interface IrqLine {

    /** Drives the line high ({@code true}) or low. */
    void set(boolean level);

    /** A line wired to nothing. */
    IrqLine NONE = level -> { };
}
