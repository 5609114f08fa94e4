package tandem.golden.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The directed-test harness reports failures: a wrong check fails with its line. */
class GoldenRunnerTest {

    private static final String FAILING = String.join("\n",
            "#include \"tandem_test.h\"",
            "    .text",
            "    .globl tandem_test",
            "tandem_test:",
            "    li a0, 41",
            "    CHECK_EQ(a0, 42)",
            "    j tandem_pass",
            "");

    @Test
    void failingCheckStopsWithItsLineAndValues() {
        Path elf = GuestToolchain.get().assembleTestSource("failing_check", FAILING);
        GuestResult r = GoldenRunner.run(elf, GoldenRunner.DIRECTED_BUDGET);
        assertFalse(r.passed());
        assertEquals(6, r.exitCode());
        assertEquals("FAIL line 6 got 0x00000029 expected 0x0000002a", r.lastLine());
    }

    @Test
    void unexpectedTrapIsReported() {
        Path elf = GuestToolchain.get().assembleTestSource("unexpected_trap", String.join("\n",
                "#include \"tandem_test.h\"",
                "    .text",
                "    .globl tandem_test",
                "tandem_test:",
                "    ecall",
                "    j tandem_pass",
                ""));
        GuestResult r = GoldenRunner.run(elf, GoldenRunner.DIRECTED_BUDGET);
        assertEquals(0xFFFF, r.exitCode());
        assertTrue(r.lastLine().startsWith("FAIL unexpected trap mcause=0x0000000b"), r.lastLine());
    }

    @Test
    void passingProgramPasses() {
        Path elf = GuestToolchain.get().assembleTestSource("passing_check", FAILING.replace("42", "41"));
        GuestResult r = GoldenRunner.run(elf, GoldenRunner.DIRECTED_BUDGET);
        assertTrue(r.passed(), r.how());
        assertEquals("PASS", r.lastLine());
    }

    @Test
    void directedAssertionNamesFileAndLine() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> DirectedTest.assertPasses("tandem/golden/testing/failing_on_purpose.S"));
        assertTrue(e.getMessage().startsWith("failing_on_purpose.S:8: FAIL line 8"), e.getMessage());
    }
}
