package tandem.report.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tandem.report.ConformanceReport;
import tandem.report.ReportSamples;
import tandem.report.model.CaseResult;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.report.read.ResultCollector;

class ReportWritersTest {

    @TempDir
    Path dir;

    @Test
    void htmlIsWellFormedSelfContainedAndHasEverySection() throws Exception {
        String html = HtmlReportWriter.render(ReportSamples.report());
        // Polyglot markup: an XML parser must accept the page, which proves every tag is closed.
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        List<String> ids = new ArrayList<>();
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        assertEquals(List.of("summary", "problems", "suites", "coverage", "divergences", "bio"), ids);
        assertEquals(2, countByClass(doc, "table", "cases"));
        assertEquals(7, countByClass(doc, "table", "coverage"));
        assertEquals(2, doc.getElementsByTagName("svg").getLength(), "divergence and BIO waveforms");
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(https?:|src=).*"),
                "no external resource");
        assertFalse(html.contains("<script"), "no script");
        assertTrue(html.contains("mulh-corner &lt;&amp;&gt;"), "case names are escaped");
        assertTrue(html.contains("verdict error"), "an unreadable input makes the verdict an error");
        assertTrue(html.contains("<td class=\"mono missing\">sw</td>"), "never-hit items are marked");
        assertTrue(html.contains("<td class=\"mono hit\">addi</td><td class=\"num\">12</td>"));
        assertTrue(html.contains("<tr class=\"diverged\">"), "the diverging retire is highlighted");
        assertTrue(html.contains(">4585<"), "compressed instructions show as four hex digits");
    }

    @Test
    void junitXmlReadsBackWithTheSameStatuses() throws Exception {
        ConformanceReport report = ReportSamples.report();
        Path f = dir.resolve("TEST-report.xml");
        try (var w = Files.newBufferedWriter(f)) {
            JunitXmlWriter.write(report, w);
        }
        ResultCollector back = new ResultCollector().add(f);
        assertEquals(List.of(), back.problems());
        assertEquals(List.of("vectors.alu.csv", "unit.tandem.golden.HartTest"),
                back.runs().stream().map(RunResult::suite).toList());
        List<Status> statuses = back.runs().get(0).cases().stream().map(CaseResult::status).toList();
        // The waived case is skipped in JUnit terms; the BIO run comes last.
        assertEquals(List.of(Status.PASS, Status.FAIL, Status.SKIPPED, Status.PASS), statuses);
        assertEquals("waived: known VexRiscv erratum", back.runs().get(0).cases().get(2).message());
        String xml = Files.readString(f);
        assertTrue(xml.contains("tests=\"6\" failures=\"1\" errors=\"0\" skipped=\"2\""), xml);
    }

    @Test
    void csvHasOneRowPerCaseUnderTheHeader() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var w = new java.io.StringWriter()) {
            CsvReportWriter.write(ReportSamples.report(), w);
            sb.append(w);
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(sb.toString())).getRecords();
        assertEquals(6, rows.size());
        assertEquals("fail", rows.get(1).get("status"));
        assertEquals("42", rows.get(1).get("seed"));
        assertEquals("alu.csv:4", rows.get(1).get("location"));
        assertEquals("vectors", rows.get(0).get("kind"));
        assertEquals("blink", rows.get(3).get("case"));
        assertEquals("unit", rows.get(4).get("kind"));
    }

    @Test
    void jsonCarriesSummaryCoverageAndMissingItems() throws IOException {
        var w = new java.io.StringWriter();
        JsonReportWriter.write(ReportSamples.report(), w);
        JsonNode root = new ObjectMapper().readTree(w.toString());
        assertEquals("tandem-report/1", root.get("schema").asText());
        assertEquals("error", root.at("/summary/verdict").asText());
        assertEquals(6, root.at("/summary/total").asInt());
        assertEquals(1, root.at("/summary/fail").asInt());
        assertEquals(2, root.at("/coverage/instructions/covered").asInt());
        assertEquals(4, root.at("/coverage/instructions/total").asInt());
        assertEquals("[\"add\",\"sw\"]", root.at("/coverage/instructions/missing").toString());
        assertEquals("x10", root.at("/runs/0/divergences/0/field").asText());
    }

    @Test
    void reportDirectoryWritesTheFourFiles() {
        List<Path> files = ReportDirectory.write(ReportSamples.report(), dir.resolve("out"));
        assertEquals(4, files.size());
        files.forEach(f -> assertTrue(Files.isRegularFile(f), f.toString()));
    }

    private static int countByClass(Document doc, String tag, String cls) {
        NodeList list = doc.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < list.getLength(); i++) {
            if (List.of(((Element) list.item(i)).getAttribute("class").split(" ")).contains(cls)) {
                n++;
            }
        }
        return n;
    }
}
