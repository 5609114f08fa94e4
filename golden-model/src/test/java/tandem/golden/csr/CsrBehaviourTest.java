package tandem.golden.csr;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** CSR behaviour the Xous loader and kernel rely on, by directed programs in {@code tandem/golden/csr/}. */
class CsrBehaviourTest {

    @Test
    void sstatusIsTheSupervisorViewOfMstatus() {
        assertPasses("tandem/golden/csr/mstatus_views.S");
    }

    @Test
    void csrInstructionsReturnTheOldValueAndHonourX0Operands() {
        assertPasses("tandem/golden/csr/csr_instructions.S");
    }

    @Test
    void missingReadOnlyAndPrivilegedCsrsRaiseIllegalInstructionWithTheInstructionInMtval() {
        assertPasses("tandem/golden/csr/illegal_csr.S");
    }

    @Test
    void mieMipAndTheirSupervisorViews() {
        assertPasses("tandem/golden/csr/mie_mip.S");
    }

    @Test
    void trapVectorsInDirectAndVectoredMode() {
        assertPasses("tandem/golden/csr/xtvec_modes.S");
    }

    @Test
    void countersCountAndTheirHighHalvesCarry() {
        assertPasses("tandem/golden/csr/counters.S");
    }

    @Test
    void misaAndIdentificationCsrs() {
        assertPasses("tandem/golden/csr/ids_misa.S");
    }

    @Test
    void satpFieldsReadBackAndSupervisorCanWriteIt() {
        assertPasses("tandem/golden/csr/satp.S");
    }
}
