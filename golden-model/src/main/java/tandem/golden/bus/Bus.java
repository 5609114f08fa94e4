package tandem.golden.bus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The physical address space: devices mapped at base addresses, no overlaps. An access
 * where nothing is mapped, or that runs past a device's end, raises {@link BusError} (the
 * hart's access fault). Addresses are 32-bit, held unsigned in longs.
 */
public final class Bus {

    /** One device at its base address. */
    public record Mapping(long base, BusDevice device) {
        /** One past the last address. */
        public long end() {
            return base + (device.size() & 0xFFFF_FFFFL);
        }

        /** Whether {@code paddr} falls inside. */
        public boolean contains(long paddr) {
            return paddr >= base && paddr < end();
        }
    }

    private final List<Mapping> mappings = new ArrayList<>();
    private Mapping last;

    /** Maps {@code device} at {@code base}; rejects an overlap with a device already mapped. */
    public void map(long base, BusDevice device) {
        Mapping m = new Mapping(base & 0xFFFF_FFFFL, device);
        for (Mapping other : mappings) {
            if (m.base < other.end() && other.base < m.end()) {
                throw new IllegalArgumentException(String.format("%s at 0x%08x overlaps %s at 0x%08x",
                        device.name(), m.base, other.device.name(), other.base));
            }
        }
        mappings.add(m);
        mappings.sort((a, b) -> Long.compare(a.base, b.base));
        last = m;
    }

    /** The mappings in address order. */
    public List<Mapping> mappings() {
        return Collections.unmodifiableList(mappings);
    }

    /** The mapping holding {@code paddr}, or {@code null}. */
    public Mapping find(long paddr) {
        Mapping l = last;
        if (l != null && l.contains(paddr)) {
            return l;
        }
        for (Mapping m : mappings) {
            if (m.contains(paddr)) {
                last = m;
                return m;
            }
        }
        return null;
    }

    /** The RAM or ROM region holding {@code paddr}, or {@code null} if it is a device or unmapped. */
    public Mapping findMemory(long paddr) {
        Mapping m = find(paddr);
        return m != null && m.device instanceof Ram ? m : null;
    }

    /** Reads {@code width} bytes at physical {@code paddr}. */
    public int load(long paddr, int width) {
        Mapping m = checked(paddr, width);
        return m.device.load((int) (paddr - m.base), width);
    }

    /** Writes {@code width} bytes at physical {@code paddr}. */
    public void store(long paddr, int value, int width) {
        Mapping m = checked(paddr, width);
        m.device.store((int) (paddr - m.base), value, width);
    }

    private Mapping checked(long paddr, int width) {
        paddr &= 0xFFFF_FFFFL;
        Mapping m = find(paddr);
        if (m == null) {
            throw new BusError(paddr, String.format("nothing mapped at 0x%08x", paddr));
        }
        if (paddr + width > m.end()) {
            throw new BusError(paddr, String.format("access at 0x%08x runs past the end of %s", paddr, m.device.name()));
        }
        return m;
    }
}
