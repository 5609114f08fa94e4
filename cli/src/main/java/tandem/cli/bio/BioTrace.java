package tandem.cli.bio;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tandem.golden.bio.Bio;
import tandem.golden.bio.BioObserver;
import tandem.wave.Timescale;
import tandem.wave.VcdSignal;
import tandem.wave.VcdWriter;

/**
 * Records a BIO run: a VCD with one time unit per BIO clock (pins, directions, FIFO levels,
 * events, each core's pc and state) and a CSV row {@code cycle,pins,directions} for every
 * change of the pins or directions. Cycle 0 is the given origin.
 */
final class BioTrace implements BioObserver, Closeable {

    private final VcdWriter vcd;
    private final BufferedWriter csv;
    private final long origin;
    private final VcdSignal pins;
    private final VcdSignal dirs;
    private final VcdSignal events;
    private final VcdSignal[] levels = new VcdSignal[4];
    private final VcdSignal[] pcs = new VcdSignal[4];
    private final VcdSignal[] states = new VcdSignal[4];
    private int lastPins;
    private int lastDirs;
    private long pinChanges;
    /** The VCD signals in sampling order: pins, directions, events, 4 levels, 4 pcs, 4 states. */
    private final VcdSignal[] signals;
    private final int[] current = new int[15];
    private final int[] last = new int[15];
    private boolean sampled;
    /** The latest clock seen, written as the VCD's final time so that viewers show the whole run. */
    private long lastTime;

    private BioTrace(VcdWriter vcd, BufferedWriter csv, Bio bio, long origin) throws IOException {
        this.vcd = vcd;
        this.csv = csv;
        this.origin = origin;
        vcd.comment("Baochip-1x BIO golden model; one time unit = one BIO clock (aclk)");
        pins = vcd.wire("bio", "gpio_out", 32);
        dirs = vcd.wire("bio", "gpio_dir", 32);
        events = vcd.wire("bio", "aggregated_events", 32);
        for (int k = 0; k < 4; k++) {
            levels[k] = vcd.wire("bio", "regfifo_level" + k, 4);
        }
        for (int c = 0; c < 4; c++) {
            pcs[c] = vcd.wire("bio.core" + c, "reg_pc", 12);
            states[c] = vcd.wire("bio.core" + c, "cpu_state", 8);
        }
        signals = new VcdSignal[] {pins, dirs, events, levels[0], levels[1], levels[2], levels[3],
            pcs[0], pcs[1], pcs[2], pcs[3], states[0], states[1], states[2], states[3]};
        csv.write("cycle,pins,directions\n");
        lastPins = bio.pins();
        lastDirs = bio.directions();
        csv.write(String.format("%d,0x%08x,0x%08x%n", bio.cycle() - origin, lastPins, lastDirs));
        sample(bio);
    }

    static BioTrace open(Path vcdPath, Path csvPath, Bio bio, long origin) throws IOException {
        VcdWriter vcd = VcdWriter.open(vcdPath, Timescale.NS);
        BufferedWriter csv = Files.newBufferedWriter(csvPath);
        return new BioTrace(vcd, csv, bio, origin);
    }

    /** Rows written to the CSV after the first. */
    long pinChanges() {
        return pinChanges;
    }

    @Override
    public void cycle(Bio bio) {
        lastTime = Math.max(0, bio.cycle() - origin);
        sample(bio);
        int p = bio.pins();
        int d = bio.directions();
        if (p != lastPins || d != lastDirs) {
            lastPins = p;
            lastDirs = d;
            pinChanges++;
            try {
                csv.write(String.format("%d,0x%08x,0x%08x%n", bio.cycle() - origin, p, d));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * Writes the signals that changed since the last clock; most clocks change only a core's pc
     * or state, and the VCD writer need not hear about the rest.
     */
    private void sample(Bio bio) {
        int[] now = current;
        now[0] = bio.pins();
        now[1] = bio.directions();
        now[2] = bio.events();
        for (int k = 0; k < 4; k++) {
            now[3 + k] = bio.fifoLevel(k);
            now[7 + k] = bio.pc(k) & 0xFFF;
            now[11 + k] = bio.coreState(k);
        }
        boolean timed = false;
        for (int i = 0; i < now.length; i++) {
            if (now[i] != last[i] || !sampled) {
                if (!timed) {
                    vcd.time(Math.max(0, bio.cycle() - origin));
                    timed = true;
                }
                vcd.set(signals[i], now[i] & 0xFFFF_FFFFL);
                last[i] = now[i];
            }
        }
        sampled = true;
    }

    @Override
    public void close() throws IOException {
        vcd.time(lastTime);
        try {
            csv.close();
        } finally {
            vcd.close();
        }
    }
}
