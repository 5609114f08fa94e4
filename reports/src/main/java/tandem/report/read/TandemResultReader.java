package tandem.report.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tandem.report.model.RunResult;

/** Reads {@code tandem-result.json} files (schema {@value RunResult#SCHEMA}). */
final class TandemResultReader implements ResultFileReader {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public boolean accepts(String head) {
        return head.startsWith("{") && head.contains("\"tandem-result/");
    }

    @Override
    public List<RunResult> read(Path file, byte[] content) throws ResultFormatException {
        try {
            JsonNode tree = mapper.readTree(content);
            JsonNode schema = tree.get("schema");
            if (schema == null || !RunResult.SCHEMA.equals(schema.asText())) {
                throw new ResultFormatException(1, "schema " + (schema == null ? "missing" : schema.asText())
                        + ", expected " + RunResult.SCHEMA);
            }
            return List.of(mapper.readValue(content, RunResult.class));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ResultFormatException(at == null ? 0 : Math.max(0, at.getLineNr()), firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ResultFormatException(0, e.getMessage());
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
