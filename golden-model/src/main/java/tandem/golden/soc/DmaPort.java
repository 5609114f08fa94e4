package tandem.golden.soc;

/** A device's bus-master read port, for DMA engines such as the Baochip-1x UDMA. */
@FunctionalInterface
public interface DmaPort {

    /** Reads one byte at physical address {@code paddr} (unsigned, in a long). */
    int loadByte(long paddr);
}
