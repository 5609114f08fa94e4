package tandem.dut.bio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import tandem.wave.Timescale;
import tandem.wave.VcdSignal;
import tandem.wave.VcdWriter;

/**
 * A VCD window of one side's compared signals (pins, directions, FIFO levels, each core's DBG
 * pc), rebuilt from its {@link BioEvent}s: both sides' windows have the same variables and the
 * same time axis as the RTL harness's Verilator trace (10 units per aclk, cycle 0 at the watched
 * core's reset release), so a wave viewer or {@code tandem wavediff} lines them up.
 */
final class BioEventWaveform {

    /** Time units per aclk, as in the harness's trace (a rising edge at 10 * cycle, falling at + 5). */
    static final long UNITS = 10;

    private BioEventWaveform() {
    }

    /** Writes {@code events} between cycles {@code from} and {@code to} (inclusive) to {@code file}. */
    static void write(Path file, String side, List<BioEvent> unordered, long from, long to) {
        List<BioEvent> events = unordered.stream().sorted(Comparator.comparingLong(BioEvent::cycle)).toList();
        long[] state = new long[7];
        try (VcdWriter vcd = VcdWriter.open(file, Timescale.NS)) {
            vcd.comment("Baochip-1x BIO, " + side + ": the signals Tandem compares, aclk " + from + ".." + to
                    + " from the watched core's reset release (10 ns = 1 aclk)");
            VcdSignal[] s = {vcd.wire("bio", "gpio_out", 32), vcd.wire("bio", "gpio_dir", 32),
                vcd.wire("bio", "regfifo_level", 16), vcd.wire("bio", "dbg_pc0", 12), vcd.wire("bio", "dbg_pc1", 12),
                vcd.wire("bio", "dbg_pc2", 12), vcd.wire("bio", "dbg_pc3", 12)};
            int i = 0;
            for (; i < events.size() && events.get(i).cycle() < from; i++) {
                apply(events.get(i), state);
            }
            vcd.time(UNITS * from);
            for (int k = 0; k < s.length; k++) {
                vcd.set(s[k], state[k]);
            }
            for (; i < events.size() && events.get(i).cycle() <= to; i++) {
                if (apply(events.get(i), state)) {
                    vcd.time(UNITS * events.get(i).cycle());
                    for (int k = 0; k < s.length; k++) {
                        vcd.set(s[k], state[k]);
                    }
                }
            }
            vcd.time(UNITS * to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Updates {@code state} from {@code e}; false when the event holds none of the waveform's signals. */
    private static boolean apply(BioEvent e, long[] state) {
        String[] w = e.line().split(" ");
        switch (w[0]) {
            case "L" -> state[2] = Long.parseLong(w[2].substring(3), 16);
            case "C" -> state[3 + Integer.parseInt(w[2])] = Long.parseLong(w[3], 16);
            case "O", "P", "R" -> {
                return false;
            }
            default -> {
                state[0] = Long.parseLong(w[1].substring(4), 16);
                state[1] = Long.parseLong(w[2].substring(4), 16);
            }
        }
        return true;
    }
}
