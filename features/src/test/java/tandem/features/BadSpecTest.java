package tandem.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Cucumber on deliberately wrong specs and checks that each problem is one line naming
 * the feature file and the line at fault, with exit code 2 for a wrong spec and 1 for a
 * behaviour that does not match.
 */
class BadSpecTest {
    private static final String HEADER = String.join("\n",
            "Feature: bad",
            "  Scenario: one",
            "    Given a VexRiscv hart on the \"virt\" platform",
            "");

    @TempDir
    Path dir;

    private SpecRun.Result run(String body) throws IOException {
        Path f = dir.resolve("bad.feature");
        Files.writeString(f, HEADER + body);
        return SpecRun.run(List.of(f.toString()), null, dir.resolve("reports"));
    }

    private static void assertProblem(SpecRun.Result r, String text) {
        assertTrue(r.problems().stream().anyMatch(p -> p.contains(text)),
                () -> "expected a problem containing '" + text + "', got " + r.problems());
    }

    @Test
    void undefinedStepNamesFileAndLine() throws IOException {
        SpecRun.Result r = run("    When the hart does a cartwheel\n");
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:4: undefined step: When the hart does a cartwheel");
    }

    @Test
    void badHexNamesFileAndLine() throws IOException {
        SpecRun.Result r = run("    And the word at physical address 0x8000_10G0 is 1\n");
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:4: bad number '0x8000_10G0'");
    }

    @Test
    void unknownPlatformNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.feature");
        Files.writeString(f, "Feature: bad\n  Scenario: one\n    Given a VexRiscv hart on the \"pdp11\" platform\n");
        SpecRun.Result r = SpecRun.run(List.of(f.toString()), null, dir.resolve("reports"));
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:3: unknown platform 'pdp11'");
    }

    @Test
    void unknownProcessNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.feature");
        Files.writeString(f, String.join("\n",
                "Feature: bad",
                "  Scenario: one",
                "    Given the Xous-ABI kernel is booted on the \"precursor\" platform",
                "    When process \"printer\" borrows 1 page to server \"echo\" as message 0x21",
                ""));
        SpecRun.Result r = SpecRun.run(List.of(f.toString()), null, dir.resolve("reports"));
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:4: unknown process 'printer' (the Xous-ABI test kernel runs log, echo, driver, "
                + "spinner, victim)");
    }

    @Test
    void unknownKernelPlatformNamesFileAndLine() throws IOException {
        Path f = dir.resolve("bad.feature");
        Files.writeString(f, "Feature: bad\n  Scenario: one\n    Given the Xous-ABI kernel is booted on the \"vax\" platform\n");
        SpecRun.Result r = SpecRun.run(List.of(f.toString()), null, dir.resolve("reports"));
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:3: unknown platform 'vax' for the Xous-ABI test kernel");
    }

    @Test
    void badPageTableFlagNamesFileAndLine() throws IOException {
        SpecRun.Result r = run(String.join("\n",
                "    And the page table at 0x8010_0000 maps:",
                "      | va          | pa          | flags |",
                "      | 0x0001_0000 | 0x8020_0000 | VRQ   |",
                ""));
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:4: bad PTE flag 'Q' in 'VRQ'");
    }

    @Test
    void tagsSelectScenarios() throws IOException {
        Path f = dir.resolve("tagged.feature");
        Files.writeString(f, String.join("\n",
                "Feature: tagged",
                "  @wanted",
                "  Scenario: chosen",
                "    Given a VexRiscv hart on the \"virt\" platform",
                "  Scenario: left out",
                "    When the hart does a cartwheel",
                ""));
        SpecRun.Result r = SpecRun.run(List.of(f.toString()), "@wanted", dir.resolve("reports"));
        assertEquals(0, r.exitCode(), () -> r.problems().toString());
    }

    @Test
    void assemblyErrorNamesTheDocStringLine() throws IOException {
        SpecRun.Result r = run(String.join("\n",
                "    And the program at 0x8030_0000:",
                "      \"\"\"",
                "      li   a0, 1",
                "      frobnicate a0",
                "      ecall",
                "      \"\"\"",
                ""));
        assertEquals(2, r.exitCode());
        assertProblem(r, "bad.feature:7: assembly error: unrecognized opcode");
    }

    @Test
    void missingToolchainNamesTheAptPackages() throws IOException {
        System.setProperty("tandem.riscv.prefix", dir.resolve("no-such-riscv-").toString());
        try {
            SpecRun.Result r = run(String.join("\n",
                    "    And the program at 0x8030_0000:",
                    "      \"\"\"",
                    "      li a0, 0x7007",
                    "      \"\"\"",
                    ""));
            assertEquals(2, r.exitCode());
            assertProblem(r, "bad.feature:4: ");
            assertProblem(r, "install the RISC-V toolchain: "
                    + "apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf");
        } finally {
            System.clearProperty("tandem.riscv.prefix");
        }
    }

    @Test
    void runawayProgramStopsAtTheBudget() throws IOException {
        SpecRun.Result r = run(String.join("\n",
                "    And an instruction budget of 500",
                "    And the program at 0x8030_0000:",
                "      \"\"\"",
                "      loop: j loop",
                "      \"\"\"",
                "    When the hart runs in \"machine\" mode until a trap",
                "    Then mcause is 11",
                ""));
        assertEquals(1, r.exitCode());
        assertProblem(r, "bad.feature:9: no trap within the budget of 500 instructions: the hart is at pc 0x80300000");
    }

    @Test
    void unmetExpectationFailsWithExitOne() throws IOException {
        SpecRun.Result r = run(String.join("\n",
                "    And the program at 0x8030_0000:",
                "      \"\"\"",
                "      li a0, 5",
                "      ecall",
                "      \"\"\"",
                "    When the hart runs in \"machine\" mode until a trap",
                "    Then register a0 is 6",
                ""));
        assertEquals(1, r.exitCode());
        assertProblem(r, "bad.feature:10: register a0 is 0x00000005, expected 0x00000006");
    }

    @Test
    void passingSpecWritesHtmlJsonAndJunitReports() throws IOException {
        SpecRun.Result r = run(String.join("\n",
                "    And the program at 0x8030_0000:",
                "      \"\"\"",
                "      li a0, 5",
                "      ecall",
                "      \"\"\"",
                "    When the hart runs in \"machine\" mode until a trap",
                "    Then register a0 is 5",
                ""));
        assertEquals(0, r.exitCode(), () -> r.problems().toString());
        assertTrue(r.problems().isEmpty());
        String json = Files.readString(r.reportDir().resolve("cucumber.json"));
        assertTrue(json.contains("\"name\": \"one\"") || json.contains("\"name\":\"one\""), json);
        assertTrue(Files.size(r.reportDir().resolve("report.html")) > 1000);
        assertTrue(Files.readString(r.reportDir().resolve("junit.xml")).contains("testcase"));
    }

    @Test
    void missingFeatureFileIsAnInputError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(tandem.golden.TandemException.class,
                () -> SpecRun.run(List.of(dir.resolve("nope.feature").toString()), null, dir.resolve("reports")));
        assertTrue(e.getMessage().endsWith("nope.feature: no such feature file or directory"), e.getMessage());
    }
}
