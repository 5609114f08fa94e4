package tandem.report;

import java.util.List;
import java.util.Map;
import tandem.report.model.BioRun;
import tandem.report.model.CaseResult;
import tandem.report.model.Coverage;
import tandem.report.model.CoverageDimension;
import tandem.report.model.CoverageUniverse;
import tandem.report.model.DivergenceRecord;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.report.model.WaveformExcerpt;

/** A small report with one of everything, shared by the writer tests. */
public final class ReportSamples {

    private ReportSamples() {
    }

    /** A vectors run with a pass, a failure with a divergence, and a waived case. */
    public static RunResult vectorsRun() {
        Coverage cov = new Coverage();
        cov.add(CoverageDimension.INSTRUCTIONS, "addi", 12);
        cov.add(CoverageDimension.INSTRUCTIONS, "lw", 3);
        cov.add(CoverageDimension.CSRS_WRITTEN, "mstatus", 2);
        cov.add(CoverageDimension.EXCEPTIONS, "illegal-instruction", 1);
        cov.add(CoverageDimension.PRIVILEGE_TRANSITIONS, "M>S", 1);
        WaveformExcerpt wave = new WaveformExcerpt("cycle", 100, 140, 120L, List.of(
                new WaveformExcerpt.Signal("clk", 1, List.of(new WaveformExcerpt.Change(100, "0"),
                        new WaveformExcerpt.Change(110, "1"), new WaveformExcerpt.Change(120, "0"),
                        new WaveformExcerpt.Change(130, "x"))),
                new WaveformExcerpt.Signal("pc", 32, List.of(new WaveformExcerpt.Change(100, "80000000"),
                        new WaveformExcerpt.Change(120, "80000004")))));
        DivergenceRecord div = new DivergenceRecord("add-overflow", 7, 0x8000_0010L, 0x00b50533, "add a0,a0,a1",
                "x10", "0x00000003", "0x00000002", 120L, List.of(
                new DivergenceRecord.WindowRow(6, 0x8000_000cL, 0x4585, "li a1,1", "a1=0x1", "a1=0x1", false),
                new DivergenceRecord.WindowRow(7, 0x8000_0010L, 0x00b50533, "add a0,a0,a1", "a0=0x2", "a0=0x3",
                        true)), wave);
        return RunResult.of(RunKind.VECTORS, "alu.csv", "tandem 0.1.0", Map.of("isa", "rv32imac_zicsr", "seed", "42"),
                        List.of(CaseResult.pass("addi-basic", 1.5).at("alu.csv:3"),
                                CaseResult.of("add-overflow", Status.FAIL, 2.0, "x10: DUT 0x3, golden 0x2")
                                        .at("alu.csv:4").withSeed(42),
                                CaseResult.of("mulh-corner <&>", Status.WAIVED, 0, "known VexRiscv erratum")))
                .withCoverage(cov).withDivergences(List.of(div))
                .withBio(List.of(new BioRun("blink", "blink.bio", 40, Status.PASS, null, wave)));
    }

    /** A universe with a handful of items per dimension. */
    public static CoverageUniverse universe() {
        return new CoverageUniverse(Map.of(
                CoverageDimension.INSTRUCTIONS, List.of("add", "addi", "lw", "sw"),
                CoverageDimension.CSRS_WRITTEN, List.of("mstatus", "mtvec"),
                CoverageDimension.EXCEPTIONS, List.of("illegal-instruction", "load-page-fault"),
                CoverageDimension.PRIVILEGE_TRANSITIONS, List.of("M>S", "S>M", "M>U", "U>M", "S>U", "U>S")));
    }

    /** The sample report. */
    public static ConformanceReport report() {
        return new ConformanceReport("Tandem conformance", "2026-01-01T00:00:00Z", "tandem 0.1.0",
                List.of(vectorsRun(), RunResult.of(RunKind.UNIT, "tandem.golden.HartTest", "surefire", null,
                        List.of(CaseResult.pass("runsAdd", 3), CaseResult.of("skipsMe", Status.SKIPPED, 0, "no RTL")))),
                List.of("bad.xml:3: element type \"testcase\" must be followed by attributes"), universe());
    }
}
