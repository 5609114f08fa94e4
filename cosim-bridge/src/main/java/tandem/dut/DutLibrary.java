package tandem.dut;

import java.nio.file.Path;

/**
 * A Verilated CPU built into a shared library with Tandem's harness, ready for
 * {@link VerilatedDut#open}.
 *
 * @param library  the {@code .so}
 * @param top      the top module
 * @param shape    the bus shape the harness drives
 * @param traced   whether it was built with {@code --trace} (VCD capable, slower)
 * @param buildDir the cache entry holding the library, the generated sources and the build log
 */
public record DutLibrary(Path library, String top, BusShape shape, boolean traced, Path buildDir) {
}
