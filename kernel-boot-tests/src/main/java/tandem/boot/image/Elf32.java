package tandem.boot.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tandem.golden.TandemException;

/**
 * The parts of a little-endian 32-bit RISC-V ELF executable an image builder needs: allocated
 * sections, loadable segments and the symbol table. Bytes can be patched in place (a scenario
 * table in a process's data) before the image is written.
 */
public final class Elf32 {

    /** SHT_NOBITS: occupies memory, no file bytes (.bss). */
    public static final int SHT_NOBITS = 8;
    /** SHF_WRITE. */
    public static final int SHF_WRITE = 0x1;
    /** SHF_ALLOC. */
    public static final int SHF_ALLOC = 0x2;
    /** SHF_EXECINSTR. */
    public static final int SHF_EXECINSTR = 0x4;

    /**
     * An allocated section.
     *
     * @param name section name
     * @param type sh_type
     * @param flags sh_flags
     * @param addr virtual address
     * @param offset file offset
     * @param size bytes in memory
     */
    public record Section(String name, int type, int flags, long addr, int offset, int size) {
        /** Whether the section has file bytes. */
        public boolean hasBits() {
            return type != SHT_NOBITS;
        }
    }

    /**
     * A PT_LOAD segment.
     *
     * @param vaddr virtual address
     * @param offset file offset
     * @param fileSize bytes in the file
     * @param memSize bytes in memory
     * @param flags p_flags (X=1, W=2, R=4)
     */
    public record Segment(long vaddr, int offset, int fileSize, int memSize, int flags) { }

    private final String source;
    private final byte[] bytes;
    private final long entry;
    private final List<Section> sections = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private final Map<String, Long> symbols = new HashMap<>();

    private Elf32(String source, byte[] bytes) {
        this.source = source;
        this.bytes = bytes;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 52 || b.getInt(0) != 0x464C457F || bytes[4] != 1 || bytes[5] != 1) {
            throw new TandemException(source + ": not a little-endian 32-bit ELF file");
        }
        if ((b.getShort(18) & 0xFFFF) != 243) {
            throw new TandemException(source + ": ELF machine " + (b.getShort(18) & 0xFFFF) + " is not RISC-V (243)");
        }
        entry = Integer.toUnsignedLong(b.getInt(24));
        int phoff = b.getInt(28);
        int shoff = b.getInt(32);
        int phnum = b.getShort(44) & 0xFFFF;
        int shnum = b.getShort(48) & 0xFFFF;
        int shstrndx = b.getShort(50) & 0xFFFF;
        try {
            for (int i = 0; i < phnum; i++) {
                int p = phoff + 32 * i;
                if (b.getInt(p) == 1) {
                    segments.add(new Segment(Integer.toUnsignedLong(b.getInt(p + 8)), b.getInt(p + 4),
                            b.getInt(p + 16), b.getInt(p + 20), b.getInt(p + 24)));
                }
            }
            int strtabOff = b.getInt(shoff + 40 * shstrndx + 16);
            int symtab = -1;
            for (int i = 0; i < shnum; i++) {
                int s = shoff + 40 * i;
                String name = cString(strtabOff + b.getInt(s));
                int type = b.getInt(s + 4);
                int flags = b.getInt(s + 8);
                if (type == 2) {
                    symtab = s;
                }
                if ((flags & SHF_ALLOC) != 0 && b.getInt(s + 20) > 0) {
                    sections.add(new Section(name, type, flags, Integer.toUnsignedLong(b.getInt(s + 12)),
                            b.getInt(s + 16), b.getInt(s + 20)));
                }
            }
            if (symtab >= 0) {
                int off = b.getInt(symtab + 16);
                int size = b.getInt(symtab + 20);
                int strOff = b.getInt(shoff + 40 * b.getInt(symtab + 24) + 16);
                for (int p = off; p < off + size; p += 16) {
                    String name = cString(strOff + b.getInt(p));
                    if (!name.isEmpty()) {
                        symbols.put(name, Integer.toUnsignedLong(b.getInt(p + 4)));
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new TandemException(source + ": truncated or corrupt ELF headers", e);
        }
        sections.sort((x, y) -> Long.compare(x.addr(), y.addr()));
    }

    /** Reads and parses an ELF file. */
    public static Elf32 read(Path file) {
        try {
            return new Elf32(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses ELF bytes; {@code source} names them in messages. */
    public static Elf32 parse(byte[] bytes, String source) {
        return new Elf32(source, bytes.clone());
    }

    private String cString(int off) {
        int end = off;
        while (bytes[end] != 0) {
            end++;
        }
        return new String(bytes, off, end - off, StandardCharsets.US_ASCII);
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** The entry point. */
    public long entry() {
        return entry;
    }

    /** Allocated, non-empty sections in address order. */
    public List<Section> sections() {
        return sections;
    }

    /** PT_LOAD segments in file order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The address of a symbol. */
    public long symbol(String name) {
        Long v = symbols.get(name);
        if (v == null) {
            throw new TandemException(source + ": no symbol '" + name + "'");
        }
        return v;
    }

    /** Whether the symbol table has {@code name}. */
    public boolean hasSymbol(String name) {
        return symbols.containsKey(name);
    }

    /** {@code len} file bytes at {@code offset}. */
    public byte[] fileBytes(int offset, int len) {
        byte[] out = new byte[len];
        System.arraycopy(bytes, offset, out, 0, len);
        return out;
    }

    /** Overwrites initialised bytes at virtual address {@code vaddr} (must lie in a section with file bytes). */
    public void patch(long vaddr, byte[] data) {
        for (Section s : sections) {
            if (s.hasBits() && vaddr >= s.addr() && vaddr + data.length <= s.addr() + s.size()) {
                System.arraycopy(data, 0, bytes, (int) (s.offset() + vaddr - s.addr()), data.length);
                return;
            }
        }
        throw new TandemException(String.format("%s: 0x%08x+%d is not in an initialised section", source, vaddr,
                data.length));
    }
}
