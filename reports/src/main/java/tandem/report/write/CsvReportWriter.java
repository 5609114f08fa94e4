package tandem.report.write;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tandem.report.ConformanceReport;
import tandem.report.model.BioRun;
import tandem.report.model.CaseResult;
import tandem.report.model.RunResult;

/**
 * Writes one CSV row per case (and BIO run) with a header:
 * {@code kind,suite,case,status,time_ms,location,seed,message}.
 */
public final class CsvReportWriter {

    /** The header, in column order. */
    public static final String[] HEADER = {"kind", "suite", "case", "status", "time_ms", "location", "seed", "message"};

    private CsvReportWriter() {
    }

    /** Writes the rows for {@code report} to {@code w}. */
    public static void write(ConformanceReport report, Writer w) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator('\n').get();
        try (CSVPrinter p = new CSVPrinter(w, format)) {
            for (RunResult run : report.runs()) {
                String kind = run.kind().name().toLowerCase(Locale.ROOT);
                for (CaseResult c : run.cases()) {
                    p.printRecord(kind, run.suite(), c.name(), c.status().word(),
                            String.format(Locale.ROOT, "%.3f", c.timeMs()), nz(c.location()),
                            c.seed() == null ? "" : c.seed().toString(), nz(c.message()));
                }
                for (BioRun b : run.bio()) {
                    p.printRecord(kind, run.suite(), b.name(), b.status().word(), "", nz(b.program()), "",
                            nz(b.message()));
                }
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
