package tandem.golden.csr;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** VexRiscv's external interrupt array CSRs 0xBC0/0xFC0/0x9C0/0xDC0, by {@code tandem/golden/csr/irq_array.S}. */
class IrqArrayCsrTest {

    @Test
    void pendingIsMaskAndLinesAndRaisesMachineAndSupervisorExternalInterrupts() {
        assertPasses("tandem/golden/csr/irq_array.S", m -> {
            m.hart().irqArray().setLine(5, true);
            m.hart().irqArray().setLine(7, true);
        });
    }
}
