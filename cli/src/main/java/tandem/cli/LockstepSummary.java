package tandem.cli;

import java.util.Locale;
import tandem.lockstep.LockstepResult;

/** The summary of one lockstep run, shared by {@code tandem lockstep} and {@code tandem vectors run --rtl}. */
final class LockstepSummary {

    private LockstepSummary() {
    }

    /** Figures and lines of {@code r}; a run that did not pass is a problem. */
    static Summary of(LockstepResult r) {
        String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
        Summary s = new Summary("lockstep").figure("outcome", outcome).figure("detail", r.detail())
                .figure("retiresMatched", r.retires()).figure("cycles", r.cycles()).figure("seconds", r.seconds())
                .figure("cyclesPerSecond", r.cyclesPerSecond())
                .figure("report", r.report() == null ? null : r.report().toString())
                .figure("vcd", r.divergence() == null || r.divergence().vcd() == null ? null
                        : r.divergence().vcd().toString());
        String headline = "lockstep: " + outcome + ": " + r.detail();
        if (r.outcome() == LockstepResult.Outcome.PASS) {
            s.line(headline);
        } else {
            s.problem(headline);
        }
        s.line(String.format(Locale.ROOT, "lockstep: %,d retires matched, %,d RTL cycles in %.2f s (%.2f M cycles/s)",
                r.retires(), r.cycles(), r.seconds(), r.cyclesPerSecond() / 1e6));
        if (r.report() != null) {
            s.line("lockstep: report " + r.report());
        }
        if (r.divergence() != null && r.divergence().vcd() != null) {
            s.line("lockstep: VCD " + r.divergence().vcd());
        }
        return s;
    }
}
