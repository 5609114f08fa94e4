package tandem.boot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code CHECK <name> PASS|FAIL <details>} line printed by the xabi test kernel or its
 * processes.
 *
 * @param name dotted check name, e.g. {@code ipc.borrow.lender-locked}
 * @param passed whether it said PASS
 * @param details the rest of the line (key=value pairs)
 * @param uart the UART it was printed on
 */
public record CheckLine(String name, boolean passed, String details, String uart) {

    private static final Pattern LINE = Pattern.compile("^CHECK (\\S+) (PASS|FAIL)\\s*(.*)$");

    /** Parses a console line, if it is a CHECK line. */
    public static Optional<CheckLine> parse(String line, String uart) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CheckLine(m.group(1), m.group(2).equals("PASS"), m.group(3), uart));
    }

    /** The value of {@code key=value} in the details, if present. */
    public Optional<String> detail(String key) {
        for (String part : details.split("\\s+")) {
            if (part.startsWith(key + "=")) {
                return Optional.of(part.substring(key.length() + 1));
            }
        }
        return Optional.empty();
    }
}
