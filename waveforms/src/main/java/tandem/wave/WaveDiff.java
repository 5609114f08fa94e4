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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * Compares two waveforms signal by signal over time and finds, for every signal pair, the
 * first time their values differ. Both files are streamed together in time order (times are
 * converted to femtoseconds, so files with different timescales compare correctly); values are
 * compared at the end of each time step, so zero-time glitches inside a step are ignored.
 * A signal holds {@code x} until its first change, and keeps its last value after its file ends.
 *
 * <p>Pairs come from the {@link SignalMap} entries plus every variable whose full name appears
 * in both files. A map side may select bits of a vector, {@code bio.gpio_out[3]} or
 * {@code bio.gpio_out[7:4]}, numbered as the variable's declared range (or from 0). An entry
 * naming nothing in its file, a pair whose widths differ, or two files with nothing to compare
 * is a {@link TandemException}.
 */
public final class WaveDiff {

    /**
     * The first difference of one signal pair.
     *
     * @param nameA  signal in the first file, with its bit select if any
     * @param nameB  signal in the second file
     * @param timeFs time of the difference in femtoseconds
     * @param valueA value in the first file ({@code x...} when not yet set)
     * @param valueB value in the second file
     * @param lineA  line of the first file's latest change to the signal (0 if none)
     * @param lineB  line of the second file's latest change (0 if none)
     */
    public record Difference(String nameA, String nameB, long timeFs, String valueA, String valueB,
            int lineA, int lineB) {
    }

    /**
     * Outcome of a comparison.
     *
     * @param pairs       signal pairs compared, as {@code a=b}
     * @param differences first difference of every pair that differs, in pair order
     * @param onlyInA     variables of the first file compared with nothing
     * @param onlyInB     variables of the second file compared with nothing
     * @param endFs       time of the last change read, in femtoseconds
     * @param inputError  why reading stopped early (a truncated or malformed file, naming file and
     *                    line), or null; the differences before it are kept
     */
    public record Result(List<String> pairs, List<Difference> differences, List<String> onlyInA,
            List<String> onlyInB, long endFs, String inputError) {

        /** True when every pair matched and both files were read to the end. */
        public boolean same() {
            return differences.isEmpty() && inputError == null;
        }
    }

    /** A variable, or bits {@code hi..lo} of it (as offsets from its least significant bit). */
    private record Selection(VcdVariable var, int hi, int lo, String name) {
        int width() {
            return hi - lo + 1;
        }

        boolean whole() {
            return lo == 0 && hi == var.width() - 1;
        }

        /** The selected bits of a value of the whole variable. */
        String slice(String value) {
            if (whole() || value.startsWith("r")) {
                return value;
            }
            int w = var.width();
            return value.substring(w - 1 - hi, w - lo);
        }
    }

    private static final Pattern SELECT = Pattern.compile("^(.*)\\[(\\d+)(?::(\\d+))?\\]$");

    private WaveDiff() {
    }

    /** Compares {@code a} and {@code b} from their current position (just after the header). */
    public static Result compare(VcdReader a, VcdReader b, SignalMap map) {
        List<Selection[]> pairs = pair(a, b, map);
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
        int open = n;

        long fsA = a.timescale().femtoseconds();
        long fsB = b.timescale().femtoseconds();
        long end = 0;
        String error = null;
        try {
            boolean hasA = a.next();
            boolean hasB = b.next();
            while ((hasA || hasB) && open > 0) {
                long t = Math.min(hasA ? a.time() * fsA : Long.MAX_VALUE, hasB ? b.time() * fsB : Long.MAX_VALUE);
                end = t;
                int touchedCount = 0;
                while (hasA && a.time() * fsA == t) {
                    int[] ps = pairsOfIdA.get(a.idCode());
                    if (ps != null) {
                        for (int p : ps) {
                            valA[p] = pairs.get(p)[0].slice(a.value());
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
                            valB[p] = pairs.get(p)[1].slice(b.value());
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
                    Selection sa = pairs.get(p)[0];
                    Selection sb = pairs.get(p)[1];
                    String va = valueOrX(valA[p], sa);
                    String vb = valueOrX(valB[p], sb);
                    if (!va.equals(vb)) {
                        first[p] = new Difference(sa.name(), sb.name(), t, va, vb, lineA[p], lineB[p]);
                        open--;
                    }
                }
            }
        } catch (TandemException e) {
            // a file that ends early or goes bad mid-way: keep what was compared up to there
            error = e.getMessage();
        }
        List<Difference> diffs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            names.add(pairs.get(p)[0].name() + "=" + pairs.get(p)[1].name());
            if (first[p] != null) {
                diffs.add(first[p]);
            }
        }
        return new Result(names, diffs, unpaired(a, pairs, 0), unpaired(b, pairs, 1), end, error);
    }

    private static String valueOrX(String v, Selection s) {
        return v != null ? v : s.var().isReal() ? "rnan" : "x".repeat(s.width());
    }

    private static List<Selection[]> pair(VcdReader a, VcdReader b, SignalMap map) {
        Map<String, VcdVariable> inA = byPath(a);
        Map<String, VcdVariable> inB = byPath(b);
        Map<String, Selection[]> pairs = new LinkedHashMap<>();
        for (SignalMap.Entry e : map.entries()) {
            Selection sa = select(inA, e.a(), e.origin(), a.source());
            Selection sb = select(inB, e.b(), e.origin(), b.source());
            if (sa != null || sb != null) {
                if (sa == null) {
                    throw new TandemException(e.origin() + ": unknown signal '" + e.a() + "' in " + a.source());
                }
                if (sb == null) {
                    throw new TandemException(e.origin() + ": unknown signal '" + e.b() + "' in " + b.source());
                }
                addPair(pairs, sa, sb, e.origin());
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
            for (Map.Entry<String, VcdVariable> x : inA.entrySet()) {
                if (x.getKey().startsWith(prefixA)) {
                    String other = prefixB + x.getKey().substring(prefixA.length());
                    VcdVariable y = inB.get(other);
                    if (y != null) {
                        addPair(pairs, whole(x.getValue(), x.getKey()), whole(y, other), e.origin());
                    }
                }
            }
        }
        for (Map.Entry<String, VcdVariable> x : inA.entrySet()) {
            VcdVariable y = inB.get(x.getKey());
            if (y != null && !pairs.containsKey(x.getKey() + "=" + x.getKey())) {
                addPair(pairs, whole(x.getValue(), x.getKey()), whole(y, x.getKey()), "identical names");
            }
        }
        if (pairs.isEmpty()) {
            throw new TandemException(a.source() + " and " + b.source()
                    + " have no signal names in common; pair them with --map a=b");
        }
        return new ArrayList<>(pairs.values());
    }

    private static Selection whole(VcdVariable v, String name) {
        return new Selection(v, v.width() - 1, 0, name);
    }

    /** The variable or bit select {@code name} stands for, or null when it names none. */
    private static Selection select(Map<String, VcdVariable> vars, String name, String origin, String source) {
        VcdVariable v = vars.get(name);
        if (v != null) {
            return whole(v, name);
        }
        Matcher m = SELECT.matcher(name);
        if (!m.matches() || (v = vars.get(m.group(1))) == null || v.isReal()) {
            return null;
        }
        int msb = Integer.parseInt(m.group(2));
        int lsb = m.group(3) == null ? msb : Integer.parseInt(m.group(3));
        int base = rangeBase(v);
        int hi = msb - base;
        int lo = lsb - base;
        if (hi < lo || lo < 0 || hi >= v.width()) {
            throw new TandemException(origin + ": bits " + name.substring(m.group(1).length()) + " are outside "
                    + m.group(1) + (v.range().isEmpty() ? " (" + v.width() + " bits)" : " " + v.range()) + " in " + source);
        }
        return new Selection(v, hi, lo, name);
    }

    /** The index of a variable's least significant bit in its declared range ({@code [8:1]} gives 1). */
    private static int rangeBase(VcdVariable v) {
        Matcher m = Pattern.compile("^\\[(\\d+):(\\d+)\\]$").matcher(v.range());
        if (m.matches()) {
            return Math.min(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return 0;
    }

    private static void addPair(Map<String, Selection[]> pairs, Selection x, Selection y, String origin) {
        if (x.width() != y.width() || x.var().isReal() != y.var().isReal()) {
            throw new TandemException(origin + ": cannot compare " + x.name() + " (" + describe(x) + ") with "
                    + y.name() + " (" + describe(y) + ")");
        }
        pairs.putIfAbsent(x.name() + "=" + y.name(), new Selection[] {x, y});
    }

    private static String describe(Selection s) {
        return s.var().isReal() ? s.var().type() : s.width() + " bits";
    }

    /**
     * Variables by full name. A one-bit variable declared with a single-bit range (a bit of a
     * bit-blasted bus, {@code data [3]}) is named with it, {@code top.data[3]}.
     */
    private static Map<String, VcdVariable> byPath(VcdReader r) {
        Map<String, VcdVariable> m = new LinkedHashMap<>();
        for (VcdVariable v : r.variables()) {
            String key = v.width() == 1 && v.range().matches("^\\[\\d+\\]$") ? v.path() + v.range() : v.path();
            m.putIfAbsent(key, v);
        }
        return m;
    }

    private static Map<String, int[]> pairsById(List<Selection[]> pairs, int side) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int p = 0; p < pairs.size(); p++) {
            lists.computeIfAbsent(pairs.get(p)[side].var().idCode(), k -> new ArrayList<>()).add(p);
        }
        Map<String, int[]> m = new HashMap<>();
        lists.forEach((id, ps) -> m.put(id, ps.stream().mapToInt(Integer::intValue).toArray()));
        return m;
    }

    private static List<String> unpaired(VcdReader r, List<Selection[]> pairs, int side) {
        Set<VcdVariable> used = new HashSet<>();
        for (Selection[] p : pairs) {
            used.add(p[side].var());
        }
        Set<String> out = new LinkedHashSet<>();
        for (VcdVariable v : r.variables()) {
            if (!used.contains(v)) {
                out.add(v.path() + (v.width() == 1 ? v.range() : ""));
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
