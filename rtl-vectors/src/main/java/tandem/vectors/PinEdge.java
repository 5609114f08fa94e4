package tandem.vectors;

/**
 * An expected BIO pin edge: pin {@code pin} goes to {@code level} at {@code cycle}. Written
 * {@code 120:3:1} (cycle:pin:level).
 *
 * @param cycle BIO cycle of the edge
 * @param pin   GPIO number 0..31
 * @param level the new level, 0 or 1
 */
public record PinEdge(long cycle, int pin, int level) {

    @Override
    public String toString() {
        return cycle + ":" + pin + ":" + level;
    }
}
