package tandem.features.mmu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tandem.golden.TandemException;
import tandem.golden.bus.Bus;
import tandem.golden.bus.BusError;
import tandem.golden.mmu.Pte;
import tandem.golden.mmu.Sv32Walker;

/**
 * An Sv32 page table a spec describes as data: the root page at a physical address, and its
 * level-0 tables in the pages right after it, one per 4 MiB region the mappings touch, in the
 * order the regions first appear. Writes its PTEs into physical memory; remembers the
 * mappings so a program can be placed at the physical page behind a virtual address.
 */
public final class PageTable {
    private static final long PAGE = 0x1000;
    private static final long MEGAPAGE = 0x40_0000;

    /**
     * One row of the spec's table.
     *
     * @param va virtual address (page- or megapage-aligned)
     * @param pa physical address the leaf points at
     * @param flags PTE bits 0..9
     * @param megapage a 4 MiB level-1 leaf rather than a 4 KiB level-0 leaf
     */
    public record Mapping(long va, long pa, int flags, boolean megapage) {
        /** Bytes covered. */
        public long size() {
            return megapage ? MEGAPAGE : PAGE;
        }

        /** Whether {@code address} falls in this mapping. */
        public boolean covers(long address) {
            return address >= va && address < va + size();
        }
    }

    private final long root;
    private final List<Mapping> mappings = new ArrayList<>();
    private final Map<Long, Long> level0Tables = new LinkedHashMap<>();

    /** An empty table whose root page is at physical {@code root}. */
    public PageTable(long root) {
        if ((root & (PAGE - 1)) != 0) {
            throw new TandemException(String.format("page table root 0x%08x is not page-aligned", root));
        }
        this.root = root;
    }

    /** The root page's physical address. */
    public long root() {
        return root;
    }

    /** satp selecting this table (MODE = Sv32) with {@code asid}. */
    public int satp(int asid) {
        return Sv32Walker.SATP_MODE_SV32 | (asid & 0x1FF) << 22 | (int) (root >>> 12);
    }

    /** The mappings in the order they were added. */
    public List<Mapping> mappings() {
        return List.copyOf(mappings);
    }

    /** The mapping covering {@code va}, or {@code null}. */
    public Mapping find(long va) {
        for (Mapping m : mappings) {
            if (m.covers(va)) {
                return m;
            }
        }
        return null;
    }

    /** Adds a mapping; an unaligned VA or an overlap with an earlier row is a user error. */
    public void add(Mapping m) {
        if ((m.va() & (m.size() - 1)) != 0) {
            throw new TandemException(String.format("virtual address 0x%08x is not aligned to its %s page",
                    m.va(), m.megapage() ? "4M" : "4K"));
        }
        for (Mapping o : mappings) {
            if (m.va() < o.va() + o.size() && o.va() < m.va() + m.size()) {
                throw new TandemException(String.format("virtual address 0x%08x is mapped twice", m.va()));
            }
        }
        mappings.add(m);
        if (!m.megapage()) {
            level0Tables.computeIfAbsent(m.va() >>> 22, vpn1 -> root + PAGE * (level0Tables.size() + 1));
        }
    }

    /** Physical pages the table occupies (root first, then its level-0 tables). */
    public int pages() {
        return 1 + level0Tables.size();
    }

    /** Writes the whole table (zeroed pages, then every PTE) into physical memory on {@code bus}. */
    public void writeTo(Bus bus) {
        try {
            for (int p = 0; p < pages(); p++) {
                for (long a = root + p * PAGE; a < root + (p + 1) * PAGE; a += 4) {
                    bus.store(a, 0, 4);
                }
            }
            for (Map.Entry<Long, Long> t : level0Tables.entrySet()) {
                bus.store(root + t.getKey() * 4, Pte.of(t.getValue(), Pte.V), 4);
            }
            for (Mapping m : mappings) {
                long vpn1 = m.va() >>> 22;
                if (m.megapage()) {
                    bus.store(root + vpn1 * 4, pte(m), 4);
                } else {
                    long vpn0 = (m.va() >>> 12) & 0x3FF;
                    bus.store(level0Tables.get(vpn1) + vpn0 * 4, pte(m), 4);
                }
            }
        } catch (BusError e) {
            throw new TandemException(String.format("page table at 0x%08x (%d pages) is not in memory: %s",
                    root, pages(), e.getMessage()));
        }
    }

    private static int pte(Mapping m) {
        // The PA keeps its low bits in PPN[0] for a megapage, which is how a spec builds a misaligned superpage.
        return (int) (((m.pa() >>> 12) << 10) | (m.flags() & 0x3FF));
    }

    /** Parses flag letters {@code V R W X U G A D} and {@code S} (Xous's lent bit, RSW bit 8); spaces and dashes ignored. */
    public static int parseFlags(String text) {
        int f = 0;
        for (char c : text.toCharArray()) {
            switch (c) {
                case 'V': f |= Pte.V; break;
                case 'R': f |= Pte.R; break;
                case 'W': f |= Pte.W; break;
                case 'X': f |= Pte.X; break;
                case 'U': f |= Pte.U; break;
                case 'G': f |= Pte.G; break;
                case 'A': f |= Pte.A; break;
                case 'D': f |= Pte.D; break;
                case 'S': f |= Pte.RSW0; break;
                case ' ': case '-': case '|': break;
                default:
                    throw new TandemException("bad PTE flag '" + c + "' in '" + text + "' (use V R W X U G A D, and S for lent)");
            }
        }
        return f;
    }
}
