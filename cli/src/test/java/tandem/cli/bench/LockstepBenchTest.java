package tandem.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tandem.cli.CliRun;
import tandem.cli.Tandem;

/**
 * {@code tandem bench lockstep} on a tiny workload: both configurations pass and both ratios
 * (per wall-clock second, per CPU second of the process) are printed. Speed itself is never
 * asserted here.
 */
class LockstepBenchTest {

    @Test
    void printsTheWallClockAndCpuRatios() {
        CliRun run = CliRun.tandem("bench", "lockstep", "--iterations", "3000", "--repeat", "1");
        assertEquals(Tandem.PASS, run.exitCode(), run.toString());
        // 4 set-up instructions, 9 per pass, and the 4 that write the finisher: every one compared
        assertTrue(run.out().contains("27,008 retires per run"), run.out());
        assertTrue(run.out().matches("(?s).*per wall-clock second: RTL alone [0-9.]+ M cycles/s, lockstep [0-9.]+ M cycles/s,"
                + " ratio [0-9.]+ \\(target >= 0\\.90: (met|NOT met)\\).*"), run.out());
        assertTrue(run.out().matches("(?s).*per CPU second of the process, all threads: RTL alone [0-9.]+ M, lockstep"
                + " [0-9.]+ M cycles/s, ratio [0-9.]+ \\([0-9]+ cores\\).*"), run.out());
    }
}
