package tandem.golden.trap;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** Interrupts from the CLINT, mip and the IRQ array, by directed programs in {@code tandem/golden/trap/}. */
class InterruptTest {

    @Test
    void pendingInterruptsAreTakenInPriorityOrder() {
        assertPasses("tandem/golden/trap/interrupt_priority.S", m -> m.hart().irqArray().setLine(5, true));
    }

    @Test
    void timerInterruptIsGatedByMieMstatusAndPrivilege() {
        assertPasses("tandem/golden/trap/interrupt_enable.S");
    }
}
