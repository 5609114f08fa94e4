package tandem.golden.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.trap.Cause;

class Sv32WalkerTest {
    private static final long RAM = 0x8000_0000L;
    private static final long ROOT = RAM + 0x1000;
    private static final long L0 = RAM + 0x2000;
    private static final int SATP = Sv32Walker.SATP_MODE_SV32 | (int) (ROOT >>> 12);
    private static final int ALL = Pte.V | Pte.R | Pte.W | Pte.X | Pte.A | Pte.D;

    private Ram ram;
    private Sv32Walker walker;

    @BeforeEach
    void setUp() {
        Bus bus = new Bus();
        ram = new Ram("ram", 1 << 20, true);
        bus.map(RAM, ram);
        walker = new Sv32Walker(bus);
        // VA 0x4000_0000.. -> L0 table; VA 0x4000_1000 -> page 0x8008_0000.
        poke(ROOT + 4 * 0x100, Pte.of(L0, Pte.V));
    }

    private void poke(long pa, int value) {
        ram.poke((int) (pa - RAM), value, 4);
    }

    private void leaf(int flags) {
        poke(L0 + 4, Pte.of(RAM + 0x8_0000, flags));
    }

    private TranslationFailure failure(int va, Access access, int priv, boolean sum, boolean mxr) {
        Walk w = new Walk();
        walker.translate(SATP, va, access, priv, sum, mxr, w);
        return w.failure;
    }

    @Test
    void translatesAPageAndKeepsTheOffset() {
        leaf(ALL);
        Walk w = new Walk();
        long pa = walker.translate(SATP, 0x4000_1234, Access.LOAD, 1, false, false, w);
        assertEquals(RAM + 0x8_0234, pa);
        assertEquals(0, w.level);
        assertNull(w.failure);
    }

    @Test
    void superpageKeepsVpn0() {
        poke(ROOT + 4 * 0x200, Pte.of(RAM, ALL));
        assertEquals(RAM + 0x12_3456, walker.translate(SATP, 0x8012_3456, Access.FETCH, 1, false, false, null));
    }

    @Test
    void misalignedSuperpageFaults() {
        poke(ROOT + 4 * 0x200, Pte.of(RAM + 0x1000, ALL));
        assertEquals(TranslationFailure.MISALIGNED_SUPERPAGE, failure(0x8000_0000, Access.LOAD, 1, false, false));
    }

    @Test
    void accessedClearFaultsInsteadOfBeingSet() {
        leaf(ALL & ~Pte.A);
        assertEquals(TranslationFailure.ACCESSED_CLEAR, failure(0x4000_1000, Access.LOAD, 1, false, false));
    }

    @Test
    void theBaochipMmuIgnoresAccessedAndDirty() {
        Bus bus = new Bus();
        bus.map(RAM, ram);
        Sv32Walker baochip = new Sv32Walker(bus, false);
        leaf(Pte.V | Pte.R | Pte.W);
        Walk w = new Walk();
        assertEquals(RAM + 0x8_0000, baochip.translate(SATP, 0x4000_1000, Access.STORE, 1, false, false, w));
        assertNull(w.failure);
    }

    @Test
    void storeToCleanPageFaultsButLoadWorks() {
        leaf(ALL & ~Pte.D);
        assertEquals(TranslationFailure.DIRTY_CLEAR, failure(0x4000_1000, Access.STORE, 1, false, false));
        assertNull(failure(0x4000_1000, Access.LOAD, 1, false, false));
    }

    @Test
    void writeWithoutReadIsReserved() {
        leaf(Pte.V | Pte.W | Pte.A | Pte.D);
        assertEquals(TranslationFailure.WRITE_WITHOUT_READ, failure(0x4000_1000, Access.LOAD, 1, false, false));
    }

    @Test
    void userAndSupervisorPagesFollowSum() {
        leaf(ALL);
        assertEquals(TranslationFailure.USER_ACCESS_TO_SUPERVISOR_PAGE, failure(0x4000_1000, Access.LOAD, 0, false, false));
        leaf(ALL | Pte.U);
        assertEquals(TranslationFailure.SUPERVISOR_ACCESS_TO_USER_PAGE, failure(0x4000_1000, Access.LOAD, 1, false, false));
        assertNull(failure(0x4000_1000, Access.LOAD, 1, true, false));
        assertEquals(TranslationFailure.SUPERVISOR_FETCH_FROM_USER_PAGE, failure(0x4000_1000, Access.FETCH, 1, false, false));
        assertNull(failure(0x4000_1000, Access.FETCH, 1, true, false), "VexRiscv: SUM also allows S-mode fetches");
    }

    @Test
    void mxrMakesExecutableReadable() {
        leaf(Pte.V | Pte.X | Pte.A);
        assertEquals(TranslationFailure.NOT_READABLE, failure(0x4000_1000, Access.LOAD, 1, false, false));
        assertNull(failure(0x4000_1000, Access.LOAD, 1, false, true));
    }

    @Test
    void invalidAndMissingLeafFault() {
        assertEquals(TranslationFailure.INVALID, failure(0x4000_2000, Access.LOAD, 1, false, false));
        poke(L0 + 8, Pte.of(RAM, Pte.V));
        assertEquals(TranslationFailure.NO_LEAF, failure(0x4000_2000, Access.LOAD, 1, false, false));
    }

    @Test
    void mprvTranslatesAsMppButChecksUserBitsAsMachine() {
        leaf(ALL);
        Walk w = new Walk();
        long pa = walker.translate(SATP, 0x4000_1000, Access.LOAD, 0, 3, false, false, w);
        assertEquals(RAM + 0x8_0000, pa, "VexRiscv: no U fault for an M-mode MPRV access");
        assertNull(w.failure);
    }

    @Test
    void theFaultRuleMapsToCauses() {
        assertEquals(Cause.INSTRUCTION_PAGE_FAULT, Sv32Walker.cause(TranslationFailure.INVALID, Access.FETCH));
        assertEquals(Cause.LOAD_PAGE_FAULT, Sv32Walker.cause(TranslationFailure.NOT_READABLE, Access.LOAD));
        assertEquals(Cause.STORE_PAGE_FAULT, Sv32Walker.cause(TranslationFailure.DIRTY_CLEAR, Access.STORE));
        assertEquals(Cause.LOAD_ACCESS_FAULT, Sv32Walker.cause(TranslationFailure.PTE_ACCESS_FAULT, Access.LOAD));
    }

    @Test
    void pteOutsideMemoryIsAnAccessFault() {
        int satp = Sv32Walker.SATP_MODE_SV32 | 0x10; // root at 0x10000: nothing there
        Walk w = new Walk();
        walker.translate(satp, 0x1000, Access.STORE, 1, false, false, w);
        assertEquals(TranslationFailure.PTE_ACCESS_FAULT, w.failure);
    }
}
