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

    private void sample(Bio bio) {
        vcd.time(Math.max(0, bio.cycle() - origin));
        vcd.set(pins, bio.pins() & 0xFFFF_FFFFL);
        vcd.set(dirs, bio.directions() & 0xFFFF_FFFFL);
        vcd.set(events, bio.events() & 0xFFFF_FFFFL);
        for (int k = 0; k < 4; k++) {
            vcd.set(levels[k], bio.fifoLevel(k));
            vcd.set(pcs[k], bio.pc(k) & 0xFFF);
            vcd.set(states[k], bio.coreState(k));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            csv.close();
        } finally {
            vcd.close();
        }
    }
}
