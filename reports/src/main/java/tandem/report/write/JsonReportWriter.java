package tandem.report.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import tandem.report.ConformanceReport;
import tandem.report.model.Coverage;
import tandem.report.model.CoverageDimension;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

/**
 * Writes a {@link ConformanceReport} as JSON for tools (schema {@value #SCHEMA}): the summary
 * counts and verdict, the input problems, every run exactly as in {@code tandem-result.json},
 * and per coverage dimension the covered/total figures, the hits and the items never hit.
 */
public final class JsonReportWriter {

    /** Schema identifier of the merged report. */
    public static final String SCHEMA = "tandem-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReportWriter() {
    }

    /** Writes the JSON document for {@code report} to {@code w}. */
    public static void write(ConformanceReport report, Writer w) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("title", report.title());
        root.put("generatedAt", report.generatedAt());
        root.put("tool", report.tool());
        ObjectNode summary = root.putObject("summary");
        summary.put("verdict", report.verdict().word());
        summary.put("suites", report.runs().size());
        summary.put("total", report.total());
        for (Status s : Status.values()) {
            summary.put(s.word(), report.count(s));
        }
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        ArrayNode runs = root.putArray("runs");
        for (RunResult r : report.runs()) {
            runs.add(MAPPER.valueToTree(r));
        }
        ObjectNode cov = root.putObject("coverage");
        Coverage all = report.coverage();
        for (CoverageDimension d : CoverageDimension.values()) {
            ObjectNode dim = cov.putObject(d.key());
            dim.put("covered", report.universe().covered(d, all));
            dim.put("total", report.universe().items(d).size());
            dim.set("hits", MAPPER.valueToTree(all.hits(d)));
            ArrayNode missing = dim.putArray("missing");
            report.universe().missing(d, all).forEach(missing::add);
        }
        MAPPER.writeValue(w, root);
    }
}
