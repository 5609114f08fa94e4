package tandem.golden.soc;

import tandem.golden.bus.BusDevice;

/**
 * What every SoC device model shares: the platform's name for it and the size of its register
 * window. Subclasses give the registers.
 */
abstract class MmioDevice implements BusDevice {
    private final String name;
    private final int size;

    MmioDevice(String name, int size) {
        this.name = name;
        this.size = size;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int size() {
        return size;
    }

    /** The low {@code width} bytes of {@code value}, as a narrow load returns them. */
    static int narrow(int value, int width) {
        return width == 4 ? value : value & ((1 << (width * 8)) - 1);
    }
}
