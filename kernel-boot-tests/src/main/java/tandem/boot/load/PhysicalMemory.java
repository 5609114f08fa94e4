package tandem.boot.load;

/** Physical memory as a loader writes it, before the hart runs (no translation, no devices). */
public interface PhysicalMemory {

    /** Copies {@code len} bytes of {@code src} from {@code off} to physical {@code paddr}. */
    void write(long paddr, byte[] src, int off, int len);

    /** Reads the little-endian word at {@code paddr}. */
    int readWord(long paddr);

    /** Writes the little-endian word at {@code paddr}. */
    void writeWord(long paddr, int value);

    /** Reads one byte at {@code paddr}. */
    default int readByte(long paddr) {
        return (readWord(paddr & ~3L) >>> (8 * (int) (paddr & 3))) & 0xFF;
    }

    /** Writes one byte at {@code paddr}. */
    default void writeByte(long paddr, int value) {
        long a = paddr & ~3L;
        int shift = 8 * (int) (paddr & 3);
        writeWord(a, (readWord(a) & ~(0xFF << shift)) | (value & 0xFF) << shift);
    }
}
