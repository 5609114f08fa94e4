package tandem.golden.trap;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** Trap entry, return and delegation, by directed programs in {@code tandem/golden/trap/}. */
class TrapTest {

    @Test
    void ecallAndEbreakFromEachModeAndMretRestoresState() {
        assertPasses("tandem/golden/trap/ecall_ebreak_mret.S");
    }

    @Test
    void sretReturnsThroughSppAndXretsArePrivileged() {
        assertPasses("tandem/golden/trap/sret.S");
    }

    @Test
    void delegatedTrapsAndInterruptsGoToSupervisorAndMachineTrapsNeverDo() {
        assertPasses("tandem/golden/trap/delegation.S");
    }
}
