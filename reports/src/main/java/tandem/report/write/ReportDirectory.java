package tandem.report.write;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import tandem.golden.TandemException;
import tandem.report.ConformanceReport;

/**
 * Writes all forms of a report into one directory: {@value #HTML}, {@value #JUNIT},
 * {@value #CSV} and {@value #JSON}.
 */
public final class ReportDirectory {

    /** The self-contained page. */
    public static final String HTML = "report.html";
    /** JUnit XML for CI. */
    public static final String JUNIT = "report-junit.xml";
    /** One row per case. */
    public static final String CSV = "report.csv";
    /** Everything, for tools. */
    public static final String JSON = "report.json";

    private ReportDirectory() {
    }

    /** Writes the four files into {@code dir}, creating it; returns their paths. */
    public static List<Path> write(ConformanceReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve(HTML);
            Path junit = dir.resolve(JUNIT);
            Path csv = dir.resolve(CSV);
            Path json = dir.resolve(JSON);
            try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
                HtmlReportWriter.write(report, w);
            }
            try (Writer w = Files.newBufferedWriter(junit, StandardCharsets.UTF_8)) {
                JunitXmlWriter.write(report, w);
            }
            try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                CsvReportWriter.write(report, w);
            }
            try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                JsonReportWriter.write(report, w);
            }
            return List.of(html, junit, csv, json);
        } catch (IOException | XMLStreamException e) {
            throw new TandemException(dir + ": cannot write report: " + e.getMessage(), e);
        }
    }
}
