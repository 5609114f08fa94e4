package tandem.golden.platform;

import java.util.Map;
import java.util.OptionalInt;
import tandem.golden.TandemException;

/**
 * One {@code device} line of a platform description.
 *
 * @param name instance name, e.g. {@code uart0}
 * @param type device type known to {@link DeviceCatalog}, e.g. {@code ns16550}
 * @param base physical base address
 * @param size bytes of address space
 * @param irq line of the external interrupt array it drives, if any
 * @param params the remaining {@code key=value} settings
 * @param source where it was declared ({@code file:line}), for messages
 */
public record DeviceSpec(String name, String type, long base, int size, OptionalInt irq,
                         Map<String, String> params, String source) {

    /** A numeric parameter (decimal or 0x hex), or {@code fallback}. */
    public long number(String key, long fallback) {
        String v = params.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Platform.parseNumber(v);
        } catch (NumberFormatException e) {
            throw new TandemException(source + ": " + key + "=" + v + " is not a number");
        }
    }

    /** A text parameter, or {@code fallback}. */
    public String text(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }
}
