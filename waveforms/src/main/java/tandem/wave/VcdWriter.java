package tandem.wave;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Streaming VCD (IEEE 1364 §18) writer. Declare every variable first, then advance time with
 * {@link #time} and record values with {@link #set}; only values that differ from the last one
 * written reach the file, and when a variable is set several times in one time step only the
 * last value counts. The first time step is written as a {@code $dumpvars} block holding every
 * variable ({@code x} for those never set).
 *
 * <p>Memory is bounded by the number of variables: values live in primitive arrays and output
 * goes through a fixed 64 KiB buffer. Not thread-safe.
 *
 * <pre>{@code
 * try (VcdWriter w = VcdWriter.open(path, Timescale.NS)) {
 *     VcdSignal pc = w.wire("tandem.hart0", "pc", 32);
 *     w.time(0);  w.set(pc, 0x80000000L);
 *     w.time(10); w.set(pc, 0x80000004L);
 * }
 * }</pre>
 */
public final class VcdWriter implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final OutputStream out;
    private final Timescale timescale;
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;

    private final ScopeNode root = new ScopeNode("");
    private final List<VcdSignal> signals = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();

    // Per variable: value pending for the current step and value last written. A value is
    // either numeric (the long) or, when it holds x/z bits or is wider than 64 bits, a string.
    private long[] pendingValue = new long[0];
    private String[] pendingBits = new String[0];
    private long[] writtenValue = new long[0];
    private String[] writtenBits = new String[0];
    private boolean[] dirty = new boolean[0];
    private int[] dirtyList = new int[0];
    private int dirtyCount;

    private boolean started;
    private boolean dumpvarsPending;
    private long currentTime;
    private long lastWrittenTime = -1;
    private boolean closed;

    /** Writes to {@code out}, which this writer closes. */
    public VcdWriter(OutputStream out, Timescale timescale) {
        this.out = out;
        this.timescale = timescale;
    }

    /** Creates (or replaces) {@code file}, gzip-compressed when its name ends in {@code .gz}. */
    public static VcdWriter open(Path file, Timescale timescale) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new VcdWriter(new BufferedOutputStream(os, 1 << 12), timescale);
    }

    /** Adds a {@code $comment} to the header; call before the first {@link #time}. */
    public void comment(String text) {
        requireDeclaring();
        comments.add(text);
    }

    /** Declares a {@code wire} of {@code width} bits in the dotted {@code scope}. */
    public VcdSignal wire(String scope, String name, int width) {
        return declare("wire", scope, name, width);
    }

    /** Declares a {@code reg} of {@code width} bits in the dotted {@code scope}. */
    public VcdSignal reg(String scope, String name, int width) {
        return declare("reg", scope, name, width);
    }

    /** Declares a {@code real} variable in the dotted {@code scope}; it starts at 0.0. */
    public VcdSignal real(String scope, String name) {
        return declare("real", scope, name, 64);
    }

    /**
     * Declares {@code name} in {@code scope} as another name for {@code signal}: it shares the
     * signal's identifier code, so it always shows the same value (a port connected to a net).
     */
    public VcdSignal alias(VcdSignal signal, String scope, String name) {
        return declare(types.get(signal.index), scope, name, signal.width(), signal);
    }

    private VcdSignal declare(String type, String scope, String name, int width) {
        VcdSignal s = declare(type, scope, name, width, null);
        signals.add(s);
        types.add(type);
        return s;
    }

    private VcdSignal declare(String type, String scope, String name, int width, VcdSignal aliasOf) {
        requireDeclaring();
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + name);
        }
        if (scope.isEmpty() || hasSpace(scope) || scope.startsWith(".") || scope.endsWith(".") || scope.contains("..")) {
            throw new IllegalArgumentException("bad scope path: '" + scope + "'");
        }
        if (name.isEmpty() || hasSpace(name) || name.contains(".")) {
            throw new IllegalArgumentException("bad variable name: '" + name + "'");
        }
        ScopeNode node = root;
        for (String part : scope.split("\\.")) {
            node = node.children.computeIfAbsent(part, ScopeNode::new);
        }
        for (VcdSignal s : node.signals) {
            if (s.name().equals(name)) {
                throw new IllegalArgumentException("variable declared twice: " + scope + "." + name);
            }
        }
        VcdSignal s = aliasOf == null
                ? new VcdSignal(signals.size(), scope, name, width, idCode(signals.size()))
                : new VcdSignal(aliasOf.index, scope, name, width, aliasOf.idCode());
        node.signals.add(s);
        return s;
    }

    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) <= ' ') {
                return true;
            }
        }
        return false;
    }

    /** The identifier code of the {@code index}-th variable: base 94 over the printable characters. */
    static String idCode(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index;
        do {
            sb.append((char) ('!' + n % 94));
            n = n / 94 - 1;
        } while (n >= 0);
        return sb.toString();
    }

    private void requireDeclaring() {
        if (started) {
            throw new IllegalStateException("declarations must come before the first time step");
        }
    }

    /**
     * Moves to time {@code t} (in timescale units); values set afterwards belong to {@code t}.
     * The first call ends the header.
     */
    public void time(long t) {
        if (!started) {
            start(t);
            return;
        }
        if (t == currentTime) {
            return;
        }
        if (t < currentTime) {
            throw new IllegalArgumentException("time goes backwards: " + t + " after " + currentTime);
        }
        flushStep();
        currentTime = t;
    }

    /** Current time step. */
    public long currentTime() {
        return currentTime;
    }

    /** Sets a value; bits above the variable's width are dropped. */
    public void set(VcdSignal s, long value) {
        if (!started) {
            start(0);
        }
        int i = s.index;
        int w = s.width();
        pendingValue[i] = w >= 64 ? value : value & ((1L << w) - 1);
        pendingBits[i] = null;
        markDirty(i);
    }

    /** Sets a non-negative value of any width; bits above the variable's width are dropped. */
    public void set(VcdSignal s, BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative value for " + s.path());
        }
        if (value.bitLength() <= 63) {
            set(s, value.longValue());
            return;
        }
        String bits = value.toString(2);
        if (bits.length() > s.width()) {
            bits = bits.substring(bits.length() - s.width());
        }
        setBits(s, bits);
    }

    /**
     * Sets a value from a bit string of {@code 0 1 x z} (most significant first, at most the
     * variable's width); a shorter string is extended as VCD does: with {@code 0} after a leading
     * {@code 0} or {@code 1}, otherwise with its leading {@code x} or {@code z}.
     */
    public void setBits(VcdSignal s, String bits) {
        if (bits.isEmpty() || bits.length() > s.width()) {
            throw new IllegalArgumentException("bit string of length " + bits.length() + " for " + s);
        }
        boolean binary = true;
        StringBuilder norm = new StringBuilder(bits.length());
        for (int k = 0; k < bits.length(); k++) {
            char c = Character.toLowerCase(bits.charAt(k));
            if (c != '0' && c != '1' && c != 'x' && c != 'z') {
                throw new IllegalArgumentException("bad bit '" + bits.charAt(k) + "' for " + s);
            }
            binary &= c == '0' || c == '1';
            norm.append(c);
        }
        if (binary) {
            String stripped = stripLeadingZeros(norm.toString());
            if (stripped.length() <= 64) {
                set(s, Long.parseUnsignedLong(stripped, 2));
                return;
            }
            norm = new StringBuilder(stripped);
        }
        if (!started) {
            start(0);
        }
        String value = norm.toString();
        char lead = value.charAt(0);
        if (lead == 'x' || lead == 'z') {
            // Repeated leading x/z bits are implied by VCD's extension rule; keep one.
            int k = 0;
            while (k < value.length() - 1 && value.charAt(k + 1) == lead) {
                k++;
            }
            value = value.substring(k);
        }
        int i = s.index;
        pendingBits[i] = value;
        markDirty(i);
    }

    /** Sets a {@link #real} variable. */
    public void setReal(VcdSignal s, double value) {
        if (!types.get(s.index).equals("real")) {
            throw new IllegalArgumentException(s.path() + " is not a real variable");
        }
        if (!started) {
            start(0);
        }
        pendingBits[s.index] = "r" + value;
        markDirty(s.index);
    }

    /** Sets every bit of the variable to {@code x} (unknown). */
    public void setUnknown(VcdSignal s) {
        setBits(s, "x");
    }

    private static String stripLeadingZeros(String bits) {
        int k = 0;
        while (k < bits.length() - 1 && bits.charAt(k) == '0') {
            k++;
        }
        return bits.substring(k);
    }

    private void markDirty(int i) {
        if (!dirty[i]) {
            dirty[i] = true;
            dirtyList[dirtyCount++] = i;
        }
    }

    private void start(long t) {
        started = true;
        currentTime = t;
        dumpvarsPending = true;
        int n = signals.size();
        pendingValue = new long[n];
        pendingBits = new String[n];
        writtenValue = new long[n];
        writtenBits = new String[n];
        dirty = new boolean[n];
        dirtyList = new int[n];
        for (int i = 0; i < n; i++) {
            pendingBits[i] = types.get(i).equals("real") ? "r0.0" : "x";
        }
        writeHeader();
    }

    private void writeHeader() {
        ascii("$version\n    tandem VcdWriter\n$end\n");
        for (String c : comments) {
            ascii("$comment\n    " + c.replace("$end", "$ end") + "\n$end\n");
        }
        ascii("$timescale " + timescale + " $end\n");
        writeScope(root);
        ascii("$enddefinitions $end\n");
    }

    private void writeScope(ScopeNode node) {
        boolean named = !node.name.isEmpty();
        if (named) {
            ascii("$scope module " + node.name + " $end\n");
        }
        for (VcdSignal s : node.signals) {
            String type = types.get(s.index);
            String range = s.width() > 1 && !type.equals("real") ? " [" + (s.width() - 1) + ":0]" : "";
            ascii("$var " + type + " " + s.width() + " " + s.idCode() + " " + s.name() + range + " $end\n");
        }
        for (ScopeNode child : node.children.values()) {
            writeScope(child);
        }
        if (named) {
            ascii("$upscope $end\n");
        }
    }

    private void flushStep() {
        if (dumpvarsPending) {
            dumpvarsPending = false;
            writeTime(currentTime);
            ascii("$dumpvars\n");
            for (int i = 0; i < signals.size(); i++) {
                writeValue(i);
            }
            ascii("$end\n");
            clearDirty();
            return;
        }
        boolean timeWritten = false;
        for (int k = 0; k < dirtyCount; k++) {
            int i = dirtyList[k];
            dirty[i] = false;
            boolean same = pendingBits[i] == null
                    ? writtenBits[i] == null && writtenValue[i] == pendingValue[i]
                    : pendingBits[i].equals(writtenBits[i]);
            if (same) {
                continue;
            }
            if (!timeWritten) {
                writeTime(currentTime);
                timeWritten = true;
            }
            writeValue(i);
        }
        dirtyCount = 0;
    }

    private void clearDirty() {
        for (int k = 0; k < dirtyCount; k++) {
            dirty[dirtyList[k]] = false;
        }
        dirtyCount = 0;
    }

    private void writeTime(long t) {
        ensure(24);
        buf[pos++] = '#';
        writeDecimal(t);
        buf[pos++] = '\n';
        lastWrittenTime = t;
    }

    private void writeValue(int i) {
        VcdSignal s = signals.get(i);
        String bits = pendingBits[i];
        writtenBits[i] = bits;
        writtenValue[i] = pendingValue[i];
        String id = s.idCode();
        ensure(70 + id.length() + (bits == null ? 0 : bits.length()));
        if (bits != null && bits.charAt(0) == 'r') {
            for (int k = 0; k < bits.length(); k++) {
                buf[pos++] = (byte) bits.charAt(k);
            }
            buf[pos++] = ' ';
        } else if (s.width() == 1) {
            buf[pos++] = (byte) (bits == null ? '0' + (int) pendingValue[i] : bits.charAt(0));
        } else {
            buf[pos++] = 'b';
            if (bits == null) {
                long v = pendingValue[i];
                int top = v == 0 ? 0 : 63 - Long.numberOfLeadingZeros(v);
                for (int b = top; b >= 0; b--) {
                    buf[pos++] = (byte) ('0' + (int) ((v >>> b) & 1));
                }
            } else {
                for (int k = 0; k < bits.length(); k++) {
                    buf[pos++] = (byte) bits.charAt(k);
                }
            }
            buf[pos++] = ' ';
        }
        for (int k = 0; k < id.length(); k++) {
            buf[pos++] = (byte) id.charAt(k);
        }
        buf[pos++] = '\n';
    }

    private void writeDecimal(long v) {
        if (v == 0) {
            buf[pos++] = '0';
            return;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        for (int a = start, b = pos - 1; a < b; a++, b--) {
            byte tmp = buf[a];
            buf[a] = buf[b];
            buf[b] = tmp;
        }
    }

    private void ascii(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > buf.length) {
            drain();
            write(bytes, bytes.length);
            return;
        }
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            drain();
        }
    }

    private void drain() {
        write(buf, pos);
        pos = 0;
    }

    private void write(byte[] b, int len) {
        try {
            out.write(b, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException("writing VCD: " + e.getMessage(), e);
        }
    }

    /** Writes the last time step (and the current time, so viewers show its length) and closes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!started) {
                start(0);
            }
            flushStep();
            if (currentTime > lastWrittenTime) {
                writeTime(currentTime);
            }
            drain();
        } finally {
            out.close();
        }
    }

    private static final class ScopeNode {
        final String name;
        final Map<String, ScopeNode> children = new LinkedHashMap<>();
        final List<VcdSignal> signals = new ArrayList<>();

        ScopeNode(String name) {
            this.name = name;
        }
    }
}
