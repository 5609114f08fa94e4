package tandem.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tandem.report.model.Coverage;
import tandem.report.model.CoverageUniverse;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

/**
 * Everything one {@code tandem report} shows: the runs gathered, the input problems met on the
 * way, and the coverage of all runs merged and measured against the ISA's full set.
 *
 * @param title       page title
 * @param generatedAt ISO-8601 UTC time of generation
 * @param tool        generating tool and version
 * @param runs        the runs, in input order
 * @param problems    one line per input file that could not be read (file:line: message)
 * @param universe    the full sets coverage is measured against
 */
public record ConformanceReport(String title, String generatedAt, String tool, List<RunResult> runs,
                                List<String> problems, CoverageUniverse universe) {

    /** Copies the lists. */
    public ConformanceReport {
        Objects.requireNonNull(universe, "universe");
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    /** Coverage of all runs added together. */
    public Coverage coverage() {
        Coverage all = new Coverage();
        for (RunResult r : runs) {
            if (r.coverage() != null) {
                all.addAll(r.coverage());
            }
        }
        return all;
    }

    /** Cases (and BIO runs) with {@code status} over all runs. */
    public long count(Status status) {
        return runs.stream().mapToLong(r -> r.count(status)).sum();
    }

    /** Cases with {@code status} in runs of {@code kind}. */
    public long count(RunKind kind, Status status) {
        return runs.stream().filter(r -> r.kind() == kind).mapToLong(r -> r.count(status)).sum();
    }

    /** Number of runs of each kind that has any. */
    public Map<RunKind, Long> suitesByKind() {
        Map<RunKind, Long> out = new EnumMap<>(RunKind.class);
        for (RunResult r : runs) {
            out.merge(r.kind(), 1L, Long::sum);
        }
        return out;
    }

    /** Total cases and BIO runs. */
    public long total() {
        long n = 0;
        for (Status s : Status.values()) {
            n += count(s);
        }
        return n;
    }

    /** The verdict: {@link Status#ERROR} on input problems or errors, FAIL on failures, else PASS. */
    public Status verdict() {
        if (!problems.isEmpty() || count(Status.ERROR) > 0) {
            return Status.ERROR;
        }
        boolean failed = count(Status.FAIL) > 0 || runs.stream().anyMatch(RunResult::failing);
        return failed ? Status.FAIL : Status.PASS;
    }
}
