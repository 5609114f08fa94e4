package tandem.wave;

/**
 * A variable declared in a VCD header ({@code $var type width id reference [range] $end}).
 *
 * @param index  position in declaration order, from 0
 * @param type   VCD variable type, e.g. {@code wire}, {@code reg}, {@code real}
 * @param width  declared width in bits
 * @param idCode identifier code used by value changes; aliases share one
 * @param scope  dotted scope path, empty for a variable outside every scope
 * @param name   reference name, without its bit range
 * @param range  bit range such as {@code [7:0]}, or empty
 */
public record VcdVariable(int index, String type, int width, String idCode, String scope, String name, String range) {

    /** Full dotted name, e.g. {@code TOP.counter.count}. */
    public String path() {
        return scope.isEmpty() ? name : scope + "." + name;
    }

    /** True for a {@code real} variable, whose values are decimal numbers. */
    public boolean isReal() {
        return type.equals("real") || type.equals("realtime") || type.equals("shortreal");
    }
}
