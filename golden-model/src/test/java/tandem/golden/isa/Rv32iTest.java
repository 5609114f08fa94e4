package tandem.golden.isa;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** RV32I base instructions, by directed programs in {@code tandem/golden/isa/}. */
class Rv32iTest {

    @Test
    void arithmeticLogicShiftsAndCompares() {
        assertPasses("tandem/golden/isa/rv32i_alu.S");
    }

    @Test
    void branchesJumpsAndLinks() {
        assertPasses("tandem/golden/isa/rv32i_branches.S");
    }

    @Test
    void loadsExtendAndStoresWriteEachWidth() {
        assertPasses("tandem/golden/isa/rv32i_loads_stores.S");
    }

    @Test
    void misalignedDataAccessesTrapWithTheAddressInMtval() {
        assertPasses("tandem/golden/isa/misaligned.S");
    }
}
