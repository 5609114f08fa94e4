package tandem.wave;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tandem.golden.TandemException;

/**
 * Compares two waveforms signal by signal over time and finds, for every signal pair, the
 * first time their values differ. Both files are streamed together in time order (times are
 * converted to femtoseconds, so files with different timescales compare correctly); values are
 * compared at the end of each time step, so zero-time glitches inside a step are ignored.
 * A signal holds {@code x} until its first change, and keeps its last value after its file ends.
 *
 * <p>Pairs come from the {@link SignalMap} entries plus every variable whose full name appears
 * in both files. An entry naming nothing in its file, a pair whose widths differ, or two files
 * with nothing to compare is a {@link TandemException}.
 */
public final class WaveDiff {

    /**
     * The first difference of one signal pair.
     *
     * @param a      variable in the first file
     * @param b      variable in the second file
     * @param timeFs time of the difference in femtoseconds
     * @param valueA value in the first file ({@code x...} when not yet set)
     * @param valueB value in the second file
     * @param lineA  line of the first file's latest change to {@code a} (0 if none)
     * @param lineB  line of the second file's latest change to {@code b} (0 if none)
     */
    public record Difference(VcdVariable a, VcdVariable b, long timeFs, String valueA, String valueB,
            int lineA, int lineB) {
    }

    /**
     * Outcome of a comparison.
     *
     * @param pairs       signal pairs compared, as {@code a=b}
     * @param differences first difference of every pair that differs, in pair order
     * @param onlyInA     variables of the first file compared with nothing
     * @param onlyInB     variables of the second file compared with nothing
     * @param endFs       time of the last change read from either file, in femtoseconds
     */
    public record Result(List<String> pairs, List<Difference> differences, List<String> onlyInA,
            List<String> onlyInB, long endFs) {

        /** True when every pair matched. */
        public boolean same() {
            return differences.isEmpty();
        }
    }

    private WaveDiff() {
    }

    /** Compares {@code a} and {@code b} from their current position (just after the header). */
    public static Result compare(VcdReader a, VcdReader b, SignalMap map) {
        List<VcdVariable[]> pairs = pair(a, b, map);
        int n = pairs.size();
        Map<String, int[]> pairsOfIdA = pairsById(pairs, 0);
        Map<String, int[]> pairsOfIdB = pairsById(pairs, 1);

        String[] valA = new String[n];
        String[] valB = new String[n];
        int[] lineA = new int[n];
        int[] lineB = new int[n];
        Difference[] first = new Difference[n];
        boolean[] touched = new boolean[n];
        int[] touchedList = new int[n];
        int touchedCount;
        int open = n;

        long fsA = a.timescale().femtoseconds();
        long fsB = b.timescale().femtoseconds();
        boolean hasA = a.next();
        boolean hasB = b.next();
        long end = 0;
        while ((hasA || hasB) && open > 0) {
            long t = Math.min(hasA ? a.time() * fsA : Long.MAX_VALUE, hasB ? b.time() * fsB : Long.MAX_VALUE);
            end = t;
            touchedCount = 0;
            while (hasA && a.time() * fsA == t) {
                int[] ps = pairsOfIdA.get(a.idCode());
                if (ps != null) {
                    for (int p : ps) {
                        valA[p] = a.value();
                        lineA[p] = a.line();
                        if (!touched[p]) {
                            touched[p] = true;
                            touchedList[touchedCount++] = p;
                        }
                    }
                }
                hasA = a.next();
            }
            while (hasB && b.time() * fsB == t) {
                int[] ps = pairsOfIdB.get(b.idCode());
                if (ps != null) {
                    for (int p : ps) {
                        valB[p] = b.value();
                        lineB[p] = b.line();
                        if (!touched[p]) {
                            touched[p] = true;
                            touchedList[touchedCount++] = p;
                        }
                    }
                }
                hasB = b.next();
            }
            for (int k = 0; k < touchedCount; k++) {
                int p = touchedList[k];
                touched[p] = false;
                if (first[p] != null) {
                    continue;
                }
                String va = valueOrX(valA[p], pairs.get(p)[0]);
                String vb = valueOrX(valB[p], pairs.get(p)[1]);
                if (!va.equals(vb)) {
                    first[p] = new Difference(pairs.get(p)[0], pairs.get(p)[1], t, va, vb, lineA[p], lineB[p]);
                    open--;
                }
            }
        }
        List<Difference> diffs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            names.add(pairs.get(p)[0].path() + "=" + pairs.get(p)[1].path());
            if (first[p] != null) {
                diffs.add(first[p]);
            }
        }
        return new Result(names, diffs, unpaired(a, pairs, 0), unpaired(b, pairs, 1), end);
    }

    private static String valueOrX(String v, VcdVariable var) {
        return v != null ? v : var.isReal() ? "rnan" : "x".repeat(var.width());
    }

    private static List<VcdVariable[]> pair(VcdReader a, VcdReader b, SignalMap map) {
        Map<String, VcdVariable> inA = byPath(a);
        Map<String, VcdVariable> inB = byPath(b);
        Map<String, VcdVariable[]> pairs = new LinkedHashMap<>();
        for (SignalMap.Entry e : map.entries()) {
            VcdVariable va = inA.get(e.a());
            VcdVariable vb = inB.get(e.b());
            if (va != null || vb != null) {
                if (va == null) {
                    throw new TandemException(e.origin() + ": unknown signal '" + e.a() + "' in " + a.source());
                }
                if (vb == null) {
                    throw new TandemException(e.origin() + ": unknown signal '" + e.b() + "' in " + b.source());
                }
                addPair(pairs, va, vb, e.origin());
                continue;
            }
            String prefixA = e.a() + ".";
            String prefixB = e.b() + ".";
            if (inA.keySet().stream().noneMatch(k -> k.startsWith(prefixA))) {
                throw new TandemException(e.origin() + ": unknown signal or scope '" + e.a() + "' in " + a.source());
            }
            if (inB.keySet().stream().noneMatch(k -> k.startsWith(prefixB))) {
                throw new TandemException(e.origin() + ": unknown signal or scope '" + e.b() + "' in " + b.source());
            }
            for (VcdVariable x : inA.values()) {
                if (x.path().startsWith(prefixA)) {
                    VcdVariable y = inB.get(prefixB + x.path().substring(prefixA.length()));
                    if (y != null) {
                        addPair(pairs, x, y, e.origin());
                    }
                }
            }
        }
        for (VcdVariable x : inA.values()) {
            VcdVariable y = inB.get(x.path());
            if (y != null && !pairs.containsKey(x.path() + "=" + y.path())) {
                addPair(pairs, x, y, "identical names");
            }
        }
        if (pairs.isEmpty()) {
            throw new TandemException(a.source() + " and " + b.source()
                    + " have no signal names in common; pair them with --map a=b");
        }
        return new ArrayList<>(pairs.values());
    }

    private static void addPair(Map<String, VcdVariable[]> pairs, VcdVariable x, VcdVariable y, String origin) {
        if (x.width() != y.width() || x.isReal() != y.isReal()) {
            throw new TandemException(origin + ": cannot compare " + x.path() + " (" + describe(x) + ") with "
                    + y.path() + " (" + describe(y) + ")");
        }
        pairs.putIfAbsent(x.path() + "=" + y.path(), new VcdVariable[] {x, y});
    }

    private static String describe(VcdVariable v) {
        return v.isReal() ? v.type() : v.width() + " bits";
    }

    private static Map<String, VcdVariable> byPath(VcdReader r) {
        Map<String, VcdVariable> m = new LinkedHashMap<>();
        for (VcdVariable v : r.variables()) {
            m.putIfAbsent(v.path(), v);
        }
        return m;
    }

    private static Map<String, int[]> pairsById(List<VcdVariable[]> pairs, int side) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int p = 0; p < pairs.size(); p++) {
            lists.computeIfAbsent(pairs.get(p)[side].idCode(), k -> new ArrayList<>()).add(p);
        }
        Map<String, int[]> m = new HashMap<>();
        lists.forEach((id, ps) -> m.put(id, ps.stream().mapToInt(Integer::intValue).toArray()));
        return m;
    }

    private static List<String> unpaired(VcdReader r, List<VcdVariable[]> pairs, int side) {
        Set<String> used = new HashSet<>();
        for (VcdVariable[] p : pairs) {
            used.add(p[side].path());
        }
        Set<String> out = new LinkedHashSet<>();
        for (VcdVariable v : r.variables()) {
            if (!used.contains(v.path())) {
                out.add(v.path());
            }
        }
        return List.copyOf(out);
    }

    /** Shows a value as hex when it is plain binary and wider than one bit, else as its bits. */
    public static String format(String value) {
        if (value.length() <= 1 || value.startsWith("r")) {
            return value;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '0' && c != '1') {
                return "b" + value;
            }
        }
        int digits = (value.length() + 3) / 4;
        String hex = new BigInteger(value, 2).toString(16);
        return "0x" + "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }

    /** Formats femtoseconds in the largest unit that divides the time exactly, e.g. {@code 35 ns}. */
    public static String formatTime(long fs) {
        String[] units = {"fs", "ps", "ns", "us", "ms", "s"};
        int u = 0;
        long t = fs;
        while (u < units.length - 1 && t != 0 && t % 1000 == 0) {
            t /= 1000;
            u++;
        }
        if (t == 0) {
            return "0";
        }
        return t + " " + units[u];
    }
}
