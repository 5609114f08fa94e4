package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cycle timing of the core state machine against figures published from the RTL. */
class BioTimingTest {

    @Test
    void aclkTestSamplesMatchTheRtlHeader() {
        Bio bio = BioPrograms.start("aclk.S", 1, 0x000A_0000);
        bio.run(200);
        int[] samples = new int[bio.fifoLevel(1)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = bio.load(0x24, 4) & 0x3FFF_FFFF;
            bio.run(1);
        }
        assertArrayEquals(new int[] {29, 32, 36, 43, 46, 54, 64}, samples);
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
