package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Span replay ({@code Bio.runSpans}) against the reference core stepped clock by clock: the same
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

    @Test
    void randomProgramsReplayToTheReferenceState() {
        Random random = new Random(Long.getLong("bio.spanSeed", 0x5BA7));
        long replayed = 0;
        for (int set = 0; set < Integer.getInteger("bio.spanSets", 24); set++) {
            List<byte[]> images = new ArrayList<>();
            int cores = 1 + random.nextInt(4);
            for (int c = 0; c < cores; c++) {
                images.add(BioPrograms.source(randomProgram(random, c)));
            }
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
        }
        assertTrue(replayed > 100_000, "spans replayed: " + replayed);
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

    private static String[] randomProgram(Random random, int core) {
        List<String> lines = new ArrayList<>();
        lines.add("li a0, " + (core + 1));
        lines.add("li s0, 0x300");
        lines.add("li t0, 0xFF");
        lines.add("mv pinmask, t0");
        lines.add("li t1, " + (1 << random.nextInt(24)));
        lines.add("mv evmask, t1");
        lines.add("loop:");
        int n = 6 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(12);
            if (kind < 7) {
                lines.add(WORK[random.nextInt(WORK.length)]);
            } else if (kind < 9) {
                lines.add(SIDE[random.nextInt(SIDE.length)]);
            } else if (kind == 9) {
                lines.add(random.nextBoolean() ? "mv fifo" + core + ", a0" : "mv a1, fifo" + ((core + 3) & 3));
            } else if (kind == 10) {
                lines.add("addi t2, t2, -1");
                lines.add("bgtz t2, 1f");
                lines.add("li t2, " + (1 + random.nextInt(5)));
                lines.add("1:");
            } else {
                lines.add("la t3, 3f");
                lines.add("jalr t4, t3, 0");
                lines.add("3:");
            }
        }
        lines.add("j loop");
        return lines.toArray(String[]::new);
    }
}
