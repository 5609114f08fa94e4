package tandem.golden.isa;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** RV32A, by directed programs in {@code tandem/golden/isa/}. */
class Rv32ATest {

    @Test
    void everyAmoReturnsTheOldWordAndStoresTheResult() {
        assertPasses("tandem/golden/isa/rv32a_amo.S");
    }

    @Test
    void storeConditionalSucceedsOnlyWhileTheReservationIsHeld() {
        assertPasses("tandem/golden/isa/rv32a_lrsc.S");
    }
}
