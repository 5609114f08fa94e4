package tandem.report.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The full set of items each {@link CoverageDimension} can have: every mnemonic of the ISA,
 * every CSR, every cause. A report measures {@link Coverage} against it and lists what was
 * never hit.
 */
public final class CoverageUniverse {

    private final Map<CoverageDimension, List<String>> items = new EnumMap<>(CoverageDimension.class);

    /** A universe with the given items per dimension; absent dimensions are empty. */
    public CoverageUniverse(Map<CoverageDimension, List<String>> items) {
        for (CoverageDimension d : CoverageDimension.values()) {
            this.items.put(d, List.copyOf(items.getOrDefault(d, List.of())));
        }
    }

    /** All items of {@code dimension}, in the order reports list them. */
    public List<String> items(CoverageDimension dimension) {
        return items.get(dimension);
    }

    /** Number of items of {@code dimension} that {@code coverage} hit at least once. */
    public long covered(CoverageDimension dimension, Coverage coverage) {
        return items.get(dimension).stream().filter(i -> coverage.count(dimension, i) > 0).count();
    }

    /** Items of {@code dimension} never hit. */
    public List<String> missing(CoverageDimension dimension, Coverage coverage) {
        return items.get(dimension).stream().filter(i -> coverage.count(dimension, i) == 0).toList();
    }
}
