package tandem.dut;

/**
 * One port of a top-level module as declared in the Verilog source.
 *
 * @param name      port name
 * @param direction {@code input}, {@code output}, {@code inout}, or {@code interface} for a
 *                  SystemVerilog interface port (e.g. {@code rbif.slavedp x[0:3]})
 * @param width     bit width when the range is numeric, else -1
 */
public record Port(String name, String direction, int width) {

    /** Short form for messages: {@code io_d_cmd_valid(output)}. */
    @Override
    public String toString() {
        return name + "(" + direction + (width > 1 ? " " + width : "") + ")";
    }
}
