package tandem.golden.isa;

import static tandem.golden.testing.DirectedTest.assertPasses;

import org.junit.jupiter.api.Test;

/** FENCE, FENCE.I and VexRiscv's 0x0000500F, by directed program {@code tandem/golden/isa/fence.S}. */
class FenceTest {

    @Test
    void fenceIMakesStoresToCodeVisibleAndVexFlushIsANoOp() {
        assertPasses("tandem/golden/isa/fence.S");
    }
}
