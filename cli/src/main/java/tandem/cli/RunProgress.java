package tandem.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import tandem.golden.platform.Machine;
import tandem.golden.platform.StopReason;

/**
 * Runs a machine in slices and shows a progress bar (millions of instructions, rate, ETA
 * against the budget) on stderr while a person is watching; scripts and --quiet get none.
 */
final class RunProgress {
    /** Instructions between bar updates: long enough that updating costs nothing measurable. */
    private static final long SLICE = 20_000_000L;

    private RunProgress() {
    }

    /** Runs {@code machine} for up to {@code budget} instructions and returns why it stopped. */
    static StopReason run(Machine machine, long budget, boolean show, String task) {
        if (!show || System.console() == null) {
            return machine.run(budget);
        }
        PrintStream err = System.err;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(budget / 1_000_000)
                .setUnit(" M instr", 1).setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err)).build()) {
            long start = machine.hart().instret();
            while (true) {
                long done = machine.hart().instret() - start;
                long left = budget - done;
                StopReason reason = machine.run(Math.min(SLICE, left));
                bar.stepTo((machine.hart().instret() - start) / 1_000_000);
                if (reason.kind() != StopReason.Kind.BUDGET || left <= SLICE) {
                    return reason.kind() == StopReason.Kind.BUDGET
                            ? new StopReason(StopReason.Kind.BUDGET, reason.exitCode(), reason.pc(),
                                    "instruction limit of " + budget + " reached")
                            : reason;
                }
            }
        }
    }
}
