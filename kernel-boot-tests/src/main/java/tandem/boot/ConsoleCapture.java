package tandem.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import tandem.golden.platform.Console;

/**
 * Splits each UART's output into lines: writes every byte to {@code <dir>/<uart>.log} as it
 * arrives (so a crashed boot keeps its console), echoes complete lines to a terminal prefixed by the
 * UART name, and hands each line to a listener (milestones, CHECK lines).
 */
public final class ConsoleCapture implements Console.Sink, AutoCloseable {

    private final Path dir;
    private final PrintStream echo;
    private final BiConsumer<String, String> lineListener;
    private final Map<String, StringBuilder> partial = new HashMap<>();
    private final Map<String, OutputStream> files = new HashMap<>();
    private final List<Path> written = new ArrayList<>();

    /**
     * @param dir where per-UART logs go, or null for none
     * @param echo terminal for "uart | line" echo, or null
     * @param lineListener receives (uart, line) for each complete line, without the line ending
     */
    public ConsoleCapture(Path dir, PrintStream echo, BiConsumer<String, String> lineListener) {
        this.dir = dir;
        this.echo = echo;
        this.lineListener = lineListener;
    }

    @Override
    public void write(String uart, int b) {
        if (dir != null) {
            try {
                OutputStream out = files.get(uart);
                if (out == null) {
                    Files.createDirectories(dir);
                    Path f = dir.resolve(uart + ".log");
                    out = new java.io.BufferedOutputStream(Files.newOutputStream(f));
                    files.put(uart, out);
                    written.add(f);
                }
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder line = partial.computeIfAbsent(uart, k -> new StringBuilder());
        if (b == '\n') {
            emit(uart, line);
        } else if (b != '\r') {
            line.append((char) b);
        }
    }

    private void emit(String uart, StringBuilder line) {
        String text = line.toString();
        line.setLength(0);
        if (echo != null) {
            echo.println(uart + " | " + text);
        }
        lineListener.accept(uart, text);
    }

    /** The log files written so far. */
    public List<Path> files() {
        return List.copyOf(written);
    }

    /** Pushes what was captured so far to the log files. */
    public void flush() {
        for (OutputStream out : files.values()) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Emits unterminated last lines and closes the files. */
    @Override
    public void close() {
        for (Map.Entry<String, StringBuilder> e : partial.entrySet()) {
            if (e.getValue().length() > 0) {
                emit(e.getKey(), e.getValue());
            }
        }
        for (OutputStream out : files.values()) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
