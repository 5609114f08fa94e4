package tandem.golden.platform;

/**
 * A {@code ram} or {@code rom} line of a platform description: plain memory.
 *
 * @param name region name, e.g. {@code sram}
 * @param base physical base address
 * @param size bytes
 * @param writable false for ROM and memory-mapped flash
 */
public record Region(String name, long base, int size, boolean writable) {
}
