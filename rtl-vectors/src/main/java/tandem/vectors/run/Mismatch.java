package tandem.vectors.run;

/**
 * One expectation that did not hold.
 *
 * @param field    what was checked: {@code pc}, {@code a0}, {@code mstatus}, {@code mem[0x80001000]},
 *                 {@code trap}, {@code tval}, {@code priv}, {@code trace}
 * @param expected the vector's value as text
 * @param actual   the golden model's (or RTL's) value as text
 */
public record Mismatch(String field, String expected, String actual) {

    @Override
    public String toString() {
        return field + ": expected " + expected + ", got " + actual;
    }
}
