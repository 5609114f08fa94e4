package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cycle timing of the core state machine against figures from the RTL.
 *
 * <p>ACLK test: x31 samples counted from the enable, as x31 is (the host clock ratio of 8 puts
 * the core's first clock 24 BIO clocks after the enable). The header of {@code bio_bdma.sv}
 * gives 29, 32, 36, 43, 46, [54, 64] for this configuration from a SoC run; the Verilated RTL
 * with host and BIO clock edges aligned gives 55 and 65 for the two samples taken after quantum
 * waits (the divider starts one clock later relative to the core), and the model follows the
 * Verilated RTL. The driver test's own checks (deltas 3, 3|4, 6|7, 3 and 10) hold for both.
 *
 * <p>Blink: the pin-21 changes seen when the RTL ran under Verilator, counted from core 0's
 * first clock after its restart. The BIO simulator's published figures (47, 59, 33551, 67004)
 * count from its own origin, 19 clocks earlier, and leave out the clocks it spends polling for
 * traps, so only their first two differences agree with these.
 */
class BioTimingTest {

    @Test
    void aclkTestSamplesMatchTheVerilatedRtl() {
        Bio bio = BioPrograms.start("aclk.S", 1, 0x000A_0000);
        bio.run(200);
        int[] samples = new int[bio.fifoLevel(1)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = bio.load(0x24, 4) & 0x3FFF_FFFF;
            bio.run(1);
        }
        assertArrayEquals(new int[] {29, 32, 36, 43, 46, 55, 65}, samples);
        assertEquals(10, samples[6] - samples[5], "units.rs: one quantum of QDIV 10 apart");
    }

    @Test
    void blinkPinChangesMatchTheRtl() {
        Bio bio = BioPrograms.start("blink.S", 0, 0x0001_0000);
        long origin = bio.cycle();
        List<Long> dirChanges = new ArrayList<>();
        List<Long> pinChanges = new ArrayList<>();
        int[] last = {0, 0};
        bio.setObserver(b -> {
            int dir = (b.directions() >>> 21) & 1;
            int pin = (b.pins() >>> 21) & 1;
            if (dir != last[0]) {
                dirChanges.add(b.cycle() - origin);
                last[0] = dir;
            }
            if (pin != last[1]) {
                pinChanges.add(b.cycle() - origin);
                last[1] = pin;
            }
        });
        bio.run(70_000);
        assertEquals(List.of(28L), dirChanges);
        assertEquals(List.of(40L, 34044L, 68041L), pinChanges);
    }
}
