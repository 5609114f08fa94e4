package tandem.golden.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the guest printed, per UART. Devices {@link #write} bytes; tools read the text
 * or subscribe a {@link Sink} (terminal echo with a prefix, a log file, a milestone watcher).
 */
public final class Console {

    /** Receives each byte as it is written. */
    @FunctionalInterface
    public interface Sink {
        /** A byte written to UART {@code uart}. */
        void write(String uart, int b);
    }

    private final Map<String, ByteArrayOutputStream> captured = new LinkedHashMap<>();
    private final List<Sink> sinks = new ArrayList<>();

    /** Records a byte written by the guest to {@code uart}. */
    public void write(String uart, int b) {
        captured.computeIfAbsent(uart, k -> new ByteArrayOutputStream()).write(b);
        for (Sink s : sinks) {
            s.write(uart, b & 0xFF);
        }
    }

    /** Adds a sink. */
    public void addSink(Sink sink) {
        sinks.add(sink);
    }

    /** What {@code uart} printed so far. */
    public String text(String uart) {
        ByteArrayOutputStream out = captured.get(uart);
        return out == null ? "" : out.toString(StandardCharsets.UTF_8);
    }

    /** The UARTs that printed anything, in first-output order. */
    public List<String> uarts() {
        return List.copyOf(captured.keySet());
    }

    /** Everything printed, all UARTs in first-output order. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ByteArrayOutputStream out : captured.values()) {
            sb.append(out.toString(StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
