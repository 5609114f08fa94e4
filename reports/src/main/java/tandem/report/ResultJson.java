package tandem.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tandem.golden.TandemException;
import tandem.report.model.RunResult;

/**
 * Writes {@code tandem-result.json} files, the one format every Tandem command uses to hand
 * its results to {@code tandem report}. Written to a temporary file and moved into place, so a
 * killed run never leaves half a file.
 */
public final class ResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    /** Writes {@code result} to {@code file} (usually {@code <dir>/tandem-result.json}). */
    public static void write(RunResult result, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tandem-result", ".tmp");
            MAPPER.writeValue(tmp.toFile(), result);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TandemException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The JSON text of {@code result}. */
    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
