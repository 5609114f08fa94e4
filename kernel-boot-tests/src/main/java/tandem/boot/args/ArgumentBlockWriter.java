package tandem.boot.args;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tandem.boot.image.Elf32;
import tandem.golden.TandemException;

/**
 * Writes an argument block the way {@code xous-create-image} lays it out: XArg, MREx, Bflg, IniE…,
 * IniF…, XKrn, PNam, then the payloads, each starting on a page boundary (IniF payloads at the page
 * offset of their first section, as the loader requires).
 *
 * <p>The kernel ELF must have exactly two PT_LOAD segments, text then data (+bss); processes are
 * cut into MiniELF sections from their allocated ELF sections (W from SHF_WRITE, X from
 * SHF_EXECINSTR, NOCOPY for SHT_NOBITS).
 */
public final class ArgumentBlockWriter {

    private static final int PAGE = 4096;

    private record Process(String name, Elf32 elf, String kind) { }

    private final long ramStart;
    private final long ramSize;
    private final String ramName;
    private final List<MemoryRegion> regions = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private int bootFlags = -1;
    private Elf32 kernel;

    /** @param ramName fourcc of main RAM, e.g. "SrEx" */
    public ArgumentBlockWriter(long ramStart, long ramSize, String ramName) {
        this.ramStart = ramStart;
        this.ramSize = ramSize;
        this.ramName = ramName;
    }

    /** Adds an MREx region. */
    public ArgumentBlockWriter region(long start, long length, String name) {
        regions.add(new MemoryRegion(start, length, name));
        return this;
    }

    /** Writes a Bflg tag with these bits. */
    public ArgumentBlockWriter bootFlags(int flags) {
        bootFlags = flags;
        return this;
    }

    /** Sets the kernel. */
    public ArgumentBlockWriter kernel(Elf32 elf) {
        kernel = elf;
        return this;
    }

    /** Adds a process copied to RAM (IniE); PIDs follow IniE order then IniF order. */
    public ArgumentBlockWriter process(String name, Elf32 elf) {
        processes.add(new Process(name, elf, "IniE"));
        return this;
    }

    /** Adds a process run in place from the image (IniF). */
    public ArgumentBlockWriter inPlaceProcess(String name, Elf32 elf) {
        processes.add(new Process(name, elf, "IniF"));
        return this;
    }

    /** Builds the block. */
    public byte[] write() {
        if (kernel == null) {
            throw new TandemException("argument block: no kernel given");
        }
        List<Process> ordered = new ArrayList<>();
        processes.stream().filter(p -> p.kind().equals("IniE")).forEach(ordered::add);
        processes.stream().filter(p -> p.kind().equals("IniF")).forEach(ordered::add);

        List<List<MiniElf.Section>> sections = new ArrayList<>();
        for (Process p : ordered) {
            sections.add(sectionsOf(p.elf()));
        }
        if (kernel.segments().size() != 2) {
            throw new TandemException(kernel.source() + ": kernel needs exactly two PT_LOAD segments (text, data), has "
                    + kernel.segments().size());
        }
        Elf32.Segment text = kernel.segments().get(0);
        Elf32.Segment data = kernel.segments().get(1);

        int tagWords = 2 + 5 + (regions.isEmpty() ? 0 : 2 + 4 * regions.size()) + (bootFlags < 0 ? 0 : 3) + 2 + 7;
        for (List<MiniElf.Section> s : sections) {
            tagWords += 2 + 2 + 2 * s.size();
        }
        int[] names = pnamWords(ordered);
        tagWords += 2 + names.length;

        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        long cursor = align(tagWords * 4L, PAGE);
        List<MiniElf> minis = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Process p = ordered.get(i);
            List<MiniElf.Section> secs = sections.get(i);
            if (p.kind().equals("IniF")) {
                cursor += secs.get(0).vaddr() % PAGE;
            }
            minis.add(new MiniElf(p.kind(), cursor, p.elf().entry(), secs));
            byte[] body = payloadOf(p.elf());
            payload.writeBytes(pad(cursor - (tagWords * 4L + payload.size())));
            payload.writeBytes(body);
            cursor = align(cursor + body.length, PAGE);
        }
        KernelDescription k = new KernelDescription(cursor, text.vaddr(), text.fileSize(), data.vaddr(),
                data.fileSize(), data.memSize() - data.fileSize(), kernel.entry());
        payload.writeBytes(pad(cursor - (tagWords * 4L + payload.size())));
        payload.writeBytes(kernel.fileBytes(text.offset(), text.fileSize()));
        payload.writeBytes(kernel.fileBytes(data.offset(), data.fileSize()));
        payload.writeBytes(pad(align(tagWords * 4L + payload.size(), PAGE) - (tagWords * 4L + payload.size())));

        ByteBuffer out = ByteBuffer.allocate(tagWords * 4 + payload.size()).order(ByteOrder.LITTLE_ENDIAN);
        tag(out, "XArg", new int[] {tagWords, 1, (int) ramStart, (int) ramSize, Tag.fourcc(ramName)});
        if (!regions.isEmpty()) {
            int[] w = new int[4 * regions.size()];
            for (int i = 0; i < regions.size(); i++) {
                MemoryRegion r = regions.get(i);
                w[4 * i] = (int) r.start();
                w[4 * i + 1] = (int) r.length();
                w[4 * i + 2] = Tag.fourcc(r.name());
            }
            tag(out, "MREx", w);
        }
        if (bootFlags >= 0) {
            tag(out, "Bflg", new int[] {bootFlags});
        }
        for (MiniElf m : minis) {
            tag(out, m.kind(), m.words());
        }
        tag(out, "XKrn", k.words());
        tag(out, "PNam", names);
        out.put(payload.toByteArray());
        return out.array();
    }

    private static List<MiniElf.Section> sectionsOf(Elf32 elf) {
        List<MiniElf.Section> out = new ArrayList<>();
        for (Elf32.Section s : elf.sections()) {
            if (s.addr() == 0) {
                continue;
            }
            int flags = ((s.flags() & Elf32.SHF_WRITE) != 0 ? MiniElf.FLAG_WRITE : 0)
                    | ((s.flags() & Elf32.SHF_EXECINSTR) != 0 ? MiniElf.FLAG_EXECUTE : 0)
                    | (s.hasBits() ? 0 : MiniElf.FLAG_NOCOPY)
                    | (s.name().equals(".eh_frame") ? MiniElf.FLAG_EH_FRAME : 0)
                    | (s.name().equals(".eh_frame_hdr") ? MiniElf.FLAG_EH_HEADER : 0);
            out.add(new MiniElf.Section(s.addr(), s.size(), flags));
        }
        if (out.isEmpty()) {
            throw new TandemException(elf.source() + ": no allocated sections");
        }
        return out;
    }

    private static byte[] payloadOf(Elf32 elf) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Elf32.Section s : elf.sections()) {
            if (s.addr() != 0 && s.hasBits()) {
                b.writeBytes(elf.fileBytes(s.offset(), s.size()));
            }
        }
        return b.toByteArray();
    }

    private int[] pnamWords(List<Process> ordered) {
        List<Integer> w = new ArrayList<>();
        addName(w, 1, "kernel");
        for (int i = 0; i < ordered.size(); i++) {
            addName(w, i + 2, ordered.get(i).name());
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addName(List<Integer> w, int pid, String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        w.add(pid);
        w.add(b.length);
        for (int i = 0; i < b.length; i += 4) {
            int word = 0;
            for (int k = 0; k < 4 && i + k < b.length; k++) {
                word |= (b[i + k] & 0xFF) << (8 * k);
            }
            w.add(word);
        }
    }

    private static void tag(ByteBuffer out, String name, int[] data) {
        byte[] raw = new byte[data.length * 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(data);
        out.putInt(Tag.fourcc(name));
        out.putShort((short) Crc16X25.of(raw, 0, raw.length));
        out.putShort((short) data.length);
        out.put(raw);
    }

    private static long align(long v, int a) {
        return (v + a - 1) & -a;
    }

    private static byte[] pad(long n) {
        return new byte[(int) n];
    }
}
