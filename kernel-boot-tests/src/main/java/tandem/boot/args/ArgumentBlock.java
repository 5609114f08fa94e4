package tandem.boot.args;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tandem.golden.TandemException;

/**
 * A Xous argument block, parsed and checked: the tags the Xous loader reads (XArg, MREx, Bflg,
 * XKrn, IniE, IniF, PNam) and the payload that follows them.
 *
 * <p>Layout: each tag is a header (u32 fourcc, u16 CRC-16/X-25 of the data, u16 data length in
 * words) followed by its data. XArg must come first; its first word is the length of the whole tag
 * area in words. Payload offsets in XKrn/IniE/IniF count from the start of the block (or are
 * physical addresses when the Bflg ABSOLUTE bit is set). Like the loader, a wrong CRC is reported
 * ({@link #badCrcTags()}) but not an error. Every structural problem is a {@link TandemException}
 * naming the source, the tag and its byte offset.
 */
public final class ArgumentBlock {

    /** Bflg bit 0: do not copy IniE sections (they are already in place). */
    public static final int FLAG_NO_COPY = 0x1;
    /** Bflg bit 1: payload offsets are absolute physical addresses. */
    public static final int FLAG_ABSOLUTE = 0x2;
    /** Bflg bit 2: debug boot (the loader sets sstatus.SUM for the kernel). */
    public static final int FLAG_DEBUG = 0x4;

    private static final Set<String> KNOWN = Set.of("XArg", "MREx", "Bflg", "XKrn", "IniE", "IniF", "IniS", "PNam",
            "Swap");
    /** The kernel text window is 512 KiB (0xFFD0_0000..0xFFD8_0000). */
    private static final long KERNEL_TEXT_MAX = 0x8_0000;

    private final String source;
    private final byte[] bytes;
    private final List<Tag> tags;
    private final long ramStart;
    private final long ramSize;
    private final String ramName;
    private final int tagAreaBytes;
    private final List<MemoryRegion> regions = new ArrayList<>();
    private final List<MiniElf> processes = new ArrayList<>();
    private final Map<Integer, String> processNames = new LinkedHashMap<>();
    private int bootFlags;
    private KernelDescription kernel;

    private ArgumentBlock(String source, byte[] bytes, List<Tag> tags) {
        this.source = source;
        this.bytes = bytes;
        this.tags = tags;
        Tag xarg = tags.get(0);
        tagAreaBytes = xarg.data()[0] * 4;
        ramStart = Integer.toUnsignedLong(xarg.data()[2]);
        ramSize = Integer.toUnsignedLong(xarg.data()[3]);
        ramName = Tag.name(xarg.data()[4]);
    }

    /**
     * Parses the block at the start of {@code bytes}.
     *
     * @param source the file name (or description) used in error messages
     * @throws TandemException naming tag and offset for an unknown or truncated tag, XArg not first,
     *     a length running past the block, overlapping sections, a kernel that does not fit
     */
    public static ArgumentBlock parse(byte[] bytes, String source) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8 + 20) {
            throw new TandemException(source + ": offset 0x0: too short for an XArg tag (" + bytes.length + " bytes)");
        }
        String first = Tag.name(buf.getInt(0));
        if (!first.equals("XArg")) {
            throw new TandemException(source + ": offset 0x0: first tag is '" + first + "', expected 'XArg'");
        }
        int areaWords = buf.getInt(8);
        long area = Integer.toUnsignedLong(areaWords) * 4;
        if (area > bytes.length || area < 28) {
            throw new TandemException(String.format("%s: tag 'XArg' at offset 0x0: tag area of %d words (%d bytes) "
                    + "runs past the %d-byte block", source, areaWords, area, bytes.length));
        }
        List<Tag> tags = new ArrayList<>();
        int off = 0;
        while (off < area) {
            if (off + 8 > area) {
                throw new TandemException(String.format("%s: offset 0x%x: truncated tag header (%d bytes left "
                        + "in the tag area)", source, off, area - off));
            }
            String name = Tag.name(buf.getInt(off));
            int crc = buf.getShort(off + 4) & 0xFFFF;
            int words = buf.getShort(off + 6) & 0xFFFF;
            if (!KNOWN.contains(name)) {
                throw new TandemException(String.format("%s: offset 0x%x: unknown tag '%s' (%08x)", source, off, name,
                        buf.getInt(off)));
            }
            if (name.equals("XArg") && off != 0) {
                throw new TandemException(String.format("%s: tag 'XArg' at offset 0x%x: XArg must be the first tag "
                        + "only", source, off));
            }
            if (off + 8 + words * 4L > area) {
                throw new TandemException(String.format("%s: tag '%s' at offset 0x%x: size %d words runs past the "
                        + "tag area (ends at 0x%x)", source, name, off, words, area));
            }
            int[] data = new int[words];
            for (int i = 0; i < words; i++) {
                data[i] = buf.getInt(off + 8 + 4 * i);
            }
            tags.add(new Tag(name, off, crc, data));
            off += 8 + words * 4;
        }
        if (tags.get(0).data().length < 5) {
            throw new TandemException(source + ": tag 'XArg' at offset 0x0: " + tags.get(0).data().length
                    + " words, expected 5");
        }
        ArgumentBlock block = new ArgumentBlock(source, bytes, Collections.unmodifiableList(tags));
        block.interpret();
        return block;
    }

    private void interpret() {
        int pid = 2;
        for (Tag t : tags) {
            switch (t.name()) {
                case "MREx":
                    requireMultiple(t, 4);
                    for (int i = 0; i < t.data().length; i += 4) {
                        regions.add(new MemoryRegion(Integer.toUnsignedLong(t.data()[i]),
                                Integer.toUnsignedLong(t.data()[i + 1]), Tag.name(t.data()[i + 2])));
                    }
                    break;
                case "Bflg":
                    requireWords(t, 1);
                    bootFlags = t.data()[0];
                    break;
                case "XKrn":
                    requireWords(t, 7);
                    if (kernel != null) {
                        throw error(t, "a second kernel (XKrn) tag");
                    }
                    kernel = kernelFrom(t);
                    break;
                case "IniE":
                case "IniF":
                    processes.add(miniElfFrom(t, pid++));
                    break;
                case "PNam":
                    namesFrom(t);
                    break;
                default:
                    break;
            }
        }
        if (kernel == null) {
            throw new TandemException(source + ": no XKrn (kernel) tag");
        }
    }

    private KernelDescription kernelFrom(Tag t) {
        int[] d = t.data();
        KernelDescription k = new KernelDescription(u(d[0]), u(d[1]), u(d[2]), u(d[3]), u(d[4]), u(d[5]), u(d[6]));
        if (k.textSize() > KERNEL_TEXT_MAX) {
            throw error(t, String.format("kernel text of %d bytes does not fit the 512 KiB window at 0x%08x",
                    k.textSize(), k.textVaddr()));
        }
        if (k.textVaddr() + k.textSize() > k.dataVaddr() && k.dataVaddr() + k.dataSize() + k.bssSize() > k.textVaddr()
                && k.dataSize() + k.bssSize() > 0) {
            throw error(t, String.format("kernel text 0x%08x+0x%x overlaps data 0x%08x+0x%x", k.textVaddr(),
                    k.textSize(), k.dataVaddr(), k.dataSize() + k.bssSize()));
        }
        if (k.dataVaddr() + k.dataSize() + k.bssSize() > 0xFFF7_0000L) {
            throw error(t, String.format("kernel data+bss 0x%08x+0x%x runs into the kernel stack below 0xfff80000",
                    k.dataVaddr(), k.dataSize() + k.bssSize()));
        }
        checkPayload(t, k.loadOffset(), k.textSize() + k.dataSize());
        return k;
    }

    private MiniElf miniElfFrom(Tag t, int pid) {
        int[] d = t.data();
        if (d.length < 2 || (d.length & 1) != 0) {
            throw error(t, d.length + " words; a MiniELF tag has 2 + 2 per section");
        }
        List<MiniElf.Section> sections = new ArrayList<>();
        long previousEnd = 0;
        for (int i = 2; i < d.length; i += 2) {
            MiniElf.Section s = new MiniElf.Section(u(d[i]), d[i + 1] & 0xFF_FFFF, d[i + 1] >>> 24);
            if (s.vaddr() < previousEnd) {
                throw error(t, String.format("PID %d section %d at 0x%08x overlaps the previous section ending at "
                        + "0x%08x", pid, sections.size(), s.vaddr(), previousEnd));
            }
            if (s.vaddr() + s.size() > 0xFF00_0000L) {
                throw error(t, String.format("PID %d section %d at 0x%08x+0x%x reaches the kernel area", pid,
                        sections.size(), s.vaddr(), s.size()));
            }
            previousEnd = s.vaddr() + s.size();
            sections.add(s);
        }
        MiniElf m = new MiniElf(t.name(), u(d[0]), u(d[1]), List.copyOf(sections));
        checkPayload(t, m.loadOffset(), m.payloadSize());
        return m;
    }

    private void namesFrom(Tag t) {
        int[] d = t.data();
        int i = 0;
        while (i < d.length) {
            if (i + 2 > d.length) {
                throw error(t, "truncated entry at word " + i);
            }
            int pid = d[i];
            int len = d[i + 1];
            int words = (len + 3) / 4;
            if (len < 0 || i + 2 + words > d.length) {
                throw error(t, String.format("name of PID %d (%d bytes) runs past the tag", pid, len));
            }
            byte[] name = new byte[len];
            for (int k = 0; k < len; k++) {
                name[k] = (byte) (d[i + 2 + k / 4] >>> (8 * (k % 4)));
            }
            processNames.put(pid, new String(name, StandardCharsets.UTF_8));
            i += 2 + words;
        }
    }

    private void checkPayload(Tag t, long loadOffset, long size) {
        if ((bootFlags & FLAG_ABSOLUTE) != 0) {
            return;
        }
        if (loadOffset < tagAreaBytes || loadOffset + size > bytes.length) {
            throw error(t, String.format("payload 0x%x+0x%x lies outside the block's payload area 0x%x..0x%x",
                    loadOffset, size, tagAreaBytes, bytes.length));
        }
    }

    private void requireWords(Tag t, int n) {
        if (t.data().length != n) {
            throw error(t, t.data().length + " words, expected " + n);
        }
    }

    private void requireMultiple(Tag t, int n) {
        if (t.data().length % n != 0) {
            throw error(t, t.data().length + " words, expected a multiple of " + n);
        }
    }

    private TandemException error(Tag t, String what) {
        return new TandemException(String.format("%s: tag '%s' at offset 0x%x: %s", source, t.name(), t.offset(), what));
    }

    private static long u(int w) {
        return Integer.toUnsignedLong(w);
    }

    /** Where the block came from, as used in messages. */
    public String source() {
        return source;
    }

    /** The whole block, tags and payload. */
    public byte[] bytes() {
        return bytes;
    }

    /** The tags in block order, XArg first. */
    public List<Tag> tags() {
        return tags;
    }

    /** Tags whose header CRC does not match their data (reported, never fatal). */
    public List<Tag> badCrcTags() {
        List<Tag> bad = new ArrayList<>();
        for (Tag t : tags) {
            if (!t.crcValid()) {
                bad.add(t);
            }
        }
        return bad;
    }

    /** Physical base of main RAM (XArg word 2). */
    public long ramStart() {
        return ramStart;
    }

    /** Bytes of main RAM (XArg word 3). */
    public long ramSize() {
        return ramSize;
    }

    /** Main RAM's fourcc name (XArg word 4). */
    public String ramName() {
        return ramName;
    }

    /** Bytes of the tag area (XArg word 0 times 4). */
    public int tagAreaBytes() {
        return tagAreaBytes;
    }

    /** The MREx regions. */
    public List<MemoryRegion> regions() {
        return Collections.unmodifiableList(regions);
    }

    /** Bflg bits, 0 without a Bflg tag. */
    public int bootFlags() {
        return bootFlags;
    }

    /** The kernel. */
    public KernelDescription kernel() {
        return kernel;
    }

    /** Initial processes in PID order: index 0 is PID 2. */
    public List<MiniElf> processes() {
        return Collections.unmodifiableList(processes);
    }

    /** PNam names by PID (PID 1 is the kernel). */
    public Map<Integer, String> processNames() {
        return Collections.unmodifiableMap(processNames);
    }

    /** The process name for {@code pid} from PNam, or "PID n". */
    public String processName(int pid) {
        return processNames.getOrDefault(pid, "PID " + pid);
    }

    /** A listing in the kernel's "Kernel arguments:" format, one tag per line. */
    public String describe() {
        StringBuilder s = new StringBuilder("Kernel arguments:\n");
        for (Tag t : tags) {
            s.append("    ").append(t).append(t.crcValid() ? "" : "  [CRC mismatch: stored "
                    + String.format("%04x, computed %04x", t.storedCrc(), t.computedCrc()) + "]").append('\n');
        }
        return s.toString();
    }
}
