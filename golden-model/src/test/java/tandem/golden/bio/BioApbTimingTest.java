package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Host writes through the RTL's APB timing ({@link BioConfig#apbWriteTiming}): the landing cycles
 * the Verilated RTL shows at a host clock ratio of 8 (a push issued at relative cycles 45..52
 * lands at 63, 53..60 at 71, the next back-to-back push 16 clocks after the previous one).
 */
class BioApbTimingTest {

    /** The cycle after whose edge FIFO 0 first holds a word. */
    private static long landing(Bio bio) {
        while (bio.fifoLevel(0) == 0) {
            bio.run(1);
        }
        return bio.cycle() - 1;
    }

    @Test
    void aPushLandsElevenToEighteenClocksLaterOnAHostClockPhase() {
        for (int issue = 40; issue < 64; issue++) {
            Bio bio = new Bio(BioConfig.DEFAULT.withApbWriteTiming(true), null);
            bio.run(issue);
            bio.store(0x10, 0x1234, 4);
            long at = landing(bio);
            long expected = issue + 11 + Math.floorMod(7 - (issue + 11), 8);
            assertEquals(expected, at, "push issued at " + issue);
            assertEquals(7, at % 8, "pushes land on one host clock phase");
        }
    }

    @Test
    void backToBackWritesLandOneTransferApart() {
        Bio bio = new Bio(BioConfig.DEFAULT.withApbWriteTiming(true), null);
        bio.run(50);
        bio.store(0x10, 1, 4);
        bio.store(0x10, 2, 4);
        long first = landing(bio);
        while (bio.fifoLevel(0) < 2) {
            bio.run(1);
        }
        assertEquals(63, first);
        assertEquals(first + 16, bio.cycle() - 1, "the APB takes two host clocks per transfer");
    }

    @Test
    void withoutApbTimingAPushLandsAtTheNextClock() {
        Bio bio = new Bio();
        bio.run(50);
        bio.store(0x10, 1, 4);
        assertEquals(50, landing(bio));
    }

    @Test
    void ctrlLandsOneClockAfterARegisterWriteIssuedWithIt() {
        Bio bio = new Bio(BioConfig.DEFAULT.withApbWriteTiming(true), null);
        bio.loadProgram(0, BioPrograms.source("1: j 1b"));
        bio.run(37);
        bio.store(0x00, 0x111, 4);
        bio.run(19);
        assertEquals(0, bio.clockCount(0), "EN has not landed 19 clocks after the write");
        bio.run(1);
        assertEquals(1, bio.clockCount(0), "EN landed: x31 counts from here");
    }
}
