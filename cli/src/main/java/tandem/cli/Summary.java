package tandem.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * How a long command ends: a one-screen summary for a person, one JSON object for a script,
 * or (with {@code --quiet}) only the problems, on stderr. A person sees the lines, then the
 * problems not already among them. A command collects its
 * {@link #figure figures} (JSON values), the {@link #line lines} a person reads, and its
 * {@link #problem problems}, then calls {@link #print} once with its exit code.
 *
 * <p>The JSON object holds {@code command}, {@code exitCode}, {@code verdict} ({@code pass},
 * {@code fail} or {@code error} for 0, 1, 2), every figure in the order given, and
 * {@code problems} (a list of lines).
 */
public final class Summary {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** A summary of {@code command} ("boot", "vectors run"). */
    public Summary(String command) {
        this.command = command;
    }

    /** Records a figure for the JSON object (numbers, strings, booleans, lists and maps of them). */
    public Summary figure(String key, Object value) {
        figures.put(key, value);
        return this;
    }

    /** The figure recorded under {@code key}, or null. */
    public Object figure(String key) {
        return figures.get(key);
    }

    /** Adds a line to the summary screen. */
    public Summary line(String text) {
        lines.add(text);
        return this;
    }

    /** Adds a formatted line to the summary screen. */
    public Summary line(String format, Object... args) {
        return line(String.format(Locale.ROOT, format, args));
    }

    /** Records a problem: shown on the summary screen, on stderr with {@code --quiet}, listed in the JSON. */
    public Summary problem(String text) {
        problems.add(text);
        return this;
    }

    /** The problems recorded so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Prints the summary the way {@code output} asks and returns {@code exitCode}: the lines
     * and problems on stdout for a person; the JSON object on stdout with {@code --json};
     * the problems on stderr with {@code --quiet}.
     */
    public int print(OutputOptions output, CommandLine commandLine, int exitCode) {
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        if (output.json()) {
            out.println(json(exitCode));
        } else if (output.quiet()) {
            problems.forEach(p -> err.println("tandem: " + p));
        } else {
            lines.forEach(out::println);
            problems.stream().filter(p -> !lines.contains(p)).forEach(out::println);
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    /** The JSON object for {@code exitCode}. */
    public String json(int exitCode) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("command", command);
        o.put("exitCode", exitCode);
        o.put("verdict", exitCode == Tandem.PASS ? "pass" : exitCode == Tandem.FAIL ? "fail" : "error");
        o.putAll(figures);
        o.put("problems", problems);
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary of " + command + " is not JSON-writable", e);
        }
    }
}
