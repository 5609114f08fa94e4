package tandem.lockstep;

/**
 * One field that differs between the RTL and the golden model at a divergence.
 *
 * @param field  what was compared: {@code pc}, {@code insn}, {@code rd}, {@code rd_wdata},
 *               {@code priv}, {@code mem_write}, {@code mem_addr}, {@code mem_wdata},
 *               {@code trap}, {@code interrupt}, {@code device_load}
 * @param rtl    the RTL's value, as text
 * @param golden the golden model's value, as text
 */
public record FieldMismatch(String field, String rtl, String golden) {

    @Override
    public String toString() {
        return field + ": rtl " + rtl + ", golden " + golden;
    }
}
