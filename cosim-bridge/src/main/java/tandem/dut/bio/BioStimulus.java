package tandem.dut.bio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the host does to the BIO in one comparison: the code loaded into each core, the quantum
 * dividers, the CTRL word that starts the cores, register writes during the run (FIFO pushes,
 * event set/clear) and words read back after it. Both sides get the same stimulus; cycles count from the first aclk edge where
 * core {@code watch}'s reset is released (the alignment point of the fact sheet: timing from there
 * does not depend on the host clock ratio).
 *
 * @param cycles   aclk cycles compared, from the watched core's reset release
 * @param ctrl     the CTRL word (EN, RESTART and CLKDIV_RESTART bits of the started cores)
 * @param watch    the core whose reset release is cycle 0
 * @param programs code image per core
 * @param dividers QDIV word per core
 * @param writes   host register writes during the run, in order
 * @param readFifo RXF read back after the run, or -1
 * @param reads    words read back from {@code readFifo}
 */
public record BioStimulus(long cycles, int ctrl, int watch, Map<Integer, byte[]> programs, Map<Integer, Integer> dividers,
                          List<HostWrite> writes, int readFifo, int reads) {

    /** EVENT_SET: host sets event bits. */
    public static final int EVENT_SET = 0x38;
    /** EVENT_CLR: host clears event bits. */
    public static final int EVENT_CLEAR = 0x3C;
    private static final int TXF = 0x10;

    /** A host write of {@code value} to register {@code offset}, issued at cycle {@code at}. */
    public record HostWrite(long at, int offset, int value) {
    }

    /** Copies the collections. */
    public BioStimulus {
        programs = Map.copyOf(programs);
        dividers = Map.copyOf(dividers);
        writes = List.copyOf(writes);
    }

    /** Cores {@code cores} (bit mask) started with EN + RESTART + CLKDIV_RESTART, core {@code watch} aligned on. */
    public static BioStimulus start(int cores, int watch, long cycles) {
        return new BioStimulus(cycles, cores * 0x111, watch, Map.of(), Map.of(), List.of(), -1, 0);
    }

    /** With {@code image} loaded into {@code core}. */
    public BioStimulus withProgram(int core, byte[] image) {
        Map<Integer, byte[]> p = new TreeMap<>(programs);
        p.put(core, image);
        return new BioStimulus(cycles, ctrl, watch, p, dividers, writes, readFifo, reads);
    }

    /** With QDIV of {@code core} set to {@code qdiv} before the start. */
    public BioStimulus withDivider(int core, int qdiv) {
        Map<Integer, Integer> d = new TreeMap<>(dividers);
        d.put(core, qdiv);
        return new BioStimulus(cycles, ctrl, watch, programs, d, writes, readFifo, reads);
    }

    /** With a push of {@code value} to TXF {@code fifo} at cycle {@code at}. */
    public BioStimulus withPush(long at, int fifo, int value) {
        return withWrite(at, TXF + 4 * fifo, value);
    }

    /** With a host write of {@code value} to register {@code offset} (TXF, EVENT_SET, EVENT_CLR) at cycle {@code at}. */
    public BioStimulus withWrite(long at, int offset, int value) {
        List<HostWrite> w = new ArrayList<>(writes);
        w.add(new HostWrite(at, offset, value));
        return new BioStimulus(cycles, ctrl, watch, programs, dividers, w, readFifo, reads);
    }

    /** With {@code count} words read from RXF {@code fifo} after the run. */
    public BioStimulus withReads(int fifo, int count) {
        return new BioStimulus(cycles, ctrl, watch, programs, dividers, writes, fifo, count);
    }

    /** The harness's command-line arguments; code images are written as files in {@code work}. */
    List<String> harnessArguments(Path work) {
        List<String> args = new ArrayList<>(List.of(Long.toString(cycles), "0x" + Integer.toHexString(ctrl),
                Integer.toString(watch)));
        try {
            Files.createDirectories(work);
            for (Map.Entry<Integer, byte[]> e : new TreeMap<>(programs).entrySet()) {
                Path bin = work.resolve("core" + e.getKey() + ".bin");
                Files.write(bin, e.getValue());
                args.add(e.getKey() + "=" + bin);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write BIO code images in " + work, e);
        }
        new TreeMap<>(dividers).forEach((core, q) -> args.add("qdiv" + core + "=0x" + Integer.toHexString(q)));
        for (HostWrite w : writes) {
            args.add("write@" + w.at() + ":0x" + Integer.toHexString(w.offset()) + "=0x" + Integer.toHexString(w.value()));
        }
        if (readFifo >= 0) {
            args.add("read=" + readFifo + ":" + reads);
        }
        return args;
    }
}
