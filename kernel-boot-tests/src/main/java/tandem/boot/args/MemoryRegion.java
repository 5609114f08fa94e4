package tandem.boot.args;

/**
 * One MREx entry: an extra physical region processes may map (CSR space, flash, framebuffer).
 *
 * @param start physical base
 * @param length bytes
 * @param name fourcc such as {@code "CSRs"} or {@code "SpFl"}
 */
public record MemoryRegion(long start, long length, String name) {

    /** Whether {@code paddr} lies in this region. */
    public boolean contains(long paddr) {
        return paddr >= start && paddr < start + length;
    }
}
