package tandem.vectors;

/**
 * A row that could not be read: its file, line and column and what is wrong. The reader
 * collects these and goes on with the next row.
 *
 * @param source  the file
 * @param line    1-based line of the row
 * @param column  the column at fault, or null when the whole row is
 * @param message what is wrong
 */
public record VectorError(String source, long line, String column, String message) {

    /** The one line shown to the user: {@code vectors.csv:42: column pc: not hex: 'zz'}. */
    @Override
    public String toString() {
        return source + ":" + line + ": " + (column == null ? "" : "column " + column + ": ") + message;
    }
}
