package tandem.features.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tandem.golden.TandemException;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Pte;
import tandem.golden.mmu.Sv32Walker;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.mmu.Walk;

/** The page tables specs describe as data are laid out as documented and walk as written. */
class PageTableTest {
    private final Bus bus = new Bus();

    PageTableTest() {
        bus.map(0x8000_0000L, new Ram("ram", 0x100_0000, true));
    }

    private Walk walk(PageTable t, long va, Access access, int priv) {
        Walk w = new Walk();
        new Sv32Walker(bus).translate(t.satp(0), (int) va, access, priv, false, false, w);
        return w;
    }

    @Test
    void levelZeroTablesFollowTheRootInFirstUseOrder() {
        PageTable t = new PageTable(0x8010_0000L);
        t.add(new PageTable.Mapping(0x0040_1000, 0x8020_0000L, Pte.V | Pte.R | Pte.U | Pte.A, false));
        t.add(new PageTable.Mapping(0x0000_2000, 0x8021_0000L, Pte.V | Pte.R | Pte.W | Pte.U | Pte.A | Pte.D, false));
        t.writeTo(bus);
        assertEquals(3, t.pages());
        assertEquals(Pte.of(0x8010_1000L, Pte.V), bus.load(0x8010_0000L + 4, 4), "VPN1 1 -> first level-0 table");
        assertEquals(Pte.of(0x8010_2000L, Pte.V), bus.load(0x8010_0000L, 4), "VPN1 0 -> second level-0 table");
        Walk w = walk(t, 0x0000_2abc, Access.STORE, 0);
        assertTrue(w.ok());
        assertEquals(0x8021_0abcL, w.physical);
        assertEquals(0x8010_2008L, w.pteAddress[0]);
    }

    @Test
    void megapageKeepsAMisalignedPhysicalAddressSoTheWalkFaults() {
        PageTable t = new PageTable(0x8010_0000L);
        t.add(new PageTable.Mapping(0x0080_0000, 0x8041_0000L, Pte.V | Pte.R | Pte.U | Pte.A, true));
        t.writeTo(bus);
        assertEquals(1, t.pages());
        assertEquals(TranslationFailure.MISALIGNED_SUPERPAGE, walk(t, 0x0080_1234, Access.LOAD, 0).failure);
    }

    @Test
    void flagsParseAllLettersAndTheLentBit() {
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.X | Pte.U | Pte.G | Pte.A | Pte.D | Pte.RSW0,
                PageTable.parseFlags("V R W X U G A D S"));
        assertEquals(Pte.V | Pte.R, PageTable.parseFlags("VR------"));
        TandemException e = assertThrows(TandemException.class, () -> PageTable.parseFlags("VRQ"));
        assertTrue(e.getMessage().contains("bad PTE flag 'Q'"), e.getMessage());
    }

    @Test
    void overlappingAndUnalignedRowsAreUserErrors() {
        PageTable t = new PageTable(0x8010_0000L);
        t.add(new PageTable.Mapping(0x0040_0000, 0x8040_0000L, Pte.V | Pte.R, true));
        TandemException twice = assertThrows(TandemException.class,
                () -> t.add(new PageTable.Mapping(0x0040_3000, 0x8020_0000L, Pte.V | Pte.R, false)));
        assertEquals("virtual address 0x00403000 is mapped twice", twice.getMessage());
        TandemException unaligned = assertThrows(TandemException.class,
                () -> t.add(new PageTable.Mapping(0x0000_1800, 0x8020_0000L, Pte.V | Pte.R, false)));
        assertEquals("virtual address 0x00001800 is not aligned to its 4K page", unaligned.getMessage());
        assertThrows(TandemException.class, () -> new PageTable(0x8010_0800L));
    }
}
