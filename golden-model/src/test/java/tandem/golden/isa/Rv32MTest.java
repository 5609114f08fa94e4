package tandem.golden.isa;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** RV32M, by directed program {@code tandem/golden/isa/rv32m.S}. */
class Rv32MTest {

    @Test
    void productsQuotientsAndTheDivideByZeroAndOverflowResults() {
        assertPasses("tandem/golden/isa/rv32m.S");
    }
}
