package tandem.lockstep;

/**
 * A data access the RTL made to a device outside RAM, as seen on its bus. Handed to
 * {@link LockstepChecker#notifyDataAccess} so the golden model reads the same device values.
 *
 * @param address physical byte address
 * @param size    bytes (1, 2, 4)
 * @param write   whether it was a store
 * @param value   data read (zero-extended) or written (low {@code size} bytes)
 */
public record DataAccess(int address, int size, boolean write, int value) {

    @Override
    public String toString() {
        return String.format("%s %08x/%d %s %08x", write ? "store" : "load", address, size, write ? "<-" : "->", value);
    }
}
