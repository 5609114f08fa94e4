package tandem.golden.bus;

/**
 * An access the bus cannot complete: no device at the address, or a device refusing it.
 * The hart turns it into an access fault; tools report it with the physical address.
 * Built without a stack trace because guests may provoke it often.
 */
public final class BusError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long address;

    /** @param address the physical address (unsigned, in a long) of the failed access */
    public BusError(long address, String why) {
        super(why, null, false, false);
        this.address = address;
    }

    /** The physical address of the failed access, unsigned. */
    public long address() {
        return address;
    }
}
