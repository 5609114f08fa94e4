package tandem.golden.bus;

/** A device with its own notion of time, advanced by the platform as the hart runs. */
public interface Ticking {

    /** Advances the device by {@code cycles} cycles of the CPU clock. */
    void tick(long cycles);
}
