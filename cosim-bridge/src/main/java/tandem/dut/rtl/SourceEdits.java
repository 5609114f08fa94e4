package tandem.dut.rtl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Blank-outs Tandem makes in copies of user files so Verilator 5.006 accepts them, never in the
 * files themselves. Each edit replaces a range by spaces, keeping every line break, so the
 * copy's line numbers, and Verilator's messages about it, match the user's file. Copies are
 * written under the work directory with the original file name, one directory per original
 * directory so names cannot clash.
 */
public final class SourceEdits {

    private final Map<Path, TreeMap<Integer, Integer>> ranges = new LinkedHashMap<>();

    /** Blanks {@code [from, to)} of {@code file}. Overlapping ranges merge. */
    public void blank(Path file, int from, int to) {
        TreeMap<Integer, Integer> r = ranges.computeIfAbsent(file, f -> new TreeMap<>());
        r.merge(from, to, Math::max);
    }

    /** Whether no edit was made. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * Writes an edited copy of every edited file under {@code dir}.
     *
     * @return each edited original mapped to its copy
     */
    public Map<Path, Path> write(Path dir) {
        Map<Path, Path> copies = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Path, TreeMap<Integer, Integer>> e : ranges.entrySet()) {
            Path original = e.getKey();
            Path copy = dir.resolve("edited").resolve(Integer.toString(n++)).resolve(original.getFileName());
            try {
                String text = new String(Files.readAllBytes(original), StandardCharsets.ISO_8859_1);
                StringBuilder sb = new StringBuilder(text);
                for (Map.Entry<Integer, Integer> r : e.getValue().entrySet()) {
                    for (int k = r.getKey(); k < Math.min(r.getValue(), sb.length()); k++) {
                        if (sb.charAt(k) != '\n' && sb.charAt(k) != '\r') {
                            sb.setCharAt(k, ' ');
                        }
                    }
                }
                Files.createDirectories(copy.getParent());
                Files.write(copy, sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write an edited copy of " + original + " to " + copy, ex);
            }
            copies.put(original, copy);
        }
        return copies;
    }
}
