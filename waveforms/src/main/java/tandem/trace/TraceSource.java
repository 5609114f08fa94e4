package tandem.trace;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import tandem.golden.TandemException;

/**
 * A retire stream read from a file, one {@link TraceRecord} at a time. {@link #open} recognises
 * the formats by content: Tandem binary traces ({@link TraceReader}), Tandem text traces and
 * Spike commit logs ({@link CommitLogReader}; any of the first lines starts with {@code core},
 * program output may come first), RVFI dumps ({@link RvfiDumpReader}); any of them
 * may be gzip-compressed. Bad input is a {@link TandemException} naming the file and the line or
 * byte offset; the records before it were delivered.
 */
public interface TraceSource extends AutoCloseable {

    /**
     * Reads the next record into {@code r} (overwriting it).
     *
     * @return false at the end of the stream
     */
    boolean next(TraceRecord r);

    /** The file name used in messages. */
    String name();

    @Override
    void close();

    /** Opens {@code file}, recognising its format. */
    static TraceSource open(Path file) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage(), e);
        }
        return open(raw, file.toString());
    }

    /**
     * Reads a trace from {@code raw} (a file's bytes, perhaps counted for a progress bar),
     * recognising its format; {@code name} names it in messages. Closing the source closes {@code raw}.
     */
    static TraceSource open(InputStream raw, String name) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            if (head.length >= 4 && head[0] == 'T' && head[1] == 'D' && head[2] == 'T' && head[3] == 'R') {
                return new TraceReader(in, name);
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String first = firstContentLine(text);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
            if (text.startsWith(TextTraceWriter.HEADER) || text.lines().anyMatch(l -> l.startsWith("core "))) {
                return new CommitLogReader(reader, name);
            }
            if (first.contains("=")) {
                return new RvfiDumpReader(reader, name);
            }
            in.close();
            throw new TandemException(name + ":1: not a trace: expected a Tandem binary or text trace, "
                    + "a Spike commit log or an RVFI dump");
        } catch (IOException e) {
            closeQuietly(in == null ? raw : in);
            throw new TandemException(name + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in == null ? raw : in);
            throw e;
        }
    }

    private static String firstContentLine(String text) {
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return s;
            }
        }
        return "";
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the original error is the one worth reporting
            }
        }
    }
}
