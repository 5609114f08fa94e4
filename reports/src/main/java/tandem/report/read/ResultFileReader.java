package tandem.report.read;

import java.nio.file.Path;
import java.util.List;
import tandem.report.model.RunResult;

/** Reads one kind of result file (tandem JSON, JUnit XML, Cucumber JSON) into runs. */
interface ResultFileReader {

    /**
     * Reads {@code file}, whose first bytes {@link #accepts} already recognised.
     *
     * @throws ResultFormatException when the file is malformed; it names the line when known
     */
    List<RunResult> read(Path file, byte[] content) throws ResultFormatException;

    /** True when {@code head} (the file's first non-blank bytes as text) looks like this kind. */
    boolean accepts(String head);
}
