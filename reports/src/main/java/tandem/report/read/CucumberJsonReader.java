package tandem.report.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tandem.report.model.CaseResult;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;

/**
 * Reads Cucumber's JSON formatter output ({@code cucumber.plugin=json:...}): an array of
 * features, each with scenarios whose steps carry a result status. One run per feature, one
 * case per scenario; a scenario fails when a step failed, errors when a step is undefined or
 * ambiguous, and is skipped when it is pending or all its steps were skipped.
 */
final class CucumberJsonReader implements ResultFileReader {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public boolean accepts(String head) {
        return head.startsWith("[") && (head.contains("\"elements\"") || head.contains("\"keyword\"")
                || head.replaceAll("\\s", "").equals("[]"));
    }

    @Override
    public List<RunResult> read(Path file, byte[] content) throws ResultFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ResultFormatException(at == null ? 0 : Math.max(0, at.getLineNr()), e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ResultFormatException(0, e.getMessage());
        }
        if (!root.isArray()) {
            throw new ResultFormatException(1, "Cucumber JSON must be an array of features");
        }
        List<RunResult> runs = new ArrayList<>();
        for (JsonNode feature : root) {
            String uri = feature.path("uri").asText("");
            String name = feature.path("name").asText(uri);
            List<CaseResult> cases = new ArrayList<>();
            JsonNode background = null;
            for (JsonNode element : feature.path("elements")) {
                // Cucumber writes the background before each scenario it ran for; it belongs to that scenario.
                if ("background".equals(element.path("type").asText())) {
                    background = element;
                    continue;
                }
                cases.add(scenario(uri, background, element));
                background = null;
            }
            runs.add(RunResult.of(RunKind.SPEC, name.isEmpty() ? uri : name, "cucumber", null, cases));
        }
        return runs;
    }

    private static CaseResult scenario(String uri, JsonNode background, JsonNode element) {
        String name = element.path("name").asText("(unnamed scenario)");
        long nanos = 0;
        Status worst = null;
        String message = null;
        List<JsonNode> steps = new ArrayList<>();
        for (String part : new String[] {"before", "steps", "after"}) {
            if (background != null && part.equals("steps")) {
                background.path("steps").forEach(steps::add);
            }
            element.path(part).forEach(steps::add);
        }
        for (JsonNode step : steps) {
            JsonNode result = step.path("result");
            nanos += result.path("duration").asLong(0);
            Status s = switch (result.path("status").asText("undefined")) {
                case "passed" -> Status.PASS;
                case "failed" -> Status.FAIL;
                case "skipped", "pending" -> Status.SKIPPED;
                default -> Status.ERROR;
            };
            if (s != Status.PASS && (worst == null || s.ordinal() < worst.ordinal())) {
                worst = s;
                String where = step.path("keyword").asText("") + step.path("name").asText("");
                String err = result.path("error_message").asText("");
                message = where.strip() + (err.isEmpty() ? " (" + result.path("status").asText("undefined") + ")"
                        : ": " + err.strip().lines().findFirst().orElse(""));
            }
        }
        Status status = worst == null ? Status.PASS : worst;
        CaseResult c = CaseResult.of(name, status, nanos / 1e6, status == Status.PASS ? null : message);
        long line = element.path("line").asLong(0);
        return line > 0 ? c.at(uri + ":" + line) : c.at(uri);
    }
}
