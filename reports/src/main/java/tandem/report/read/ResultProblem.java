package tandem.report.read;

import java.nio.file.Path;

/**
 * Something wrong with one input file: unreadable, not a result file, malformed at a line.
 * The report keeps everything else it could read and exits with status 2.
 *
 * @param file    the file at fault
 * @param line    line number from 1, or 0 when the problem is not tied to a line
 * @param message what is wrong
 */
public record ResultProblem(Path file, long line, String message) {

    /** The one line shown to the user: {@code file:line: message}. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
