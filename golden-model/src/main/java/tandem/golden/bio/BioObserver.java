package tandem.golden.bio;

/**
 * Watches the BIO cycle by cycle, for waveforms and pin logs. Registered with
 * {@link Bio#setObserver}; while one is set the block calls it after every clock, including the
 * quiet ones it would otherwise run in one step.
 */
@FunctionalInterface
public interface BioObserver {

    /**
     * Called after every BIO clock edge, once all registers hold their new values. {@link Bio#cycle()}
     * is the number of edges so far, so the values read now are the ones the RTL shows after
     * edge {@code bio.cycle()}.
     */
    void cycle(Bio bio);
}
