package tandem.golden.bus;

/**
 * A memory-mapped device or memory region on the physical bus.
 *
 * <p>Offsets are local to the device (0 .. {@link #size()} - 1); widths are 1, 2 or 4 bytes and
 * accesses are naturally aligned by the time they reach a device. Loads return the value
 * zero-extended to 32 bits. A device that rejects an access throws {@link BusError}.
 */
public interface BusDevice {

    /** Bytes of address space the device occupies. */
    int size();

    /** Reads {@code width} bytes at {@code offset}, zero-extended. */
    int load(int offset, int width);

    /** Writes the low {@code width} bytes of {@code value} at {@code offset}. */
    void store(int offset, int value, int width);

    /** A short name for messages and platform listings, e.g. {@code "uart0"}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
