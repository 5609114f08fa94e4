package tandem.golden.testing;

import java.nio.file.Path;
import java.util.function.Consumer;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;

/**
 * Runs a guest ELF on the golden model's {@code virt} platform with the VexRiscv profile and
 * reports it the way {@link QemuRunner} does, so tests can compare the two.
 */
public final class GoldenRunner {

    /** Instruction budget for directed programs; they need far less. */
    public static final long DIRECTED_BUDGET = 20_000_000L;

    private GoldenRunner() {
    }

    /** Runs {@code elf} with {@code setup} applied to the machine after loading. */
    public static GuestResult run(Path elf, long budget, Consumer<Machine> setup) {
        Machine m = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        m.loadElf(elf);
        setup.accept(m);
        StopReason stop = m.run(budget);
        int code = stop.kind() == StopReason.Kind.FINISHER ? stop.exitCode() : -1;
        return new GuestResult(code, m.console().text(), stop.describe());
    }

    /** Runs {@code elf} as loaded. */
    public static GuestResult run(Path elf, long budget) {
        return run(elf, budget, m -> { });
    }
}
