package tandem.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tandem.golden.platform.StopReason;

/**
 * The outcome of a boot: which milestones were reached and when, why it stopped, every CHECK
 * line, every process fault the kernel reported, and the notes a user needs (bad tag CRCs,
 * signature checking, unmodelled devices).
 *
 * @param platform the platform profile
 * @param mode "direct" or "loader"
 * @param hits milestones reached, in order
 * @param stop why the run ended
 * @param stopWhere where it ended: pc, privilege and process
 * @param instructions instructions retired
 * @param cycles simulated cycles
 * @param clockHz CPU clock used for simulated time
 * @param checks every CHECK line
 * @param faults kernel lines reporting a process fault or a kernel panic
 * @param notes other things the user should know
 * @param console what each UART printed
 * @param expected the milestones looked for
 */
public record BootReport(String platform, String mode, List<Hit> hits, StopReason stop, String stopWhere,
                         long instructions, long cycles, long clockHz, List<CheckLine> checks, List<String> faults,
                         List<String> notes, Map<String, String> console, List<Milestone> expected) {

    /**
     * A milestone reached.
     *
     * @param milestone which
     * @param uart where it was printed
     * @param instructions instructions retired when it was printed
     * @param cycles cycles when it was printed
     */
    public record Hit(Milestone milestone, String uart, long instructions, long cycles) { }

    /** Whether {@code m} was reached. */
    public boolean reached(Milestone m) {
        return hit(m).isPresent();
    }

    /** The hit for {@code m}, if reached. */
    public Optional<Hit> hit(Milestone m) {
        return hits.stream().filter(h -> h.milestone().equals(m)).findFirst();
    }

    /** The CHECK lines that said FAIL. */
    public List<CheckLine> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** The last milestone reached, or null. */
    public Milestone lastMilestone() {
        return hits.isEmpty() ? null : hits.get(hits.size() - 1).milestone();
    }

    /** 0 when the run stopped at its target line, every expected milestone was reached and no check failed. */
    public int exitCode() {
        boolean all = expected.stream().allMatch(this::reached);
        return stop.kind() == StopReason.Kind.STOPPED && all && failedChecks().isEmpty() ? 0 : 1;
    }

    /** The closing summary, one item per line. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format("boot %s (%s): %s", platform, mode, stop.describe()));
        out.add("  stopped " + stopWhere);
        for (Milestone m : expected) {
            Optional<Hit> h = hit(m);
            out.add(h.map(x -> String.format("  reached  %-22s after %,d instructions, %.3f ms simulated (%s)",
                    m.name(), x.instructions(), x.cycles() * 1000.0 / clockHz, x.uart()))
                    .orElse(String.format("  missing  %-22s \"%s\"", m.name(), m.text())));
        }
        long passed = checks.stream().filter(CheckLine::passed).count();
        out.add(String.format("  %,d instructions, %.3f ms simulated; checks: %d passed, %d failed", instructions,
                cycles * 1000.0 / clockHz, passed, checks.size() - passed));
        for (CheckLine c : failedChecks()) {
            out.add("  FAILED check " + c.name() + " " + c.details());
        }
        for (String f : faults) {
            out.add("  fault: " + f);
        }
        for (String n : notes) {
            out.add("  note: " + n);
        }
        return out;
    }
}
