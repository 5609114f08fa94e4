package tandem.cli;

import tandem.golden.platform.Machine;
import tandem.golden.platform.StopReason;

/**
 * Runs a machine in slices so a {@link ProgressDisplay} can show instructions retired, the
 * rate and the ETA against the budget; with a hidden display it runs in one call.
 */
final class RunProgress {
    /** Instructions between bar updates: long enough that updating costs nothing measurable. */
    private static final long SLICE = 20_000_000L;

    private RunProgress() {
    }

    /** Runs {@code machine} for up to {@code budget} instructions and returns why it stopped. */
    static StopReason run(Machine machine, long budget, ProgressDisplay bar) {
        if (!bar.shown()) {
            return machine.run(budget);
        }
        long start = machine.hart().instret();
        while (true) {
            long left = budget - (machine.hart().instret() - start);
            StopReason reason = machine.run(Math.min(SLICE, left));
            bar.stepTo(machine.hart().instret() - start);
            if (reason.kind() != StopReason.Kind.BUDGET || left <= SLICE) {
                return reason.kind() == StopReason.Kind.BUDGET
                        ? new StopReason(StopReason.Kind.BUDGET, reason.exitCode(), reason.pc(),
                                "instruction limit of " + budget + " reached")
                        : reason;
            }
        }
    }
}
