package tandem.wave;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tandem.golden.TandemException;

/**
 * Streaming VCD reader. The constructor reads the header (timescale, scopes, variables); then
 * {@link #next} steps through the value changes one at a time, so memory stays bounded by the
 * number of variables whatever the file size. Gzip-compressed files are recognised by their
 * magic number.
 *
 * <p>Sections other tools add ({@code $attrbegin}, ...) are skipped up to their {@code $end}.
 * Bad input raises a {@link TandemException} naming the file and line: a header that never
 * reaches {@code $enddefinitions} (truncated file), a section without {@code $end}, {@code $upscope} with no open scope or a
 * scope left open, an identifier code that was never declared, a value that is not a VCD
 * value or is wider than its variable, time going backwards. Changes read before the error
 * stay valid.
 *
 * <p>Values are normalised: lower-case {@code 0 1 x z}, most significant bit first, extended
 * to the declared width as VCD specifies (zero-extended after a leading {@code 0} or
 * {@code 1}, otherwise with the leading {@code x}/{@code z}). A real value is returned as
 * {@code r} followed by Java's spelling of the number ({@code r0.25}, {@code r1.0E10}). A file without {@code $timescale} is read as 1 ns.
 */
public final class VcdReader implements Closeable {

    private final String source;
    private final Tokenizer tok;
    private Timescale timescale = Timescale.NS;
    private final List<VcdVariable> variables = new ArrayList<>();
    private final Map<String, List<VcdVariable>> byId = new HashMap<>();

    private long time;
    private boolean timeSeen;
    private String idCode;
    private List<VcdVariable> changed;
    private String value;
    private int line;

    /** Reads from {@code in}; {@code source} names it in error messages. Reads the header. */
    public VcdReader(Reader in, String source) {
        this.source = source;
        this.tok = new Tokenizer(in);
        readHeader();
    }

    /** Opens a VCD file (plain or gzip) and reads its header. */
    public static VcdReader open(Path file) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage(), e);
        }
        return open(raw, file.toString());
    }

    /**
     * Reads a VCD (plain or gzip) from {@code raw} (a file's bytes, perhaps counted for a progress
     * bar) and its header; {@code source} names it in messages. Closing the reader closes {@code raw}.
     */
    public static VcdReader open(InputStream raw, String source) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(raw, 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new VcdReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), source);
        } catch (IOException e) {
            closeQuietly(in == null ? raw : in);
            throw new TandemException(source + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the original error is the one worth reporting
            }
        }
    }

    /** The name used in error messages (the file path). */
    public String source() {
        return source;
    }

    /** The file's time unit. */
    public Timescale timescale() {
        return timescale;
    }

    /** Every declared variable, in declaration order. */
    public List<VcdVariable> variables() {
        return Collections.unmodifiableList(variables);
    }

    // ---- header ------------------------------------------------------------------------

    private void readHeader() {
        Deque<String> scopes = new ArrayDeque<>();
        while (true) {
            String t = tok.next();
            if (t == null) {
                throw error(tok.tokenLine, "truncated file: header ends without $enddefinitions");
            }
            int at = tok.tokenLine;
            switch (t) {
                case "$date", "$version", "$comment" -> sectionBody(t, at);
                case "$timescale" -> {
                    String text = String.join("", sectionBody(t, at));
                    Timescale ts = Timescale.parse(text);
                    if (ts == null) {
                        throw error(at, "bad timescale '" + text + "'");
                    }
                    timescale = ts;
                }
                case "$scope" -> {
                    List<String> body = sectionBody(t, at);
                    if (body.size() != 2) {
                        throw error(at, "$scope needs a type and a name, got " + body);
                    }
                    scopes.addLast(body.get(1));
                }
                case "$upscope" -> {
                    sectionBody(t, at);
                    if (scopes.isEmpty()) {
                        throw error(at, "unknown scope: $upscope with no open $scope");
                    }
                    scopes.removeLast();
                }
                case "$var" -> declare(sectionBody(t, at), String.join(".", scopes), at);
                case "$enddefinitions" -> {
                    sectionBody(t, at);
                    if (!scopes.isEmpty()) {
                        throw error(at, "unknown scope: $scope " + scopes.peekLast() + " never closed by $upscope");
                    }
                    return;
                }
                default -> {
                    if (!t.startsWith("$")) {
                        throw error(at, "unexpected '" + t + "' in header");
                    }
                    // Tool extensions such as GTKWave's $attrbegin carry nothing we compare.
                    sectionBody(t, at);
                }
            }
        }
    }

    private void declare(List<String> body, String scope, int at) {
        if (body.size() < 4) {
            throw error(at, "$var needs type, width, identifier and name, got " + body);
        }
        int width;
        try {
            width = Integer.parseInt(body.get(1));
        } catch (NumberFormatException e) {
            width = -1;
        }
        if (width <= 0) {
            throw error(at, "bad $var width '" + body.get(1) + "'");
        }
        String id = body.get(2);
        String name = body.get(3);
        String range = String.join("", body.subList(4, body.size()));
        VcdVariable v = new VcdVariable(variables.size(), body.get(0), width, id, scope, name, range);
        List<VcdVariable> same = byId.computeIfAbsent(id, k -> new ArrayList<>(1));
        if (!same.isEmpty() && same.get(0).width() != width) {
            throw error(at, "identifier " + id + " declared with widths " + same.get(0).width() + " and " + width);
        }
        same.add(v);
        variables.add(v);
    }

    private List<String> sectionBody(String keyword, int at) {
        List<String> body = new ArrayList<>();
        while (true) {
            String t = tok.next();
            if (t == null) {
                throw error(at, "truncated file: " + keyword + " without $end");
            }
            if (t.equals("$end")) {
                return body;
            }
            body.add(t);
        }
    }

    // ---- value changes -----------------------------------------------------------------

    /**
     * Advances to the next value change.
     *
     * @return false at the end of the file
     */
    public boolean next() {
        while (true) {
            String t = tok.next();
            if (t == null) {
                return false;
            }
            int at = tok.tokenLine;
            char c = t.charAt(0);
            switch (c) {
                case '#' -> readTime(t, at);
                case '$' -> {
                    switch (t) {
                        case "$dumpvars", "$dumpall", "$dumpon", "$dumpoff", "$end" -> { }
                        default -> sectionBody(t, at);
                    }
                }
                case '0', '1', 'x', 'X', 'z', 'Z' -> {
                    if (t.length() < 2) {
                        throw error(at, "bad value '" + t + "': scalar value without identifier code");
                    }
                    change(t.substring(1), String.valueOf(Character.toLowerCase(c)), at);
                    return true;
                }
                case 'b', 'B' -> {
                    String bits = t.substring(1);
                    if (bits.isEmpty()) {
                        throw error(at, "bad value '" + t + "': no bits");
                    }
                    StringBuilder norm = new StringBuilder(bits.length());
                    for (int k = 0; k < bits.length(); k++) {
                        char b = Character.toLowerCase(bits.charAt(k));
                        if (b != '0' && b != '1' && b != 'x' && b != 'z') {
                            throw error(at, "bad value '" + t + "': '" + bits.charAt(k) + "' is not a VCD bit");
                        }
                        norm.append(b);
                    }
                    change(idAfter(t, at), norm.toString(), at);
                    return true;
                }
                case 'r', 'R' -> {
                    double real;
                    try {
                        real = Double.parseDouble(t.substring(1));
                    } catch (NumberFormatException e) {
                        throw error(at, "bad value '" + t + "': not a real number");
                    }
                    String id = idAfter(t, at);
                    line = at;
                    lookup(id, at);
                    value = "r" + real;
                    return true;
                }
                default -> throw error(at, "bad value '" + t + "'");
            }
        }
    }

    private void readTime(String t, int at) {
        long v;
        try {
            v = Long.parseLong(t.substring(1));
        } catch (NumberFormatException e) {
            throw error(at, "bad time '" + t + "'");
        }
        if (v < 0 || (timeSeen && v < time)) {
            throw error(at, "time goes backwards: " + t + " after #" + time);
        }
        time = v;
        timeSeen = true;
    }

    private String idAfter(String valueToken, int at) {
        String id = tok.next();
        if (id == null) {
            throw error(at, "truncated file: value '" + valueToken + "' without identifier code");
        }
        return id;
    }

    private void lookup(String id, int at) {
        List<VcdVariable> vars = byId.get(id);
        if (vars == null) {
            throw error(at, "unknown identifier code '" + id + "'");
        }
        idCode = id;
        changed = vars;
    }

    private void change(String id, String bits, int at) {
        lookup(id, at);
        line = at;
        int width = changed.get(0).width();
        if (bits.length() > width) {
            String stripped = stripRedundant(bits, width);
            if (stripped.length() > width) {
                throw error(at, "bad value '" + bits + "': " + bits.length() + " bits for " + width + "-bit "
                        + changed.get(0).path());
            }
            bits = stripped;
        }
        value = extend(bits, width);
    }

    /** Drops leading zeros beyond {@code width}; they carry no information. */
    private static String stripRedundant(String bits, int width) {
        int k = 0;
        while (bits.length() - k > width && bits.charAt(k) == '0') {
            k++;
        }
        return bits.substring(k);
    }

    /** Extends {@code bits} to {@code width} as VCD specifies. */
    static String extend(String bits, int width) {
        int missing = width - bits.length();
        if (missing <= 0) {
            return bits;
        }
        char lead = bits.charAt(0);
        char pad = lead == 'x' || lead == 'z' ? lead : '0';
        return String.valueOf(pad).repeat(missing) + bits;
    }

    /** Time of the current change, in {@link #timescale} units. */
    public long time() {
        return time;
    }

    /** Identifier code of the current change. */
    public String idCode() {
        return idCode;
    }

    /** The variables the current change applies to (several when the code is aliased). */
    public List<VcdVariable> changed() {
        return changed;
    }

    /** Value of the current change: bits at the declared width, or {@code r<number>} for a real. */
    public String value() {
        return value;
    }

    /** Line of the current change. */
    public int line() {
        return line;
    }

    private TandemException error(int at, String message) {
        return new TandemException(source + ":" + at + ": " + message);
    }

    @Override
    public void close() throws IOException {
        tok.in.close();
    }

    /** Splits the input into whitespace-separated tokens and counts lines. */
    private final class Tokenizer {
        final Reader in;
        final char[] buf = new char[1 << 16];
        int pos;
        int len;
        int line = 1;
        int tokenLine;
        final StringBuilder sb = new StringBuilder(64);

        Tokenizer(Reader in) {
            this.in = in;
        }

        private int read() {
            if (pos == len) {
                try {
                    len = in.read(buf, 0, buf.length);
                } catch (IOException e) {
                    throw new TandemException(source + ":" + line + ": read error: " + e.getMessage(), e);
                }
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++];
        }

        String next() {
            int c = read();
            while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (c == '\n') {
                    line++;
                }
                c = read();
            }
            if (c < 0) {
                return null;
            }
            tokenLine = line;
            sb.setLength(0);
            while (c >= 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                sb.append((char) c);
                c = read();
            }
            if (c == '\n') {
                line++;
            }
            return sb.toString();
        }
    }
}
