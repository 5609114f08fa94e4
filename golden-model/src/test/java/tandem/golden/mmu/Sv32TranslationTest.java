package tandem.golden.mmu;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** Sv32 translation that succeeds, by directed programs in {@code tandem/golden/mmu/}. */
class Sv32TranslationTest {

    @Test
    void translatesPagesSuperpagesAndMprvAccesses() {
        assertPasses("tandem/golden/mmu/sv32_translation.S");
    }

    @Test
    void pteRewritesSatpWritesAndSfenceVmaTakeEffect() {
        assertPasses("tandem/golden/mmu/sv32_remap.S");
    }

    @Test
    void instructionStraddlingTwoVirtualPagesRunsAndFaultsOnTheMissingHalf() {
        assertPasses("tandem/golden/mmu/sv32_straddle.S");
    }
}
