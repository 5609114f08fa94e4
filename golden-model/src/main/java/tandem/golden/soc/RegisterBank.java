package tandem.golden.soc;

import java.util.HashMap;
import java.util.Map;

/**
 * Plain read/write registers with no behaviour, for the CSRs a boot path only writes or polls:
 * the GPIO block's UARTSEL (+0x14), the memlcd's BUSY (+0x4, reads 0), the WFI block. Every word
 * reads back what was last written, or its reset value (0 unless the platform gives one).
 */
public final class RegisterBank extends MmioDevice {

    private final Map<Integer, Integer> words = new HashMap<>();

    /** @param resetValues word offset → reset value; other words reset to 0 */
    public RegisterBank(String name, int size, Map<Integer, Integer> resetValues) {
        super(name, size);
        words.putAll(resetValues);
    }

    @Override
    public int load(int offset, int width) {
        int word = words.getOrDefault(offset & ~3, 0);
        int shifted = word >>> ((offset & 3) * 8);
        return narrow(shifted, width);
    }

    @Override
    public void store(int offset, int value, int width) {
        int aligned = offset & ~3;
        int shift = (offset & 3) * 8;
        int mask = width == 4 ? -1 : ((1 << (width * 8)) - 1) << shift;
        int old = words.getOrDefault(aligned, 0);
        words.put(aligned, (old & ~mask) | ((value << shift) & mask));
    }
}
