package tandem.report.write;

import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tandem.report.ConformanceReport;
import tandem.report.model.BioRun;
import tandem.report.model.CaseResult;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

/**
 * Writes a {@link ConformanceReport} as JUnit XML, the format every CI understands: one
 * {@code <testsuite>} per run, named {@code <kind>.<suite>}. A failure becomes
 * {@code <failure>}, an error {@code <error>}, a skipped or waived case {@code <skipped>}
 * (waived ones say so in the message). BIO runs are test cases of their run's suite.
 */
public final class JunitXmlWriter {

    private JunitXmlWriter() {
    }

    /** Writes the XML document for {@code report} to {@code w}. */
    public static void write(ConformanceReport report, Writer w) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(w);
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        x.writeAttribute("name", report.title());
        x.writeAttribute("tests", Long.toString(report.total()));
        x.writeAttribute("failures", Long.toString(report.count(Status.FAIL)));
        x.writeAttribute("errors", Long.toString(report.count(Status.ERROR)));
        x.writeAttribute("skipped", Long.toString(report.count(Status.SKIPPED) + report.count(Status.WAIVED)));
        x.writeCharacters("\n");
        for (RunResult run : report.runs()) {
            suite(x, run);
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.flush();
    }

    private static void suite(XMLStreamWriter x, RunResult run) throws XMLStreamException {
        String name = run.kind().name().toLowerCase(Locale.ROOT) + "." + run.suite();
        double seconds = run.cases().stream().mapToDouble(CaseResult::timeMs).sum() / 1000.0;
        x.writeStartElement("testsuite");
        x.writeAttribute("name", name);
        x.writeAttribute("tests", Integer.toString(run.cases().size() + run.bio().size()));
        x.writeAttribute("failures", Long.toString(run.count(Status.FAIL)));
        x.writeAttribute("errors", Long.toString(run.count(Status.ERROR)));
        x.writeAttribute("skipped", Long.toString(run.count(Status.SKIPPED) + run.count(Status.WAIVED)));
        x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
        if (run.startedAt() != null) {
            x.writeAttribute("timestamp", run.startedAt());
        }
        x.writeCharacters("\n");
        if (!run.environment().isEmpty()) {
            x.writeStartElement("properties");
            for (var e : run.environment().entrySet()) {
                x.writeEmptyElement("property");
                x.writeAttribute("name", e.getKey());
                x.writeAttribute("value", e.getValue());
            }
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        for (CaseResult c : run.cases()) {
            testcase(x, name, c.name(), c.timeMs(), c.status(), c.message(), c.detail());
        }
        for (BioRun b : run.bio()) {
            testcase(x, name, b.name(), 0, b.status(), b.message(), null);
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter x, String suite, String name, double ms, Status status,
                                 String message, String detail) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", name);
        x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", ms / 1000.0));
        String msg = message == null ? "" : message;
        switch (status) {
            case FAIL, ERROR -> {
                x.writeStartElement(status == Status.FAIL ? "failure" : "error");
                x.writeAttribute("message", clean(msg));
                x.writeCharacters(clean(detail == null ? msg : detail));
                x.writeEndElement();
            }
            case SKIPPED, WAIVED -> {
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", clean(status == Status.WAIVED ? "waived: " + msg : msg));
            }
            case PASS -> {
            }
        }
        x.writeEndElement();
        x.writeCharacters("\n");
    }

    /** Drops characters XML 1.0 cannot carry even escaped (a raw trace may hold any byte). */
    private static String clean(String s) {
        return s.codePoints().filter(c -> c >= 0x20 || c == '\n' || c == '\t' || c == '\r')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
