package tandem.golden.bio;

import java.util.HashMap;
import java.util.Map;

/**
 * The spans learned so far, shared by the four cores (a span's timing does not depend on which core
 * runs it): nodes interned by their key, each holding its learned {@link SpanEdge}s, and counters
 * for tests and benchmarks.
 */
final class SpanTable {

    /** Nodes kept before the table starts afresh, bounding memory for programs that never repeat. */
    private static final int MAX_NODES = 1 << 16;

    /** Replays one by one from a node before its chain of spans is compiled. */
    static final int TRACE_AFTER = 2000;

    private final Map<SpanNode.Key, SpanNode> nodes = new HashMap<>();
    private final SpanTraceCompiler traces = new SpanTraceCompiler();
    private long learned;
    private long replayed;
    private long mismatches;
    private long traced;

    /** RAM word indices some learned span fetches; the cores share this array. */
    private final boolean[] fetchedWords = new boolean[BioCore.RAM_WORDS];

    boolean[] fetchedWords() {
        return fetchedWords;
    }

    void markFetched(int[] indices) {
        for (int i : indices) {
            fetchedWords[i] = true;
        }
    }

    /** The node {@code core} sits at, one object per distinct key. */
    SpanNode intern(BioCore core) {
        return intern(core.nodeKey());
    }

    /** The node for {@code key}, made on first use. */
    SpanNode intern(SpanNode.Key key) {
        SpanNode known = nodes.get(key);
        if (known != null) {
            return known;
        }
        if (nodes.size() >= MAX_NODES) {
            nodes.clear();
        }
        SpanNode node = new SpanNode(key);
        nodes.put(key, node);
        return node;
    }

    /** The compiled chain of spans from hot node {@code n}, or null. */
    SpanTrace compileTrace(SpanNode n) {
        return traces.compile(n);
    }

    /** Spans replayed by compiled traces (they count as replayed too). */
    void countTraced(int spans) {
        traced += spans;
    }

    long traced() {
        return traced;
    }

    void countLearned() {
        learned++;
    }

    void countReplayed(int spans) {
        replayed += spans;
    }

    /** A learned span whose written-back value the replay's semantics would get wrong (a model bug). */
    void countMismatch() {
        mismatches++;
    }

    long learned() {
        return learned;
    }

    long replayed() {
        return replayed;
    }

    long mismatches() {
        return mismatches;
    }
}
