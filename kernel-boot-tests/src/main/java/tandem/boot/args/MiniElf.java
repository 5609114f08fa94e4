package tandem.boot.args;

import java.util.List;

/**
 * An IniE or IniF tag: one initial user process as a list of sections. IniE sections are copied to
 * RAM; IniF sections are mapped in place from the image (unless writable, then copied).
 *
 * @param kind "IniE" or "IniF"
 * @param loadOffset byte offset of the payload from the start of the block
 * @param entry entry point
 * @param sections in increasing address order; NOCOPY sections take no payload bytes
 */
public record MiniElf(String kind, long loadOffset, long entry, List<Section> sections) {

    /** Section flag: writable (copied to RAM even for IniF). */
    public static final int FLAG_WRITE = 0x01;
    /** Section flag: no payload, zero-filled (bss). */
    public static final int FLAG_NOCOPY = 0x02;
    /** Section flag: executable. */
    public static final int FLAG_EXECUTE = 0x04;
    /** Section flag: the eh_frame section (its address is passed in a0). */
    public static final int FLAG_EH_FRAME = 0x08;
    /** Section flag: the eh_frame_hdr section. */
    public static final int FLAG_EH_HEADER = 0x10;

    /**
     * One MiniELF section.
     *
     * @param vaddr virtual address
     * @param size bytes (24 bits)
     * @param flags the MiniELF flag bits
     */
    public record Section(long vaddr, int size, int flags) {

        /** The word stored in the tag: size in bits 23..0, flags in 31..24. */
        public int packed() {
            return (size & 0xFF_FFFF) | flags << 24;
        }

        /** Whether this section carries payload bytes. */
        public boolean hasPayload() {
            return (flags & FLAG_NOCOPY) == 0;
        }
    }

    /** The tag's data words. */
    public int[] words() {
        int[] w = new int[2 + 2 * sections.size()];
        w[0] = (int) loadOffset;
        w[1] = (int) entry;
        for (int i = 0; i < sections.size(); i++) {
            w[2 + 2 * i] = (int) sections.get(i).vaddr();
            w[3 + 2 * i] = sections.get(i).packed();
        }
        return w;
    }

    /** Payload bytes the sections take in the image. */
    public long payloadSize() {
        long n = 0;
        for (Section s : sections) {
            if (s.hasPayload()) {
                n += s.size();
            }
        }
        return n;
    }
}
