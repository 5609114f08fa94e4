package tandem.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.testing.RiscvCoreFixture;

/**
 * The checker runs batches behind the RTL on its own thread; with small batches the RTL is
 * several batches ahead when a divergence is found, and the verdict must still be the one a
 * sequential run reaches: the exact retire, the last K retires of both sides up to it, and the
 * same figures on every run.
 */
class PipelinedLockstepTest {

    private static final long RAM = 0x8000_0000L;
    /** The {@code addi t1, t1, 1} of loop iteration 1500 of {@link BenchProgram} (4 set-up retires, 9 per pass). */
    private static final long TARGET = 4 + 9 * 1500 + 1;

    @TempDir
    Path out;

    private LockstepResult run(Path dir) {
        return run(dir, 64);
    }

    private LockstepResult run(Path dir, int batch) {
        LockstepSession session = new LockstepSession(RiscvCoreFixture.library(), null, "pipelined test");
        Machine machine = Machine.create(Platform.named("virt"), Profile.RV32IM);
        return session.run(machine, new BenchProgram(RAM, 3000), LockstepOptions.defaults(dir).withBatch(batch)
                .withFlip(TARGET, 3), null);
    }

    @Test
    void divergenceFoundWhileTheRtlRunsAheadIsReportedAtExactlyThatRetireWithItsHistory() throws Exception {
        LockstepResult r = run(out.resolve("a"));
        assertEquals(LockstepResult.Outcome.DIVERGED, r.outcome(), r.detail());
        Divergence d = r.divergence();
        assertEquals(TARGET, d.retireIndex(), r.detail());
        assertEquals(TARGET, r.retires(), "every retire before it matched");
        List<RetireView> rtl = d.rtlHistory();
        List<RetireView> golden = d.goldenHistory();
        assertEquals(16, rtl.size());
        assertEquals(16, golden.size());
        for (int i = 0; i < rtl.size(); i++) {
            assertEquals(TARGET - 15 + i, rtl.get(i).index(), "RTL history is the 16 retires up to the divergence");
            assertEquals(rtl.get(i).pc(), golden.get(i).pc(), "both sides side by side");
        }
        assertEquals(1 << 3, rtl.get(15).rdWdata() ^ golden.get(15).rdWdata());
        assertTrue(Files.readString(r.report()).contains("First divergence: RTL retire #" + TARGET));
        assertEquals(d.cycle(), rtl.get(15).cycle());
        assertTrue(r.cycles() >= d.cycle() && r.cycles() - d.cycle() < 200,
                "cycles reported as of the checked batch: " + r.cycles() + " vs " + d.cycle());
    }

    @Test
    void historyIsTheSameWhateverTheBatchSize() throws Exception {
        Divergence small = run(out.resolve("small")).divergence();
        Divergence large = run(out.resolve("large"), 4096).divergence();
        assertEquals(small.rtlHistory(), large.rtlHistory());
        assertEquals(small.goldenHistory(), large.goldenHistory());
        assertEquals(small.mismatches(), large.mismatches());
    }

    @Test
    void theVerdictIsTheSameOnEveryRun() throws Exception {
        LockstepResult a = run(out.resolve("a"));
        LockstepResult b = run(out.resolve("b"));
        assertEquals(a.detail(), b.detail());
        assertEquals(a.cycles(), b.cycles());
        assertEquals(Files.readString(a.report()), Files.readString(b.report()));
    }
}
