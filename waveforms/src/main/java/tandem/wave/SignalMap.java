package tandem.wave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tandem.golden.TandemException;

/**
 * Pairs signal names of one waveform with those of another for {@link WaveDiff}: one
 * {@code a=b} entry per line of a file ({@code #} starts a comment) or comma-separated on the
 * command line. A side may name a variable ({@code TOP.bio.pin0}), bits of one
 * ({@code tandem.bio.gpio_out[3]}, {@code x.bus[7:4]}), or a scope ({@code TOP.bio=tandem.bio}),
 * which pairs every variable under it with the same relative name.
 */
public final class SignalMap {

    /**
     * One {@code a=b} entry.
     *
     * @param a      name in the first waveform
     * @param b      name in the second waveform
     * @param origin where the entry was written ({@code file:line} or {@code --map})
     */
    public record Entry(String a, String b, String origin) {
    }

    private final List<Entry> entries;

    private SignalMap(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A map with no entries: signals pair by identical names. */
    public static SignalMap empty() {
        return new SignalMap(Collections.emptyList());
    }

    /** Reads a map file. */
    public static SignalMap read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read name map: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (!line.isBlank()) {
                entries.add(entry(line, file + ":" + (i + 1)));
            }
        }
        return new SignalMap(entries);
    }

    /** Parses {@code a=b,c=d}. */
    public static SignalMap parse(String inline) {
        List<Entry> entries = new ArrayList<>();
        for (String part : inline.split(",")) {
            if (!part.isBlank()) {
                entries.add(entry(part, "--map '" + inline + "'"));
            }
        }
        return new SignalMap(entries);
    }

    /** This map followed by the entries of {@code other}. */
    public SignalMap plus(SignalMap other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new SignalMap(all);
    }

    private static Entry entry(String text, String origin) {
        int eq = text.indexOf('=');
        if (eq < 0 || text.indexOf('=', eq + 1) >= 0) {
            throw new TandemException(origin + ": expected one 'a=b' pair, got '" + text.strip() + "'");
        }
        String a = text.substring(0, eq).strip();
        String b = text.substring(eq + 1).strip();
        if (a.isEmpty() || b.isEmpty() || a.contains(" ") || b.contains(" ")) {
            throw new TandemException(origin + ": expected 'a=b' with two signal names, got '" + text.strip() + "'");
        }
        return new Entry(a, b, origin);
    }

    /** The entries in the order given. */
    public List<Entry> entries() {
        return entries;
    }
}
