package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Span replay ({@code Bio.runSpans}, with its compiled traces) against the reference core stepped clock by clock: the same
 * programs and host traffic run on a BIO with replay and on one without any fast path, stopped at
 * many random clocks (every run ends with every core back on the reference, so short random runs
 * put the comparison points everywhere inside and between spans). At each stop every core's whole
 * state — control registers, datapath registers, registers, RAM — and the block's registers must
 * be equal. Programs are seeded random mixes of every instruction kind (compressed ones too), loads
 * and stores of every width, multiplies, jumps with links, masks, clock reads, pin, direction,
 * event and FIFO traffic between cores, with random dividers and pin snapping, and host writes
 * landing at once or through the APB port's delays.
 */
class BioSpanReplayTest {

    private static final String[] WORK = {
        "addi a0, a0, 3", "xor a1, a1, a0", "slli a2, a0, 2", "srai a3, a1, 3", "add a3, a3, a2", "sub a4, a3, a1",
        "sltu a5, a1, a0", "slt a5, a0, a1", "or a2, a2, a5", "and a4, a4, a0", "srl a5, a1, a0", "sra a5, a1, a0",
        "sll a4, a0, a1", "andi a1, a1, 0xFF", "ori a2, a2, 0x55", "xori a3, a3, -1", "slti a4, a0, 7", "sltiu a4, a0, 9",
        "lui a5, 0x12345", "auipc a4, 0", "c.addi a0, 1", "c.mv a1, a0", "c.add a2, a0", "c.li a3, 5", "c.slli a2, 3",
        "mul a4, a0, a1", "mulh a5, a0, a1", "mulhsu a4, a1, a0", "mulhu a5, a1, a0",
        "sw a4, 0x200(x0)", "lw a5, 0x200(x0)", "sh a1, 0x206(x0)", "lh a3, 0x206(x0)", "lhu a3, 0x204(x0)",
        "sb a0, 0x209(x0)", "lb a2, 0x209(x0)", "lbu a2, 0x20B(x0)", "c.sw a0, 0(s0)", "c.lw a1, 4(s0)",
        "mv a5, clk", "jal ra, 2f\n2:", "nop",
    };
    private static final String[] SIDE = {
        "mv pins, a0", "mv pinset, a1", "mv pinclr, a2", "mv dirout, a3", "mv dirin, a4", "mv evset, a0", "mv evclr, a1",
        "mv a3, events", "mv a4, pins", "mv pinmask, a2", "mv a2, pinmask",
    };
    /** Mostly work, so that spans replay, with every kind of block traffic and indirect jumps. */
    private static final RandomBioPrograms PROGRAMS = new RandomBioPrograms(
            List.of("li s0, 0x300", "li t0, 0xFF", "mv pinmask, t0"), WORK, SIDE, 6, 14, new int[] {7, 2, 1, 1, 1}, false);

    @Test
    void randomProgramsReplayToTheReferenceState() {
        Random random = new Random(Long.getLong("bio.spanSeed", 0x5BA7));
        long replayed = 0;
        long traced = 0;
        for (int set = 0; set < Integer.getInteger("bio.spanSets", 24); set++) {
            List<byte[]> images = PROGRAMS.images(random);
            int[] qdiv = new int[4];
            for (int c = 0; c < 4; c++) {
                qdiv[c] = random.nextInt(4) != 0 ? 0 : (1 + random.nextInt(40)) << 16 | random.nextInt(256) << 8;
            }
            int config = random.nextInt(4) == 0 ? random.nextInt(0x40) : 0;
            long seed = random.nextLong();
            // Every third set lands host writes as the platform's APB port does, inside later runs.
            BioConfig options = BioConfig.DEFAULT.withApbWriteTiming(set % 3 == 2);
            Bio reference = start(images, qdiv, config, options.withSpanReplay(false));
            Bio replaying = start(images, qdiv, config, options);
            Random hostA = new Random(seed);
            Random hostB = new Random(seed);
            for (int stop = 0; stop < 300; stop++) {
                String where = "program set " + set + ", stop " + stop + " at clock " + reference.cycle();
                int length = hostA.nextInt(4) == 0 ? hostA.nextInt(3_000) : hostA.nextInt(40);
                hostB.nextInt(4);
                hostB.nextInt(length == 0 ? 1 : length + 1);
                reference.run(length);
                replaying.run(length);
                assertEquals(reference.cycle(), replaying.cycle(), where);
                assertEquals(reference.describeBlock(), replaying.describeBlock(), where + ": block");
                for (int c = 0; c < 4; c++) {
                    assertEquals(reference.describeCore(c), replaying.describeCore(c), where + ": core " + c);
                }
                hostTraffic(reference, hostA);
                hostTraffic(replaying, hostB);
            }
            assertEquals(0, replaying.spans().mismatches(), "program set " + set + ": replay results the reference disowned");
            replayed += replaying.spans().replayed();
            traced += replaying.spans().traced();
        }
        assertTrue(replayed > 100_000, "spans replayed: " + replayed);
        assertTrue(traced > replayed / 10, "spans replayed by compiled traces: " + traced + " of " + replayed);
    }

    /**
     * Four cores running the same busy loop (ALU work, a multiply, a store and a load, a pin write
     * every round, a word around the ring of FIFOs every eighth round) learn their spans once: after
     * a warm-up nothing more is learned and nearly every instruction is replayed.
     */
    @Test
    void aBusyLoopIsLearnedOnceAndThenReplayed() {
        byte[] image = BioPrograms.source(
                "mv a0, clk", "srli a0, a0, 30", "li s0, 0x100", "li t0, 0x0F", "mv pinmask, t0", "mv dirout, t0",
                "1:", "addi a2, a2, 1", "xor a3, a2, a0", "slli a4, a3, 3", "add a5, a4, a2", "mul a5, a5, a3",
                "sw a5, 0(s0)", "lw a4, 0(s0)", "mv pins, a4", "andi t0, a2, 7", "bnez t0, 1b",
                "beqz a0, 10f", "li t1, 1", "beq a0, t1, 11f", "li t1, 2", "beq a0, t1, 12f",
                "mv fifo3, a2", "mv s1, fifo2", "j 1b",
                "10: mv fifo0, a2", "mv s1, fifo3", "j 1b",
                "11: mv fifo1, a2", "mv s1, fifo0", "j 1b",
                "12: mv fifo2, a2", "mv s1, fifo1", "j 1b");
        Bio bio = new Bio();
        for (int c = 0; c < 4; c++) {
            bio.loadProgram(c, image);
        }
        bio.store(0x00, 0xFFF, 4);
        bio.run(200_000);
        long learned = bio.spans().learned();
        long replayed = bio.spans().replayed();
        bio.run(1_000_000);
        assertEquals(learned, bio.spans().learned(), "spans learned after the warm-up");
        long spans = bio.spans().replayed() - replayed;
        // About one instruction per 5 clocks per core here; nearly all of them replayed.
        assertTrue(spans > 4 * 1_000_000 / 7, "spans replayed in 1,000,000 clocks: " + spans);
        assertTrue(bio.spans().traced() > bio.spans().replayed() / 2, "spans replayed by compiled traces: "
                + bio.spans().traced() + " of " + bio.spans().replayed());
        for (int c = 0; c < 4; c++) {
            assertTrue(!bio.trapped(c) && bio.x(c, 12) > 1000, "core " + c + " rounds: " + bio.x(c, 12));
        }
    }

    private static Bio start(List<byte[]> images, int[] qdiv, int config, BioConfig options) {
        Bio bio = new Bio(options, null);
        bio.setQuietSkipping(options.spanReplay());
        for (int c = 0; c < images.size(); c++) {
            bio.loadProgram(c, images.get(c));
        }
        for (int c = 0; c < 4; c++) {
            bio.store(0x50 + 4 * c, qdiv[c], 4);
        }
        bio.store(0x08, config, 4);
        bio.store(0x00, ((1 << images.size()) - 1) * 0x111, 4);
        return bio;
    }

    private static void hostTraffic(Bio bio, Random host) {
        switch (host.nextInt(10)) {
            case 0 -> bio.store(0x10 + 4 * host.nextInt(4), host.nextInt(), 4);
            case 1 -> bio.store(0x38, 1 << host.nextInt(24), 4);
            case 2 -> bio.load(0x20 + 4 * host.nextInt(4), 4);
            case 3 -> bio.drivePins(host.nextInt());
            default -> { }
        }
    }
}
