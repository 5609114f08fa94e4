package tandem.golden.isa;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** RV32C, by directed programs in {@code tandem/golden/isa/} (page straddling under Sv32: mmu). */
class CompressedTest {

    @Test
    void everyRv32CompressedFormAndTheReservedEncodings() {
        assertPasses("tandem/golden/isa/rvc.S");
    }

    @Test
    void instructionsStraddlingWordAndPhysicalPageBoundaries() {
        assertPasses("tandem/golden/isa/rvc_straddle.S");
    }
}
