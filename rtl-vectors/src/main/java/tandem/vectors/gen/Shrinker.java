package tandem.vectors.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reduces a failing generated program to a small one that still fails, by delta debugging
 * (Zeller and Hildebrandt's ddmin): first over the body's units, then over single lines of the
 * units that are left. A candidate that no longer assembles (a branch left without its label)
 * counts as passing, and so does one whose predicate throws (a loop left without its
 * decrement runs away); the prologue and epilogue are never touched.
 */
public final class Shrinker {

    private final Predicate<GeneratedProgram> failing;
    private final Map<String, Integer> csrNames;
    private int tests;

    /**
     * @param failing  true when a program still shows the failure (e.g. diverges in lockstep)
     * @param csrNames CSR names for assembling candidates
     */
    public Shrinker(Predicate<GeneratedProgram> failing, Map<String, Integer> csrNames) {
        this.failing = failing;
        this.csrNames = Map.copyOf(csrNames);
    }

    /** A smallest failing variant of {@code program}, which must fail itself. */
    public GeneratedProgram shrink(GeneratedProgram program) {
        if (!fails(program)) {
            throw new IllegalArgumentException(program.name() + " does not fail; nothing to shrink");
        }
        List<List<String>> units = ddmin(program, program.body());
        GeneratedProgram p = program.withBody(units);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u = 0; u < p.body().size(); u++) {
                List<String> lines = p.body().get(u);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (lines.get(i).strip().startsWith(".option")) {
                        continue;
                    }
                    List<String> fewer = new ArrayList<>(lines);
                    fewer.remove(i);
                    List<List<String>> body = new ArrayList<>(p.body());
                    if (fewer.isEmpty()) {
                        body.remove(u);
                    } else {
                        body.set(u, fewer);
                    }
                    GeneratedProgram candidate = p.withBody(body);
                    if (fails(candidate)) {
                        p = candidate;
                        changed = true;
                        break;
                    }
                }
                if (changed) {
                    break;
                }
            }
        }
        return p;
    }

    /** Number of candidates tried so far. */
    public int tests() {
        return tests;
    }

    private List<List<String>> ddmin(GeneratedProgram base, List<List<String>> all) {
        List<List<String>> c = new ArrayList<>(all);
        if (fails(base.withBody(List.of()))) {
            return List.of();
        }
        int n = 2;
        while (c.size() >= 2) {
            List<List<List<String>>> parts = split(c, n);
            boolean reduced = false;
            for (List<List<String>> part : parts) {
                if (fails(base.withBody(part))) {
                    c = part;
                    n = 2;
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                for (int i = 0; i < parts.size() && !reduced; i++) {
                    List<List<String>> complement = new ArrayList<>();
                    for (int j = 0; j < parts.size(); j++) {
                        if (j != i) {
                            complement.addAll(parts.get(j));
                        }
                    }
                    if (fails(base.withBody(complement))) {
                        c = complement;
                        n = Math.max(n - 1, 2);
                        reduced = true;
                    }
                }
            }
            if (!reduced) {
                if (n >= c.size()) {
                    break;
                }
                n = Math.min(2 * n, c.size());
            }
        }
        return c;
    }

    private static <T> List<List<T>> split(List<T> c, int n) {
        List<List<T>> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (c.size() - start) / (n - i);
            parts.add(new ArrayList<>(c.subList(start, end)));
            start = end;
        }
        return parts;
    }

    private boolean fails(GeneratedProgram p) {
        tests++;
        try {
            p.assemble(csrNames);
        } catch (IllegalStateException e) {
            return false;
        }
        try {
            return failing.test(p);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
