package tandem.wave;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a whole VCD into per-variable lists of {@code time:value}, keeping only real changes. */
final class Timelines {

    private Timelines() {
    }

    static Map<String, List<String>> read(Path file) throws IOException {
        try (VcdReader r = VcdReader.open(file)) {
            return read(r);
        }
    }

    /** Asserts equal timelines, naming the first variable and change that differ. */
    static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.keySet(), actual.keySet(), "variables");
        for (String key : expected.keySet()) {
            List<String> e = expected.get(key);
            List<String> a = actual.get(key);
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                org.junit.jupiter.api.Assertions.assertEquals(e.get(i), a.get(i), key + " change #" + i);
            }
            org.junit.jupiter.api.Assertions.assertEquals(e.size(), a.size(), key + " number of changes");
        }
    }

    static Map<String, List<String>> read(VcdReader r) {
        long fs = r.timescale().femtoseconds();
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> last = new LinkedHashMap<>();
        for (VcdVariable v : r.variables()) {
            out.put(v.path() + "[" + v.width() + "]", new ArrayList<>());
        }
        while (r.next()) {
            for (VcdVariable v : r.changed()) {
                String key = v.path() + "[" + v.width() + "]";
                if (!r.value().equals(last.get(key))) {
                    last.put(key, r.value());
                    out.get(key).add(r.time() * fs + ":" + r.value());
                }
            }
        }
        return out;
    }
}
