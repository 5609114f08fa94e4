package tandem.golden.bio;

/**
 * A chain of learned spans compiled to one method by {@link SpanTraceCompiler}. Running it has
 * exactly the effect of {@link BioCore#runAhead} replaying the same spans one by one: it starts
 * at {@code nodes[0]} and leaves through {@link BioCore#traceExit} at the first span whose
 * outcome, data variant, guards, address or room before the limit is not the compiled one.
 */
abstract class SpanTrace extends FetchedCode {

    /** The nodes the trace passes ({@code nodes[i]} starts span i; the last is where it ends). */
    SpanNode[] nodes;
    /** The spans it replays. */
    SpanEdge[] edges;

    /**
     * Replays from {@code nodes[0]} while the clocks fit in {@code room}; {@code clock} is the
     * core's clock counter (x31) at the start. Returns the spans replayed.
     */
    abstract int run(BioCore core, int room, int clock);

    @Override
    boolean fetchesMatch(int[] ram) {
        for (SpanEdge e : edges) {
            if (!e.fetchesMatch(ram)) {
                return false;
            }
        }
        return true;
    }
}
