package tandem.report.write;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tandem.report.ConformanceReport;
import tandem.report.model.BioRun;
import tandem.report.model.CaseResult;
import tandem.report.model.Coverage;
import tandem.report.model.CoverageDimension;
import tandem.report.model.DivergenceRecord;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

/**
 * Writes a {@link ConformanceReport} as one self-contained HTML page: styles inline, waveforms
 * as inline SVG, no script and no external resource (a Content-Security-Policy forbids any), so
 * the file can be mailed or archived as CI output and opens the same everywhere.
 *
 * <p>Sections carry stable ids for tools and tests: {@code summary}, {@code problems},
 * {@code suites} (one {@code table.cases} per run), {@code coverage} (one
 * {@code table.coverage} per dimension), {@code divergences}, {@code bio}.
 */
public final class HtmlReportWriter {

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1f23;max-width:1200px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:32px}
            h3{font-size:15px;margin:20px 0 6px}
            table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
            code,.mono,td.mono{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
            .pass{color:#116329}.fail,.error{color:#b31d28;font-weight:600}.skipped,.waived{color:#7a5b00}
            tr.diverged td{background:#ffebe9}
            .verdict{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:700}
            .verdict.pass{background:#1a7f37;color:#fff}.verdict.fail,.verdict.error{background:#cf222e;color:#fff}
            .env{color:#57606a;font-size:12px}.missing{color:#b31d28}.hit{color:#116329}
            ul.items{columns:4 180px;margin:4px 0 12px;padding-left:18px}
            details{margin:4px 0 12px}summary{cursor:pointer}
            svg.wave{background:#fbfbfb;border:1px solid #d0d7de;margin:6px 0}
            svg.wave .n,svg.wave .t,svg.wave .d{font:11px ui-monospace,Menlo,Consolas,monospace;fill:#1b1f23}
            svg.wave .t{fill:#57606a}svg.wave .b{stroke:#1a7f37;fill:none;stroke-width:1.5}
            svg.wave .v{stroke:#1a7f37;fill:#e6f4ea}svg.wave .x{stroke:#cf222e;fill:#ffebe9;stroke-width:1.5}
            svg.wave .m{stroke:#cf222e;stroke-dasharray:4 3}
            """;

    /** Item/hits pairs per coverage table row, so a 90-mnemonic ISA fits on a screen. */
    private static final int COVERAGE_COLUMNS = 4;

    private final ConformanceReport report;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReportWriter(ConformanceReport report) {
        this.report = report;
    }

    /** Writes the page for {@code report} to {@code w}. */
    public static void write(ConformanceReport report, Writer w) throws IOException {
        w.write(render(report));
    }

    /** The page for {@code report} as a string. */
    public static String render(ConformanceReport report) {
        HtmlReportWriter h = new HtmlReportWriter(report);
        h.page();
        return h.out.toString();
    }

    private void page() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>").append(esc(report.title())).append("</title><style>").append(CSS)
                .append("</style></head><body>\n");
        summary();
        problems();
        suites();
        coverage();
        divergences();
        bio();
        out.append("</body></html>\n");
    }

    private void summary() {
        Status verdict = report.verdict();
        out.append("<section id=\"summary\"><h1>").append(esc(report.title())).append("</h1>")
                .append("<p class=\"env\">Generated ").append(esc(report.generatedAt())).append(" by ")
                .append(esc(report.tool())).append("</p>")
                .append("<p>Verdict: <span class=\"verdict ").append(verdict.word()).append("\">")
                .append(verdict.word().toUpperCase(Locale.ROOT)).append("</span> &#8212; ")
                .append(report.total()).append(" cases in ").append(report.runs().size()).append(" suites")
                .append(report.problems().isEmpty() ? "" : ", " + report.problems().size() + " unreadable inputs")
                .append("</p>\n<table class=\"summary\"><thead><tr><th>Kind</th><th>Suites</th>");
        for (Status s : Status.values()) {
            out.append("<th>").append(s.word()).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (Map.Entry<RunKind, Long> e : report.suitesByKind().entrySet()) {
            out.append("<tr><td>").append(esc(e.getKey().title())).append("</td><td class=\"num\">")
                    .append(e.getValue()).append("</td>");
            for (Status s : Status.values()) {
                long n = report.count(e.getKey(), s);
                out.append("<td class=\"num").append(n > 0 && s != Status.PASS ? " " + s.word() : "").append("\">")
                        .append(n).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("<tr><th>Total</th><th class=\"num\">").append(report.runs().size()).append("</th>");
        for (Status s : Status.values()) {
            out.append("<th class=\"num\">").append(report.count(s)).append("</th>");
        }
        out.append("</tr></tbody></table></section>\n");
    }

    private void problems() {
        if (report.problems().isEmpty()) {
            return;
        }
        out.append("<section id=\"problems\"><h2>Unreadable inputs</h2><p>These files were skipped; the rest of ")
                .append("the report is complete.</p><ul>");
        for (String p : report.problems()) {
            out.append("<li class=\"error mono\">").append(esc(p)).append("</li>");
        }
        out.append("</ul></section>\n");
    }

    private void suites() {
        out.append("<section id=\"suites\"><h2>Suites</h2>");
        if (report.runs().isEmpty()) {
            out.append("<p>No results were found.</p>");
        }
        int n = 0;
        for (RunResult run : report.runs()) {
            n++;
            String verdict = run.failing() ? "fail" : "pass";
            out.append("<h3 id=\"suite-").append(n).append("\">").append(esc(run.kind().title())).append(": ")
                    .append(esc(run.suite())).append(" <span class=\"").append(verdict).append("\">")
                    .append(run.count(Status.PASS)).append('/').append(run.cases().size() + run.bio().size())
                    .append(" pass</span></h3>");
            if (!run.environment().isEmpty() || run.tool() != null) {
                out.append("<p class=\"env\">");
                if (run.tool() != null) {
                    out.append(esc(run.tool())).append(run.startedAt() == null ? "" : " at " + esc(run.startedAt()));
                }
                run.environment().forEach((k, v) -> out.append(" &#183; ").append(esc(k)).append('=')
                        .append("<code>").append(esc(v)).append("</code>"));
                out.append("</p>");
            }
            if (run.cases().isEmpty()) {
                continue;
            }
            out.append("<table class=\"cases\"><thead><tr><th>Case</th><th>Status</th><th>Time (ms)</th>")
                    .append("<th>Where</th><th>Seed</th><th>Message</th></tr></thead><tbody>");
            for (CaseResult c : run.cases()) {
                out.append("<tr><td class=\"mono\">").append(esc(c.name())).append("</td><td class=\"")
                        .append(c.status().word()).append("\">").append(c.status().word()).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f", c.timeMs())).append("</td><td class=\"mono\">")
                        .append(esc(c.location())).append("</td><td class=\"num\">")
                        .append(c.seed() == null ? "" : c.seed()).append("</td><td>").append(esc(c.message()));
                if (c.detail() != null) {
                    out.append("<details><summary>detail</summary><pre>").append(esc(c.detail())).append("</pre></details>");
                }
                out.append("</td></tr>");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");
    }

    private void coverage() {
        Coverage cov = report.coverage();
        out.append("<section id=\"coverage\"><h2>Coverage</h2>");
        out.append("<table class=\"coverage-summary\"><thead><tr><th>Dimension</th><th>Covered</th><th>Total</th>")
                .append("<th>%</th></tr></thead><tbody>");
        for (CoverageDimension d : CoverageDimension.values()) {
            long total = report.universe().items(d).size();
            long covered = report.universe().covered(d, cov);
            out.append("<tr><td><a href=\"#cov-").append(d.key()).append("\">").append(esc(d.title()))
                    .append("</a></td><td class=\"num\">").append(covered).append("</td><td class=\"num\">")
                    .append(total).append("</td><td class=\"num\">")
                    .append(total == 0 ? "&#8211;" : String.format(Locale.ROOT, "%.1f", 100.0 * covered / total))
                    .append("</td></tr>");
        }
        out.append("</tbody></table>");
        for (CoverageDimension d : CoverageDimension.values()) {
            List<String> all = report.universe().items(d);
            out.append("<h3 id=\"cov-").append(d.key()).append("\">").append(esc(d.title())).append("</h3>");
            out.append("<table class=\"coverage\" data-dimension=\"").append(d.key()).append("\"><thead><tr>");
            for (int c = 0; c < COVERAGE_COLUMNS; c++) {
                out.append("<th>Item</th><th>Hits</th>");
            }
            out.append("</tr></thead><tbody>");
            List<String[]> cells = new ArrayList<>();
            for (String item : all) {
                long hits = cov.count(d, item);
                cells.add(new String[] {"<td class=\"mono " + (hits > 0 ? "hit" : "missing") + "\">" + esc(item)
                        + "</td>", "<td class=\"num\">" + hits + "</td>"});
            }
            for (Map.Entry<String, Long> e : cov.hits(d).entrySet()) {
                if (!all.contains(e.getKey())) {
                    cells.add(new String[] {"<td class=\"mono\">" + esc(e.getKey())
                            + " <em>(not in the ISA set)</em></td>", "<td class=\"num\">" + e.getValue() + "</td>"});
                }
            }
            for (int i = 0; i < cells.size(); i += COVERAGE_COLUMNS) {
                out.append("<tr>");
                for (int c = i; c < i + COVERAGE_COLUMNS; c++) {
                    out.append(c < cells.size() ? cells.get(c)[0] + cells.get(c)[1] : "<td></td><td></td>");
                }
                out.append("</tr>");
            }
            out.append("</tbody></table>");
        }
        out.append("</section>\n");
    }

    private void divergences() {
        out.append("<section id=\"divergences\"><h2>Divergences</h2>");
        int n = 0;
        for (RunResult run : report.runs()) {
            for (DivergenceRecord d : run.divergences()) {
                n++;
                out.append("<h3 id=\"divergence-").append(n).append("\">").append(esc(run.suite())).append(": ")
                        .append(esc(d.caseName())).append("</h3><p>Retire #").append(d.order()).append(" at pc <code>")
                        .append(hex(d.pc())).append("</code> <code>").append(insnHex(d.insn())).append("</code> <code>")
                        .append(esc(d.disassembly())).append("</code>")
                        .append(d.cycle() == null ? "" : ", cycle " + d.cycle()).append(": <b>")
                        .append(esc(d.field())).append("</b> DUT <code>").append(esc(d.dut()))
                        .append("</code>, golden <code>").append(esc(d.ref())).append("</code></p>");
                if (!d.window().isEmpty()) {
                    out.append("<table class=\"window\"><thead><tr><th>#</th><th>pc</th><th>insn</th>")
                            .append("<th>disassembly</th><th>golden</th><th>DUT</th></tr></thead><tbody>");
                    for (DivergenceRecord.WindowRow r : d.window()) {
                        out.append(r.diverged() ? "<tr class=\"diverged\">" : "<tr>").append("<td class=\"num\">")
                                .append(r.order()).append("</td><td class=\"mono\">").append(hex(r.pc()))
                                .append("</td><td class=\"mono\">").append(insnHex(r.insn())).append("</td><td class=\"mono\">")
                                .append(esc(r.disassembly())).append("</td><td class=\"mono\">").append(esc(r.ref()))
                                .append("</td><td class=\"mono\">").append(esc(r.dut())).append("</td></tr>");
                    }
                    out.append("</tbody></table>");
                }
                if (d.waveform() != null) {
                    out.append(SvgWaveform.render(d.waveform(), "Waveform around " + d.caseName()));
                }
            }
        }
        if (n == 0) {
            out.append("<p>No divergence.</p>");
        }
        out.append("</section>\n");
    }

    private void bio() {
        boolean any = report.runs().stream().anyMatch(r -> !r.bio().isEmpty());
        if (!any) {
            return;
        }
        out.append("<section id=\"bio\"><h2>BIO runs</h2><table class=\"bio\"><thead><tr><th>Run</th>")
                .append("<th>Program</th><th>Cycles</th><th>Status</th><th>Message</th></tr></thead><tbody>");
        for (RunResult run : report.runs()) {
            for (BioRun b : run.bio()) {
                out.append("<tr><td class=\"mono\">").append(esc(b.name())).append("</td><td class=\"mono\">")
                        .append(esc(b.program())).append("</td><td class=\"num\">").append(b.cycles())
                        .append("</td><td class=\"").append(b.status().word()).append("\">").append(b.status().word())
                        .append("</td><td>").append(esc(b.message())).append("</td></tr>");
            }
        }
        out.append("</tbody></table>");
        for (RunResult run : report.runs()) {
            for (BioRun b : run.bio()) {
                if (b.waveform() != null) {
                    out.append("<h3>").append(esc(b.name())).append("</h3>")
                            .append(SvgWaveform.render(b.waveform(), "BIO pins of " + b.name()));
                }
            }
        }
        out.append("</section>\n");
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "%08x", v & 0xFFFF_FFFFL);
    }

    /** Instruction bits as objdump shows them: four digits for a compressed instruction. */
    private static String insnHex(long insn) {
        return (insn & 3) != 3 && insn <= 0xFFFF ? String.format(Locale.ROOT, "%04x", insn) : hex(insn);
    }

    private static String esc(String s) {
        return XmlText.escape(s);
    }
}
