package tandem.golden.mmu;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** Sv32 page faults as VexRiscv raises them, by directed programs in {@code tandem/golden/mmu/}. */
class Sv32FaultTest {

    @Test
    void invalidReservedAndMisalignedEntriesFault() {
        assertPasses("tandem/golden/mmu/sv32_invalid_pte.S");
    }

    @Test
    void storeToReadOnlyPageFetchWithoutXAndLoadWithoutMxrFault() {
        assertPasses("tandem/golden/mmu/sv32_permissions.S");
    }

    @Test
    void userBitRulesWithSumAndMprv() {
        assertPasses("tandem/golden/mmu/sv32_user_pages.S");
    }

    @Test
    void accessedOrDirtyBitClearFaultsBecauseVexRiscvNeverSetsThem() {
        assertPasses("tandem/golden/mmu/sv32_accessed_dirty.S");
    }

    @Test
    void vexRiscvQuirks() {
        assertPasses("tandem/golden/mmu/sv32_vexriscv_quirks.S");
    }
}
