package tandem.lockstep;

import java.nio.file.Path;

/**
 * How a lockstep run is set up. Immutable; the {@code with...} methods return copies.
 *
 * @param waitStates     extra bus cycles before each response
 * @param backpressure   percentage of cycles a bus command is refused (seeded)
 * @param seed           seed of the back-pressure generator
 * @param maxCycles      RTL cycles after which the run stops as over budget
 * @param stallCycles    cycles without a retire that count as a stall (WFI excused)
 * @param history        retires of each side kept for the report
 * @param outputDir      where reports, traces and the progress file go
 * @param vcdBefore      cycles of VCD before the divergence
 * @param vcdAfter       cycles of VCD after it
 * @param flipRetire     fault injection: retire index whose register write is corrupted, or -1
 * @param flipBit        bit flipped by the fault injection
 * @param batch          retire records per native call
 */
public record LockstepOptions(int waitStates, int backpressure, long seed, long maxCycles, long stallCycles,
                              int history, Path outputDir, long vcdBefore, long vcdAfter, long flipRetire,
                              int flipBit, int batch) {

    /** Defaults: no wait states or back-pressure, 200 M cycles, stall after 100 k cycles, K = 16. */
    public static LockstepOptions defaults(Path outputDir) {
        return new LockstepOptions(0, 0, 1, 200_000_000L, 100_000, 16, outputDir, 200, 50, -1, 0, 4096);
    }

    /** With bus timing: wait states, back-pressure percentage, seed. */
    public LockstepOptions withTiming(int wait, int percent, long s) {
        return new LockstepOptions(wait, percent, s, maxCycles, stallCycles, history, outputDir, vcdBefore, vcdAfter,
                flipRetire, flipBit, batch);
    }

    /** With another cycle budget. */
    public LockstepOptions withMaxCycles(long cycles) {
        return new LockstepOptions(waitStates, backpressure, seed, cycles, stallCycles, history, outputDir, vcdBefore,
                vcdAfter, flipRetire, flipBit, batch);
    }

    /** With another stall limit. */
    public LockstepOptions withStallCycles(long cycles) {
        return new LockstepOptions(waitStates, backpressure, seed, maxCycles, cycles, history, outputDir, vcdBefore,
                vcdAfter, flipRetire, flipBit, batch);
    }

    /** With fault injection: flip {@code bit} of the register write of retire {@code index}. */
    public LockstepOptions withFlip(long index, int bit) {
        return new LockstepOptions(waitStates, backpressure, seed, maxCycles, stallCycles, history, outputDir,
                vcdBefore, vcdAfter, index, bit, batch);
    }

    /** With another output directory. */
    public LockstepOptions withOutputDir(Path dir) {
        return new LockstepOptions(waitStates, backpressure, seed, maxCycles, stallCycles, history, dir, vcdBefore,
                vcdAfter, flipRetire, flipBit, batch);
    }

    /** With {@code records} retire records per native call (and per hand-off to the checker). */
    public LockstepOptions withBatch(int records) {
        return new LockstepOptions(waitStates, backpressure, seed, maxCycles, stallCycles, history, outputDir,
                vcdBefore, vcdAfter, flipRetire, flipBit, records);
    }
}
