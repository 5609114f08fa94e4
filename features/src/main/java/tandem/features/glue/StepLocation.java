package tandem.features.glue;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where in which feature file the step now running sits, so that a step can name the
 * feature file and line in a user error (a bad number, an assembly error on line 3 of a doc
 * string). {@link SpecProblems} records it as each step starts; steps read it through
 * {@link #current()}.
 *
 * @param uri the feature file
 * @param line the step's line in it (1-based)
 */
public record StepLocation(URI uri, int line) {
    private static final ThreadLocal<StepLocation> CURRENT = new ThreadLocal<>();
    private static final Map<URI, List<String>> SOURCES = new ConcurrentHashMap<>();

    /** The step running on this thread, or an unknown location outside a Cucumber run. */
    public static StepLocation current() {
        StepLocation l = CURRENT.get();
        return l != null ? l : new StepLocation(URI.create("unknown:feature"), 0);
    }

    static void enter(StepLocation location) {
        CURRENT.set(location);
    }

    static void leave() {
        CURRENT.remove();
    }

    static void source(URI uri, String text) {
        SOURCES.put(uri, List.of(text.split("\r?\n", -1)));
    }

    /** {@code file:line} as the user wrote the path (relative to the working directory when possible). */
    @Override
    public String toString() {
        return at(line);
    }

    /** {@code file:n} for another line of the same feature file. */
    public String at(int n) {
        return displayName(uri) + ":" + n;
    }

    /**
     * The line of the first content line of the step's doc string (the line after the opening
     * {@code """}), so an error on line k of the doc string is at {@code docStringLine() + k - 1}.
     * Falls back to two lines below the step when the source is not known.
     */
    public int docStringLine() {
        List<String> lines = SOURCES.get(uri);
        if (lines != null) {
            for (int i = line; i < lines.size(); i++) {
                String t = lines.get(i).strip();
                if (t.startsWith("\"\"\"") || t.startsWith("```")) {
                    return i + 2;
                }
            }
        }
        return line + 2;
    }

    /** A feature file's name for messages: the classpath path, or the file path relative to the working directory. */
    public static String displayName(URI uri) {
        if ("classpath".equals(uri.getScheme())) {
            return uri.getSchemeSpecificPart().replaceFirst("^/", "");
        }
        if ("file".equals(uri.getScheme())) {
            Path p = Paths.get(uri);
            Path cwd = Paths.get("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        }
        return uri.toString();
    }
}
