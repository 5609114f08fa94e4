package tandem.lockstep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tandem.dut.DutRetire;
import tandem.dut.RetireBatch;
import tandem.golden.platform.StopReason;

/**
 * The second thread of a lockstep run: the golden model and the checker, one batch behind the
 * RTL. The thread running the RTL fills batch N+1 while this one checks batch N, so on a
 * machine with a second core the golden model's cost hides behind the RTL's.
 *
 * <p>Batches come in as {@link BatchHandoff}s, in order, and are checked in order, so the
 * verdict is the one a sequential run would reach: the first divergence in retire order
 * stops checking (the RTL may by then be a few batches ahead, which changes nothing in the
 * report: both sides' last retires are kept here as they are checked, and a VCD window comes
 * from a re-run). A fixed pool of batch buffers bounds how far the RTL can run ahead.
 */
final class CheckingThread implements AutoCloseable {

    /**
     * How checking ended; {@code cycles} are the RTL cycles as of the batch where it ended, the
     * figure a sequential run would report (the RTL itself may have run a little further).
     */
    record Verdict(LockstepResult.Outcome outcome, String detail, Divergence divergence, long cycles) {
    }

    private static final long PROGRESS_NANOS = 500_000_000L;

    private final GoldenLockstepChecker checker;
    private final LockstepSession.Progress progress;
    private final BlockingQueue<RetireBatch> free;
    private final BlockingQueue<BatchHandoff> work = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final long start = System.nanoTime();
    private final DutRetire r = new DutRetire();
    private volatile boolean stopped;
    private volatile Throwable failure;
    private LockstepResult.Outcome outcome;
    private String detail;
    private Divergence divergence;
    private long lastProgress = start;
    private volatile long matched;
    private long checkedCycles;

    /**
     * Starts checking against {@code checker}'s hart, with {@code buffers} batch buffers of
     * {@code batchSize} records; {@code progress} (may be null) is called from this thread.
     */
    CheckingThread(GoldenLockstepChecker checker, int buffers, int batchSize, LockstepSession.Progress progress) {
        this.checker = checker;
        this.progress = progress;
        this.free = new ArrayBlockingQueue<>(buffers);
        for (int i = 0; i < buffers; i++) {
            free.add(new RetireBatch(batchSize));
        }
        this.thread = new Thread(this::loop, "tandem-lockstep-checker");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A free batch buffer for the RTL to fill, waiting while the checker is behind; {@code null}
     * once checking has stopped (divergence, finish, failure).
     */
    RetireBatch takeBuffer() {
        try {
            while (!stopped) {
                RetireBatch b = free.poll(20, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Queues one batch for checking; after an {@link BatchHandoff#end} nothing more is taken. */
    void submit(BatchHandoff h) {
        work.add(h);
    }

    /** Retires matched so far, as of the last batch checked (readable from any thread). */
    long matched() {
        return matched;
    }

    /** Whether checking has stopped: the RTL side should stop too. */
    boolean stopped() {
        return stopped;
    }

    /** Waits until everything submitted is checked (or checking stopped) and returns the verdict. */
    Verdict awaitVerdict() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lockstep checker", e);
        }
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("lockstep checker failed", t);
        }
        return new Verdict(outcome, detail, divergence, checkedCycles);
    }

    /** Stops the thread if it is still running (the RTL side failed); idempotent. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            stopped = true;
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        try {
            while (outcome == null) {
                BatchHandoff h = work.take();
                check(h);
                checkedCycles = h.cycles();
                if (h.batch() != null) {
                    free.add(h.batch());
                }
                if (outcome == null && h.end() != null) {
                    outcome = h.end().outcome();
                    detail = h.end().outcome() == LockstepResult.Outcome.BUDGET
                            ? h.end().detail() + " at golden pc " + GoldenLockstepChecker.hex(checker.hart().pc())
                            : h.end().detail();
                }
                matched = checker.matchedRetires();
                report(h.cycles());
            }
        } catch (InterruptedException e) {
            // closed by the RTL side after its own failure: nothing left to check
        } catch (Throwable t) {
            failure = t;
        } finally {
            stopped = true;
        }
    }

    private void check(BatchHandoff h) {
        long levels = h.interruptLevels();
        if (levels >= 0) {
            checker.setInterruptPending((int) levels, (int) (levels >>> 32));
        }
        if (h.deviceAccess() != null) {
            checker.notifyDataAccess(h.deviceAccess());
        }
        RetireBatch batch = h.batch();
        if (batch == null) {
            return;
        }
        checker.beginBatch(batch);
        int checked = checkRetires(h, batch);
        checker.endBatch(checked);
    }

    /** Steps the batch's retires until the end or a verdict; returns how many were checked. */
    private int checkRetires(BatchHandoff h, RetireBatch batch) {
        XSeedTwin.Parting parting = h.xParting();
        int n = parting != null ? Math.min(batch.count(), parting.batchIndex() + 1) : batch.count();
        int i = 0;
        while (i < n) {
            // the golden model may run ahead only up to the next interrupt the RTL took,
            // and no further than a read of a CSR whose value it adopts from the RTL (RtlDecidedCsr)
            int end = i + 1;
            while (end < n && (batch.flags(end) & DutRetire.INTERRUPT) == 0
                    && !RtlDecidedCsr.is(batch.insn(end - 1))) {
                end++;
            }
            checker.expectRetires(end - i);
            for (; i < end; i++) {
                batch.read(i, r);
                if (parting != null && i == parting.batchIndex()) {
                    xPropagation(parting, true);
                    return i + 1;
                }
                if (!checker.step(r)) {
                    divergence = checker.divergences().get(0);
                    outcome = LockstepResult.Outcome.DIVERGED;
                    detail = divergence.summary();
                    return i + 1;
                }
                if (h.finishing() != null && r.has(DutRetire.MMIO) && r.has(DutRetire.MEM_WRITE)) {
                    StopReason f = h.finishing();
                    outcome = LockstepSession.finishedOutcome(f);
                    detail = String.format("%s (%s, by the store at pc %08x, RTL retire #%d)", f.detail(),
                            f.kind().name().toLowerCase(Locale.ROOT), r.pc, r.index);
                    return i + 1;
                }
            }
        }
        if (parting != null) {
            // the other seed retired more: the parting follows this batch's last retire
            xPropagation(parting, false);
        }
        return n;
    }

    /**
     * The verdict of an X-check at the retire where the seeds part (in {@link #r}; with
     * {@code checked} false the checked seed has no retire there and {@link #r} is its last):
     * a checked retire is still compared with the golden model, to say whether it agrees.
     */
    private void xPropagation(XSeedTwin.Parting parting, boolean checked) {
        boolean agrees = !checked || checker.step(r);
        List<FieldMismatch> fields = new ArrayList<>(parting.fields());
        if (!agrees) {
            for (FieldMismatch m : checker.divergences().get(0).mismatches()) {
                fields.add(new FieldMismatch("golden:" + m.field(), m.rtl(), m.golden()));
            }
        }
        StringBuilder names = new StringBuilder();
        for (FieldMismatch m : parting.fields()) {
            names.append(names.length() == 0 ? "" : ", ").append(m.field());
        }
        String summary = String.format("X-propagation: %s at retire #%d pc=%08x differs between X seeds (%s)%s",
                names, checked ? r.index : r.index + 1, r.pc,
                parting.fields().get(0).rtl() + ", " + parting.fields().get(0).golden(),
                !checked ? "" : agrees ? "; the checked seed agrees with the golden model there"
                        : "; the checked seed disagrees with the golden model there too");
        outcome = LockstepResult.Outcome.X_PROPAGATION;
        detail = summary;
        divergence = checker.snapshot(r, summary, fields);
    }

    private void report(long cycles) {
        long now = System.nanoTime();
        if (progress != null && now - lastProgress > PROGRESS_NANOS) {
            progress.update(checker.matchedRetires(), cycles, cycles / ((now - start) / 1e9), 0);
            lastProgress = now;
        }
    }
}
