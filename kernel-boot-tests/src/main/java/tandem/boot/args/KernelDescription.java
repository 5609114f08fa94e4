package tandem.boot.args;

/**
 * The XKrn tag: where the kernel's payload sits and where it runs. The payload at
 * {@code loadOffset} is the text ({@code textSize} bytes) followed by the initialised data.
 *
 * @param loadOffset byte offset of the payload from the start of the block (absolute with ABSOLUTE)
 * @param textVaddr virtual address of the text, normally 0xFFD0_0000
 * @param textSize bytes of text
 * @param dataVaddr virtual address of the data, normally 0xFFD8_0000
 * @param dataSize bytes of initialised data
 * @param bssSize bytes of zeroed data after it
 * @param entry the kernel's entry point
 */
public record KernelDescription(long loadOffset, long textVaddr, long textSize, long dataVaddr, long dataSize,
                                long bssSize, long entry) {

    /** The seven words of the XKrn tag. */
    public int[] words() {
        return new int[] {(int) loadOffset, (int) textVaddr, (int) textSize, (int) dataVaddr, (int) dataSize,
            (int) bssSize, (int) entry};
    }
}
