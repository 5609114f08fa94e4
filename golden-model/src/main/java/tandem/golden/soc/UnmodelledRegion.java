package tandem.golden.soc;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Address space the platform knows about but does not model (LiteX CSR pages such as {@code reboot}
 * or {@code crg}, Baochip-1x subsystems). Loads return a documented default (0 unless the platform
 * says otherwise), stores are ignored, and the first access to each address prints one warning
 * naming the region and the physical address, so a guest depending on a missing device is never
 * silently mis-simulated.
 */
public final class UnmodelledRegion extends MmioDevice {

    private final long base;
    private final int readValue;
    private final Consumer<String> warnings;
    private final Set<Integer> warned = new HashSet<>();

    /**
     * @param base      physical base, used in warnings
     * @param readValue what every load returns
     * @param warnings  where the one-per-address warnings go
     */
    public UnmodelledRegion(String name, long base, int size, int readValue, Consumer<String> warnings) {
        super(name, size);
        this.base = base;
        this.readValue = readValue;
        this.warnings = warnings;
    }

    /** How many distinct addresses have been warned about. */
    public int warnedAddresses() {
        return warned.size();
    }

    @Override
    public int load(int offset, int width) {
        warnOnce(offset, String.format("read returns 0x%x", readValue));
        return narrow(readValue, width);
    }

    @Override
    public void store(int offset, int value, int width) {
        warnOnce(offset, String.format("write of 0x%x ignored", value));
    }

    private void warnOnce(int offset, String what) {
        if (warned.add(offset)) {
            warnings.accept(String.format("unmodelled device %s at 0x%08x: %s (warned once per address)",
                    name(), base + Integer.toUnsignedLong(offset), what));
        }
    }
}
