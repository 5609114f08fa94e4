package tandem.golden.hart;

/**
 * Where the hart sends data accesses that do not hit RAM (device registers). By default the
 * bus; lockstep replaces it to replay the RTL's device reads into the golden model.
 */
public interface MmioPort {

    /** Reads {@code width} bytes of a device at physical {@code paddr}; a {@code BusError} is an access fault. */
    int load(long paddr, int width);

    /** Writes {@code width} bytes of a device at physical {@code paddr}. */
    void store(long paddr, int value, int width);
}
