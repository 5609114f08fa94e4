package tandem.golden.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.function.Consumer;
import tandem.golden.platform.Machine;

/**
 * The assertion behind every directed test: build the program (see {@code tandem_test.h}), run
 * it on the golden model, and fail with the program's own FAIL line, source file and line when
 * a check did not hold.
 */
public final class DirectedTest {

    private DirectedTest() {
    }

    /** Asserts that directed program {@code resource} passes on the golden model. */
    public static void assertPasses(String resource) {
        assertPasses(resource, m -> { });
    }

    /** Like {@link #assertPasses(String)} with {@code setup} applied to the machine first. */
    public static void assertPasses(String resource, Consumer<Machine> setup) {
        Path elf = GuestToolchain.get().assembleTest(resource);
        GuestResult r = GoldenRunner.run(elf, GoldenRunner.DIRECTED_BUDGET, setup);
        if (r.passed() && r.lastLine().equals("PASS")) {
            return;
        }
        String where = r.exitCode() > 0 && r.exitCode() < 0xFFFE
                ? resource.substring(resource.lastIndexOf('/') + 1) + ":" + r.exitCode() + ": "
                : resource + ": ";
        fail(where + r.lastLine() + " (" + r.how() + ")");
    }
}
