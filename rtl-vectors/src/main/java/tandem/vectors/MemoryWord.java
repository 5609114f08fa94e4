package tandem.vectors;

/**
 * A memory cell in a vector: {@code width} bytes at a physical address. Written
 * {@code 0x80001000=0xdeadbeef} (a word) or {@code 0x80001000:1=0x7f} (width in bytes).
 *
 * @param address physical address (unsigned)
 * @param width   1, 2 or 4
 * @param value   the value, in the low {@code width} bytes
 */
public record MemoryWord(long address, int width, int value) {

    /** The cell as a vector writes it. */
    @Override
    public String toString() {
        return String.format("0x%08x%s=0x%x", address, width == 4 ? "" : ":" + width,
                value & (width == 4 ? 0xFFFF_FFFFL : (1L << (8 * width)) - 1));
    }
}
