package tandem.golden.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tandem.golden.TandemException;

/**
 * Reads 32-bit little-endian RISC-V ELF executables. Every malformed input becomes a
 * {@link TandemException} naming the file and what is wrong at which offset.
 */
public final class ElfReader {
    private static final int EM_RISCV = 243;
    private static final int PT_LOAD = 1;
    private static final int SHT_SYMTAB = 2;

    private final Path file;
    private final ByteBuffer buf;

    private ElfReader(Path file, byte[] bytes) {
        this.file = file;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads and checks {@code file}. */
    public static ElfImage read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TandemException(file + ": no such file");
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage());
        }
        return new ElfReader(file, bytes).parse();
    }

    private ElfImage parse() {
        if (buf.capacity() >= 4 && buf.getInt(0) != 0x464C457F) {
            throw error("not an ELF file (no \\x7fELF magic at offset 0)");
        }
        need(0, 16, "ELF identification");
        if (buf.get(4) != 1) {
            throw error("64-bit ELF (EI_CLASS " + buf.get(4) + "); Tandem models RV32 and needs ELFCLASS32");
        }
        if (buf.get(5) != 1) {
            throw error("big-endian ELF (EI_DATA " + buf.get(5) + "); RISC-V is little-endian");
        }
        need(0, 52, "ELF header");
        int machine = buf.getShort(18) & 0xFFFF;
        if (machine != EM_RISCV) {
            throw error("ELF machine " + machine + " is not RISC-V (243)");
        }
        int entry = buf.getInt(24);
        long phoff = u32(28);
        long shoff = u32(32);
        int phentsize = buf.getShort(42) & 0xFFFF;
        int phnum = buf.getShort(44) & 0xFFFF;
        int shentsize = buf.getShort(46) & 0xFFFF;
        int shnum = buf.getShort(48) & 0xFFFF;
        if (phnum == 0) {
            throw error("no program headers: nothing to load");
        }
        List<ElfImage.Segment> segments = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            need(at, 32, "program header " + i);
            int p = (int) at;
            if (buf.getInt(p) != PT_LOAD) {
                continue;
            }
            long offset = u32(p + 4);
            long paddr = u32(p + 12);
            long filesz = u32(p + 16);
            long memsz = u32(p + 20);
            int flags = buf.getInt(p + 24);
            if (memsz == 0) {
                continue;
            }
            if (filesz > memsz) {
                throw error(String.format("segment %d at offset 0x%x: p_filesz 0x%x exceeds p_memsz 0x%x", i, p, filesz, memsz));
            }
            need(offset, filesz, "segment " + i + " data");
            byte[] data = Arrays.copyOfRange(buf.array(), (int) offset, (int) (offset + filesz));
            segments.add(new ElfImage.Segment(i, paddr, data, memsz, flags));
        }
        if (segments.isEmpty()) {
            throw error("no PT_LOAD segment with content");
        }
        return new ElfImage(file, entry, List.copyOf(segments), symbols(shoff, shentsize, shnum));
    }

    private Map<String, Integer> symbols(long shoff, int shentsize, int shnum) {
        Map<String, Integer> symbols = new HashMap<>();
        if (shoff == 0 || shnum == 0) {
            return symbols;
        }
        for (int i = 0; i < shnum; i++) {
            long at = shoff + (long) i * shentsize;
            need(at, 40, "section header " + i);
            int s = (int) at;
            if (buf.getInt(s + 4) != SHT_SYMTAB) {
                continue;
            }
            long symoff = u32(s + 16);
            long symsize = u32(s + 20);
            int link = buf.getInt(s + 24);
            long strAt = shoff + (long) link * shentsize;
            need(strAt, 40, "string table section header " + link);
            long stroff = u32((int) strAt + 16);
            long strsize = u32((int) strAt + 20);
            need(symoff, symsize, "symbol table");
            need(stroff, strsize, "string table");
            for (long e = symoff; e + 16 <= symoff + symsize; e += 16) {
                int nameOff = buf.getInt((int) e);
                int value = buf.getInt((int) e + 4);
                if (nameOff > 0 && nameOff < strsize) {
                    symbols.putIfAbsent(cString((int) (stroff + nameOff), (int) (stroff + strsize)), value);
                }
            }
        }
        return symbols;
    }

    private String cString(int from, int limit) {
        int end = from;
        while (end < limit && buf.get(end) != 0) {
            end++;
        }
        return new String(buf.array(), from, end - from, StandardCharsets.UTF_8);
    }

    private long u32(int offset) {
        return buf.getInt(offset) & 0xFFFF_FFFFL;
    }

    private void need(long offset, long length, String what) {
        if (offset < 0 || offset + length > buf.capacity()) {
            throw error(String.format("truncated: %s needs bytes 0x%x..0x%x but the file has 0x%x",
                    what, offset, offset + length, buf.capacity()));
        }
    }

    private TandemException error(String what) {
        return new TandemException(file + ": " + what);
    }
}
