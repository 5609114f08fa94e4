package tandem.report.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {

    private static DivergenceRecord divergence(String caseName) {
        return new DivergenceRecord(caseName, 7, 0x8000_0000L, 0x13, "nop", "x5", "1", "2", 10L, List.of(), null);
    }

    @Test
    void aDivergenceFailsTheRun() {
        RunResult r = RunResult.of(RunKind.LOCKSTEP, "s", "t", Map.of(), List.of(CaseResult.of("prog", Status.FAIL, 1, "diverged")))
                .withDivergences(List.of(divergence("prog")));
        assertTrue(r.failing());
        RunResult unnamed = RunResult.of(RunKind.LOCKSTEP, "s", "t", Map.of(), List.of(CaseResult.pass("other", 1)))
                .withDivergences(List.of(divergence("prog")));
        assertTrue(unnamed.failing(), "a divergence of no known case still fails");
    }

    @Test
    void anExpectedDivergenceOfAWaivedCaseDoesNot() {
        RunResult r = RunResult.of(RunKind.LOCKSTEP, "s", "t", Map.of(),
                List.of(CaseResult.pass("clean", 1), CaseResult.of("injected fault", Status.WAIVED, 1, "expected")))
                .withDivergences(List.of(divergence("injected fault")));
        assertFalse(r.failing());
    }
}
