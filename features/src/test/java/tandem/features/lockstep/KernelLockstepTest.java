package tandem.features.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tandem.boot.XousBoot;
import tandem.boot.xabi.XabiImage;
import tandem.boot.xabi.XabiScenario;
import tandem.golden.hart.Hart;
import tandem.golden.platform.StopReason;

/**
 * The test kernel started from reset through the stub (what the RTL runs in lockstep) boots
 * the same way as the Java loader's direct S-mode entry: it runs to its halt line with every
 * check passing.
 */
class KernelLockstepTest {

    @ParameterizedTest
    @ValueSource(strings = {"precursor", "baochip-1x"})
    void kernelStartedFromTheStubRunsToItsHalt(String platform) {
        XabiScenario scenario = new XabiScenario().borrow(0x21, 1).blockingScalar(2).victim(1).alive();
        XousBoot boot = XousBoot.direct(platform, XabiImage.build(platform, scenario).argumentBlock(), "xabi");
        KernelLockstep k = new KernelLockstep(boot);
        assertEquals(Hart.M, k.machine().hart().privilege());
        assertEquals(k.stub(), k.machine().hart().pc() & 0xFFFF_FFFFL);
        assertFalse(k.program().loadInto(k.machine()).isEmpty());
        StopReason stop = k.machine().run(20_000_000);
        assertTrue(stop.passed(), stop.describe());
        String console = k.machine().console().text();
        assertTrue(console.contains("CHECK ipc.borrow.returned PASS"), console);
        assertFalse(console.contains(" FAIL"), console);
    }
}
