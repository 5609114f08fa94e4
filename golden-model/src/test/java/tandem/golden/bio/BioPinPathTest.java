package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** External quantum clocks, output snapping and the host clock ratio. */
class BioPinPathTest {

    @Test
    void externalClockPinPacesTheQuantumWaits() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.image("quantum-blink.S"));
        bio.store(0x44, 1 | 3 << 4, 4); // core 0 takes its quantum from rising edges of pin 3
        BioPrograms.startCores(bio, 0x1);
        PinRecorder pins = new PinRecorder(bio, 0x1);
        bio.setObserver(b -> {
            pins.cycle(b);
            long t = b.cycle();
            b.drivePins((t / 50) % 2 == 1 ? 0x8 : 0);
        });
        bio.run(600);
        List<Long> at = pins.cycles();
        assertEquals(6, at.size(), "one toggle per rising edge of pin 3 (at 50, 150, ... 550)");
        for (int i = 3; i < at.size(); i++) {
            assertEquals(200, at.get(i) - at.get(i - 2), "two toggles per two pin-3 periods");
        }
    }

    @Test
    void snappedOutputsChangeOnlyOnTheChosenCoresQuantum() {
        Bio bio = new Bio();
        bio.loadProgram(0, BioPrograms.image("blink.S"));
        bio.store(0x54, 0x0040_0000, 4); // core 1's divider: one pulse per 64 clocks
        bio.store(0x08, 0x4 | 0x1, 4); // snap outputs to core 1's quantum
        bio.store(0x00, 0x222, 4); // restart core 1's divider (core 1 has no program to run)
        bio.run(1);
        BioPrograms.startCores(bio, 0x1);
        PinRecorder pins = new PinRecorder(bio, 1 << 21);
        bio.run(70_000);
        List<Long> at = pins.cycles();
        assertEquals(3, at.size());
        assertEquals(at.get(0) % 64, at.get(1) % 64, "every change lands on the same divider phase");
        assertEquals(at.get(0) % 64, at.get(2) % 64, "every change lands on the same divider phase");
    }

    @Test
    void platformTicksScaleCpuCyclesToBioClocks() {
        Bio bio = new Bio(BioConfig.DEFAULT.withClockRatio(2, 1), null);
        bio.tick(10);
        assertEquals(20, bio.cycle());
        Bio half = new Bio(BioConfig.DEFAULT.withClockRatio(1, 2), null);
        half.tick(3);
        half.tick(3);
        assertEquals(3, half.cycle());
    }
}
