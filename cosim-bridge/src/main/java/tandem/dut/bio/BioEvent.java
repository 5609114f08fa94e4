package tandem.dut.bio;

/**
 * One observation of the BIO, in the form the harness prints and the model run writes, so both
 * sides compare as text. Forms ({@code cycle} counts aclk from the watched core's reset release):
 * <ul>
 *   <li>{@code O <x31>}: x31 of the watched core at cycle 0;</li>
 *   <li>{@code <cycle> out=<hex> dir=<hex>}: pins or directions changed;</li>
 *   <li>{@code L <cycle> lv=<hex>}: FIFO levels changed (4 bits per FIFO);</li>
 *   <li>{@code C <cycle> <core> <pc>}: a core's DBG pc changed;</li>
 *   <li>{@code P <cycle> <offset>}: a host register write landed (RTL side only: it places the model's write);</li>
 *   <li>{@code R <fifo> <value>}: a word read back after the run.</li>
 * </ul>
 *
 * @param line the text
 */
public record BioEvent(String line) {

    /** Whether this is a push landing (not compared). */
    public boolean isLanding() {
        return line.startsWith("P ");
    }

    /** The aclk cycle of the observation: 0 for x31 at the start, {@link Long#MAX_VALUE} for read-back. */
    public long cycle() {
        String[] w = line.split(" ");
        return switch (w[0]) {
            case "O" -> 0;
            case "R" -> Long.MAX_VALUE;
            case "L", "C", "P" -> Long.parseLong(w[1]);
            default -> Long.parseLong(w[0]);
        };
    }

    /** The signals the observation is about, as named in the RTL. */
    public String signals() {
        String[] w = line.split(" ");
        return switch (w[0]) {
            case "O" -> "core_clk_count (x31) of the watched core";
            case "R" -> "RXF" + w[1] + " read-back (PRDATA)";
            case "L" -> "regfifo_level[0..3]";
            case "C" -> "dbg_pc[" + w[2] + "]";
            case "P" -> "host write to " + w[2];
            default -> "gpio_out, gpio_dir";
        };
    }

    @Override
    public String toString() {
        return line;
    }
}
