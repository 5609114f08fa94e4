package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quiet-cycle fast path ({@code Bio.skipQuietCycles}, {@code jumpQuietCycles}) against the
 * plain cycle-by-cycle path:
 * the same programs and host traffic run twice, and every clock's visible state (pins,
 * directions, events, FIFO levels and heads, each core's pc, state and clock count, the quantum
 * pulses as the cores see them) and every register at the end must agree. Programs are the
 * examples and seeded random mixes of quantum and event waits, FIFO traffic between cores, pin and
 * event writes, ALU work, branches, multiplies and memory accesses, with random dividers and host
 * pushes, event writes, enables and reads between runs.
 */
class BioQuietSkippingTest {

    private static final String[] WORK = {
        "addi a0, a0, 3", "xor a1, a1, a0", "slli a2, a0, 2", "add a3, a3, a2", "mul a4, a0, a1",
        "sw a4, 0x200(x0)", "lw a5, 0x200(x0)", "andi a1, a1, 0xFF", "mv a5, clk",
    };
    private static final String[] SIDE = {
        "mv quantum, x0", "mv a2, quantum", "mv pins, a0", "mv pinset, a1", "mv pinclr, a2", "mv dirout, a3",
        "mv evset, a0", "mv evclr, a1", "mv a3, events", "mv a4, pins",
    };
    /** Waits, block traffic and FIFO traffic weigh as much as work; some programs trap. */
    private static final RandomBioPrograms PROGRAMS = new RandomBioPrograms(
            List.of("li t0, 0xFF", "mv pinmask, t0", "mv dirout, t0"), WORK, SIDE, 4, 10, new int[] {4, 4, 1, 1, 0}, true);

    @Test
    void examplesRunTheSameWithAndWithoutSkipping() {
        assertSame(List.of("blink.S"), 0x0001_0000, 70_000, 1, false, false);
        assertSame(List.of("quantum-blink.S"), 0x0064_0000, 5_000, 2, false, true);
        assertSame(List.of("uart-tx.S"), 0x0064_0000, 5_000, 3, true, true);
        assertSame(List.of("fifo-echo.S", "fifo-echo-peer.S"), 0x0010_0000, 5_000, 4, true, false);
        assertSame(List.of("host-exchange.S"), 0, 5_000, 5, true, true);
        assertSame(List.of("aclk.S"), 0x000A_0000, 5_000, 6, false, true);
    }

    @Test
    void randomProgramsRunTheSameWithAndWithoutSkipping() {
        Random random = new Random(0xB10);
        long skipped = 0;
        long total = 0;
        for (int i = 0; i < 12; i++) {
            List<byte[]> images = PROGRAMS.images(random);
            int[] qdiv = new int[4];
            for (int c = 0; c < 4; c++) {
                qdiv[c] = random.nextInt(3) == 0 ? 0 : (1 + random.nextInt(300)) << 16 | random.nextInt(256) << 8;
            }
            long seed = random.nextLong();
            List<Long> plain = trace(images, qdiv, seed, false, true, null);
            long[] quiet = new long[2];
            List<Long> fast = trace(images, qdiv, seed, true, true, quiet);
            if (plain == null || fast == null) {
                assertEquals(plain, fast, "program set " + i + ": both runs stop at the same BDMA access");
                continue;
            }
            skipped += quiet[0];
            total += quiet[1];
            assertRecordsEqual(plain, fast, "program set " + i + ", observed every clock");
            // Without an observer the fast path jumps over quiet stretches in one step.
            List<Long> plainSampled = trace(images, qdiv, seed, false, false, null);
            List<Long> fastSampled = trace(images, qdiv, seed, true, false, quiet);
            assertEquals(plainSampled == null, fastSampled == null, "program set " + i + ": BDMA stop");
            if (plainSampled != null) {
                assertRecordsEqual(plainSampled, fastSampled, "program set " + i + ", sampled between runs");
            }
        }
        assertTrue(skipped > total / 10, "the fast path ran " + skipped + " of " + total + " clocks");
    }

    private static void assertRecordsEqual(List<Long> plain, List<Long> fast, String what) {
        for (int k = 0; k < Math.min(plain.size(), fast.size()); k++) {
            assertEquals(plain.get(k), fast.get(k), what + ": first difference at record " + k);
        }
        assertEquals(plain.size(), fast.size(), what + ": records");
    }

    /**
     * Runs the programs in chunks with host traffic between them; one record per clock
     * ({@code everyClock}, through an observer) or per chunk. Null when a core reaches for the
     * BDMA bus, which the model reports rather than models: random code can get there (a load
     * right after a quantum wait, when the pulse comes at once, fetches a corrupted instruction
     * if it sits at an address 2 mod 4, on the RTL too).
     */
    private static List<Long> trace(List<byte[]> images, int[] qdiv, long seed, boolean skipping, boolean everyClock,
                                    long[] quiet) {
        Random host = new Random(seed);
        Bio bio = new Bio();
        bio.setQuietSkipping(skipping);
        for (int c = 0; c < images.size(); c++) {
            bio.loadProgram(c, images.get(c));
        }
        for (int c = 0; c < 4; c++) {
            bio.store(0x50 + 4 * c, qdiv[c], 4);
        }
        int started = (1 << images.size()) - 1;
        bio.store(0x00, started * 0x111, 4);
        List<Long> records = new ArrayList<>();
        if (everyClock) {
            bio.setObserver(b -> records.add(state(b)));
        }
        try {
            runWithHostTraffic(bio, host, started, records);
        } catch (tandem.golden.TandemException e) {
            assertTrue(e.getMessage().contains("BDMA"), e.getMessage());
            return null;
        }
        if (quiet != null) {
            quiet[0] = bio.quietCycles();
            quiet[1] = bio.cycle();
        }
        for (int c = 0; c < 4; c++) {
            for (int i = 1; i < 16; i++) {
                records.add((long) bio.x(c, i));
            }
        }
        return records;
    }

    private static void runWithHostTraffic(Bio bio, Random host, int started, List<Long> records) {
        for (int chunk = 0; chunk < 40; chunk++) {
            bio.run(host.nextInt(400));
            records.add(state(bio));
            switch (host.nextInt(8)) {
                case 0 -> bio.store(0x10 + 4 * host.nextInt(4), host.nextInt(), 4);
                case 1 -> bio.store(0x38, 1 << host.nextInt(24), 4);
                case 2 -> bio.store(0x3C, host.nextInt() & 0xFF_FFFF, 4);
                case 3 -> records.add((long) bio.load(0x20 + 4 * host.nextInt(4), 4));
                case 4 -> bio.store(0x00, host.nextInt(16) & started, 4);
                case 5 -> bio.store(0x00, started, 4);
                case 6 -> bio.drivePins(host.nextInt());
                default -> records.add((long) bio.load(0x90 + 4 * host.nextInt(4), 4));
            }
        }
        bio.run(2_000);
        records.add(state(bio));
    }

    private static long state(Bio b) {
        long h = b.pins() * 31L + b.directions();
        h = h * 31 + b.events();
        for (int c = 0; c < 4; c++) {
            h = h * 31 + b.fifoLevel(c);
            h = h * 31 + b.fifoHead(c);
            h = h * 31 + b.pc(c);
            h = h * 31 + b.coreState(c);
            h = h * 31 + b.clockCount(c);
        }
        return h;
    }

    private static void assertSame(List<String> programs, int qdiv, long cycles, long seed, boolean hostTraffic,
                                   boolean waits) {
        long[] quiet = new long[1];
        List<Long> plain = examples(programs, qdiv, cycles, seed, hostTraffic, false, true, quiet);
        List<Long> fast = examples(programs, qdiv, cycles, seed, hostTraffic, true, true, quiet);
        assertRecordsEqual(plain, fast, programs.toString());
        assertRecordsEqual(examples(programs, qdiv, cycles, seed, hostTraffic, false, false, quiet),
                examples(programs, qdiv, cycles, seed, hostTraffic, true, false, quiet), programs + " unobserved");
        if (waits) {
            assertTrue(quiet[0] > cycles / 2, programs + ": the fast path ran only " + quiet[0] + " of " + cycles + " clocks");
        }
    }

    private static List<Long> examples(List<String> programs, int qdiv, long cycles, long seed, boolean hostTraffic,
                                       boolean skipping, boolean everyClock, long[] quiet) {
        Bio bio = new Bio();
        bio.setQuietSkipping(skipping);
        for (int c = 0; c < programs.size(); c++) {
            bio.loadProgram(c, BioPrograms.image(programs.get(c)));
            bio.store(0x50 + 4 * c, qdiv, 4);
        }
        bio.store(0x00, ((1 << programs.size()) - 1) * 0x111, 4);
        List<Long> records = new ArrayList<>();
        if (everyClock) {
            bio.setObserver(b -> records.add(state(b)));
        }
        Random host = new Random(seed);
        for (long done = 0; done < cycles; done += 500) {
            bio.run(500);
            records.add(state(bio));
            if (hostTraffic) {
                bio.store(0x10 + 4 * host.nextInt(4), 0x40 + host.nextInt(32), 4);
            }
        }
        quiet[0] = bio.quietCycles();
        return records;
    }
}
