package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hit counts per {@link CoverageDimension}: for each dimension a sorted map from item name
 * (a mnemonic, a CSR name, a cause name) to the number of times it was seen. Mutable, so a
 * collector can count into it and a report can merge several runs.
 */
public final class Coverage {

    private final Map<CoverageDimension, TreeMap<String, Long>> hits = new EnumMap<>(CoverageDimension.class);

    /** An empty coverage. */
    public Coverage() {
        for (CoverageDimension d : CoverageDimension.values()) {
            hits.put(d, new TreeMap<>());
        }
    }

    /** Adds {@code n} hits of {@code item} along {@code dimension}. */
    public void add(CoverageDimension dimension, String item, long n) {
        hits.get(dimension).merge(item, n, Long::sum);
    }

    /** Adds every count of {@code other} to this one. */
    public void addAll(Coverage other) {
        for (CoverageDimension d : CoverageDimension.values()) {
            other.hits.get(d).forEach((item, n) -> add(d, item, n));
        }
    }

    /** Items seen along {@code dimension}, sorted by name, with their counts. */
    public Map<String, Long> hits(CoverageDimension dimension) {
        return Collections.unmodifiableMap(hits.get(dimension));
    }

    /** Hits of one item, 0 when never seen. */
    public long count(CoverageDimension dimension, String item) {
        return hits.get(dimension).getOrDefault(item, 0L);
    }

    /** True when nothing was counted. */
    @JsonIgnore
    public boolean isEmpty() {
        return hits.values().stream().allMatch(Map::isEmpty);
    }

    @JsonAnyGetter
    Map<String, Map<String, Long>> json() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (CoverageDimension d : CoverageDimension.values()) {
            if (!hits.get(d).isEmpty()) {
                out.put(d.key(), hits.get(d));
            }
        }
        return out;
    }

    @JsonAnySetter
    void json(String key, Map<String, Long> items) {
        for (CoverageDimension d : CoverageDimension.values()) {
            if (d.key().equals(key)) {
                items.forEach((item, n) -> add(d, item, n));
                return;
            }
        }
        throw new IllegalArgumentException("unknown coverage dimension " + key);
    }
}
