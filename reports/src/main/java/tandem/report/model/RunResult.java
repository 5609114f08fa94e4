package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of one {@code tandem-result.json}: what one command run produced. Commands that
 * check something ({@code tandem vectors run}, boots, lockstep, BIO) write one; {@code tandem
 * report} reads them together with JUnit XML and Cucumber JSON. See {@link #SCHEMA}.
 *
 * @param schema       always {@link #SCHEMA}; a reader rejects any other value
 * @param kind         what produced it
 * @param suite        the suite's name (input file, program, command)
 * @param tool         the producing tool and version ({@code tandem 0.1.0})
 * @param startedAt    ISO-8601 UTC start time, or null
 * @param environment  reproducibility header: ISA, platform, seed, ELF and model hashes
 * @param cases        one entry per test case
 * @param coverage     what the retire stream exercised, or null
 * @param divergences  lockstep divergences, first one of each case
 * @param bio          BIO runs
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RunResult(@JsonProperty(required = true) String schema,
                        @JsonProperty(required = true) RunKind kind,
                        @JsonProperty(required = true) String suite,
                        String tool, String startedAt, Map<String, String> environment,
                        List<CaseResult> cases, Coverage coverage,
                        List<DivergenceRecord> divergences, List<BioRun> bio) {

    /** The schema identifier written in every file; its number changes on incompatible change. */
    public static final String SCHEMA = "tandem-result/1";

    /** The file name commands write. */
    public static final String FILE_NAME = "tandem-result.json";

    /** Copies the collections, turning absent ones empty. */
    public RunResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(suite, "suite");
        environment = environment == null ? Map.of() : new TreeMap<>(environment);
        cases = cases == null ? List.of() : List.copyOf(cases);
        divergences = divergences == null ? List.of() : List.copyOf(divergences);
        bio = bio == null ? List.of() : List.copyOf(bio);
    }

    /** A result of the current schema with no coverage, divergences or BIO runs. */
    public static RunResult of(RunKind kind, String suite, String tool, Map<String, String> environment,
                               List<CaseResult> cases) {
        return new RunResult(SCHEMA, kind, suite, tool, null, environment, cases, null, List.of(), List.of());
    }

    /** This result with {@code c} as its coverage. */
    public RunResult withCoverage(Coverage c) {
        return new RunResult(schema, kind, suite, tool, startedAt, environment, cases, c, divergences, bio);
    }

    /** This result with its start time. */
    public RunResult withStartedAt(String iso) {
        return new RunResult(schema, kind, suite, tool, iso, environment, cases, coverage, divergences, bio);
    }

    /** This result with its divergences. */
    public RunResult withDivergences(List<DivergenceRecord> list) {
        return new RunResult(schema, kind, suite, tool, startedAt, environment, cases, coverage, list, bio);
    }

    /** This result with its BIO runs. */
    public RunResult withBio(List<BioRun> list) {
        return new RunResult(schema, kind, suite, tool, startedAt, environment, cases, coverage, divergences, list);
    }

    /** Number of cases with {@code status}. */
    public long count(Status status) {
        return cases.stream().filter(c -> c.status() == status).count()
                + bio.stream().filter(b -> b.status() == status).count();
    }

    /** True when any case or BIO run failed or errored, or a divergence belongs to a case that is not waived. */
    @JsonIgnore
    public boolean failing() {
        return cases.stream().anyMatch(c -> c.status().failing())
                || bio.stream().anyMatch(b -> b.status().failing())
                || divergences.stream().anyMatch(d -> !waived(d.caseName()));
    }

    /** Whether the case called {@code name} is waived (an expected failure, e.g. an injected fault). */
    private boolean waived(String name) {
        return cases.stream().anyMatch(c -> c.name().equals(name) && c.status() == Status.WAIVED);
    }
}
