package tandem.report.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.report.ReportSamples;
import tandem.report.ResultJson;
import tandem.report.model.CaseResult;
import tandem.report.model.CoverageDimension;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

class ResultCollectorTest {

    @TempDir
    Path dir;

    private static final String SUREFIRE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="tandem.golden.mmu.Sv32WalkerTest" time="0.12" tests="4" errors="1" skipped="1" failures="1">
              <properties><property name="java.version" value="17"/></properties>
              <testcase name="storeToReadOnlyPageFaults" classname="tandem.golden.mmu.Sv32WalkerTest" time="0.011"/>
              <testcase name="superpageMisaligned" classname="tandem.golden.mmu.Sv32WalkerTest" time="0.002">
                <failure message="expected: &lt;13&gt; but was: &lt;5&gt;" type="org.opentest4j.AssertionFailedError">stack
            trace</failure>
              </testcase>
              <testcase name="crashes" classname="tandem.golden.mmu.Sv32WalkerTest" time="0">
                <error type="java.lang.NullPointerException"/>
              </testcase>
              <testcase name="needsRtl" classname="tandem.golden.mmu.Sv32WalkerTest" time="0">
                <skipped message="TANDEM_RTL not set"/>
              </testcase>
            </testsuite>
            """;

    private static final String CUCUMBER = """
            [ {
              "uri": "classpath:features/ipc/lend.feature", "name": "Lending memory", "keyword": "Feature",
              "elements": [
                {"type": "background", "name": "", "line": 3, "steps": [
                  {"keyword": "Given ", "name": "a booted kernel", "result": {"status": "passed", "duration": 1000000}}]},
                {"type": "scenario", "name": "lend a page", "line": 6, "steps": [
                  {"keyword": "When ", "name": "process A lends a page", "result": {"status": "passed", "duration": 2000000}},
                  {"keyword": "Then ", "name": "B sees it", "result": {"status": "passed", "duration": 3000000}}]},
                {"type": "scenario", "name": "lend twice", "line": 12, "steps": [
                  {"keyword": "When ", "name": "A lends the page again", "result": {"status": "failed",
                    "error_message": "expected error LendTwice\\n\\tat ..."}},
                  {"keyword": "Then ", "name": "nothing", "result": {"status": "skipped"}}]},
                {"type": "scenario", "name": "unwritten", "line": 20, "steps": [
                  {"keyword": "When ", "name": "something new", "result": {"status": "undefined"}}]}
              ]
            } ]
            """;

    @Test
    void readsSurefireXmlIntoOneUnitRun() throws IOException {
        Path f = Files.writeString(dir.resolve("TEST-tandem.golden.mmu.Sv32WalkerTest.xml"), SUREFIRE);
        ResultCollector c = new ResultCollector().add(f);
        assertEquals(List.of(), c.problems());
        RunResult run = c.runs().get(0);
        assertEquals(RunKind.UNIT, run.kind());
        assertEquals("tandem.golden.mmu.Sv32WalkerTest", run.suite());
        List<Status> statuses = run.cases().stream().map(CaseResult::status).toList();
        assertEquals(List.of(Status.PASS, Status.FAIL, Status.ERROR, Status.SKIPPED), statuses);
        assertEquals("expected: <13> but was: <5>", run.cases().get(1).message());
        assertEquals("stack\ntrace", run.cases().get(1).detail());
        assertEquals("java.lang.NullPointerException", run.cases().get(2).message());
        assertEquals("TANDEM_RTL not set", run.cases().get(3).message());
        assertEquals(11.0, run.cases().get(0).timeMs(), 1e-9);
    }

    @Test
    void readsCucumberJsonOneCasePerScenario() throws IOException {
        Path f = Files.writeString(dir.resolve("cucumber.json"), CUCUMBER);
        ResultCollector c = new ResultCollector().add(f);
        assertEquals(List.of(), c.problems());
        RunResult run = c.runs().get(0);
        assertEquals(RunKind.SPEC, run.kind());
        assertEquals("Lending memory", run.suite());
        assertEquals(3, run.cases().size(), "background is not a scenario");
        assertEquals(Status.PASS, run.cases().get(0).status());
        assertEquals(6.0, run.cases().get(0).timeMs(), 1e-9, "background and scenario steps add up");
        assertEquals(Status.FAIL, run.cases().get(1).status());
        assertEquals("When A lends the page again: expected error LendTwice", run.cases().get(1).message());
        assertEquals("classpath:features/ipc/lend.feature:12", run.cases().get(1).location());
        assertEquals(Status.ERROR, run.cases().get(2).status());
    }

    @Test
    void tandemResultRoundTripsThroughJson() throws IOException {
        RunResult original = ReportSamples.vectorsRun();
        Path f = dir.resolve(RunResult.FILE_NAME);
        ResultJson.write(original, f);
        ResultCollector c = new ResultCollector().add(f);
        assertEquals(List.of(), c.problems());
        RunResult back = c.runs().get(0);
        assertEquals(original.cases(), back.cases());
        assertEquals(original.divergences(), back.divergences());
        assertEquals(original.bio(), back.bio());
        assertEquals(original.environment(), back.environment());
        assertEquals(12, back.coverage().count(CoverageDimension.INSTRUCTIONS, "addi"));
        assertEquals(1, back.coverage().count(CoverageDimension.PRIVILEGE_TRANSITIONS, "M>S"));
    }

    @Test
    void badFilesAreReportedByFileAndLineAndTheRestIsKept() throws IOException {
        Path good = Files.writeString(dir.resolve("TEST-good.xml"), SUREFIRE);
        Path brokenXml = Files.writeString(dir.resolve("TEST-broken.xml"),
                "<?xml version=\"1.0\"?>\n<testsuite name=\"x\">\n<testcase name=\"a\">\n</testsuite>\n");
        Path wrongSchema = Files.writeString(dir.resolve("old-" + RunResult.FILE_NAME),
                "{\n  \"schema\": \"tandem-result/0\",\n  \"kind\": \"vectors\", \"suite\": \"s\"\n}\n");
        Path badField = Files.writeString(dir.resolve("bad-" + RunResult.FILE_NAME),
                "{\"schema\": \"tandem-result/1\", \"kind\": \"vectors\", \"suite\": \"s\",\n"
                        + " \"cases\": [ {\"name\": \"a\", \"status\": \"pass\"},\n"
                        + "   {\"name\": \"b\", \"status\": \"exploded\"} ]\n}\n");
        Path unknown = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        ResultCollector c = new ResultCollector();
        for (Path p : List.of(good, brokenXml, wrongSchema, badField, unknown, dir.resolve("missing.xml"))) {
            c.add(p);
        }
        assertEquals(1, c.runs().size(), "the good file is kept");
        List<String> lines = c.problems().stream().map(ResultProblem::toString).toList();
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(brokenXml + ":4: "), lines.get(0));
        assertTrue(lines.get(1).startsWith(wrongSchema + ":1: schema tandem-result/0"), lines.get(1));
        assertTrue(lines.get(2).startsWith(badField + ":3: "), lines.get(2));
        assertTrue(lines.get(2).contains("exploded"), lines.get(2));
        assertEquals(unknown + ":1: not a result file (expected tandem-result.json, JUnit XML or Cucumber JSON)",
                lines.get(3));
        assertEquals(dir.resolve("missing.xml") + ": no such file or directory", lines.get(4));
        lines.forEach(l -> assertEquals(-1, l.indexOf('\n'), "one line each: " + l));
    }

    @Test
    void directoryWalkReadsOnlyResultNamedFiles() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-a.xml"), SUREFIRE);
        Files.writeString(reports.resolve("a.txt"), "surefire text summary");
        Files.writeString(reports.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("cucumber-report.json"), CUCUMBER);
        ResultCollector c = new ResultCollector().add(dir);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("Lending memory", "tandem.golden.mmu.Sv32WalkerTest"),
                c.runs().stream().map(RunResult::suite).toList());
    }
}
