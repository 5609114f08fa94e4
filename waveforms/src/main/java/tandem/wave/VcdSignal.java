package tandem.wave;

/**
 * A variable declared on a {@link VcdWriter}; pass it back to {@link VcdWriter#set} to record a
 * value. Handles are only valid on the writer that made them.
 */
public final class VcdSignal {

    final int index;
    private final String scope;
    private final String name;
    private final int width;
    private final String idCode;

    VcdSignal(int index, String scope, String name, int width, String idCode) {
        this.index = index;
        this.scope = scope;
        this.name = name;
        this.width = width;
        this.idCode = idCode;
    }

    /** Dotted scope path, e.g. {@code tandem.hart0}. */
    public String scope() {
        return scope;
    }

    /** Variable name inside its scope. */
    public String name() {
        return name;
    }

    /** Full dotted name: scope and name. */
    public String path() {
        return scope + "." + name;
    }

    /** Width in bits. */
    public int width() {
        return width;
    }

    /** The VCD identifier code written in value changes. */
    public String idCode() {
        return idCode;
    }

    @Override
    public String toString() {
        return path() + "[" + width + "]";
    }
}
