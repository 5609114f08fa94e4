package tandem.features.lockstep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import tandem.boot.XousBoot;
import tandem.features.machine.SpecMachine;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;

/**
 * Runs a machine-level scenario's program a second time, in lockstep: the RTL and a fresh
 * golden machine start from the same memory image (harness, page tables, programs, data),
 * every retire is compared, and the harness's trap handler ends the run through the test
 * finisher. A divergence fails the scenario and its report is attached to it.
 */
public final class LockstepRun {
    /** System property naming where per-scenario lockstep reports go. */
    public static final String REPORT_DIR = "tandem.spec.reports";
    private static final long MAX_CYCLES = 5_000_000;
    private static final long KERNEL_MAX_CYCLES = 100_000_000;
    private final SpecMachine world;
    private Scenario scenario;

    /** Lockstep for the scenario's machine. */
    public LockstepRun(SpecMachine world) {
        this.world = world;
    }

    /** Remembers the scenario, to attach a divergence report to it. */
    @Before
    public void remember(Scenario s) {
        scenario = s;
    }

    private void replayOnGolden() {
        Machine fresh = Machine.create(Platform.named(world.platformName()), Profile.VEXRISCV);
        fresh.setWarnings(w -> { });
        program(world).loadInto(fresh);
        StopReason stop = fresh.run(SpecMachine.DEFAULT_BUDGET * 10);
        if (!stop.passed()) {
            throw new AssertionError("the scenario's memory image does not run from reset to the harness's finisher on a "
                    + "fresh machine, so it cannot run in lockstep: " + stop.describe());
        }
    }

    /** The program both sides run: the scenario's initial memory, started at the harness prelude. */
    static LockstepSession.Program program(SpecMachine world) {
        return machine -> {
            List<LockstepSession.Segment> out = new ArrayList<>();
            for (SpecMachine.MemoryImage m : world.initialImage()) {
                machine.poke(m.address(), m.data(), "spec memory image");
                out.add(new LockstepSession.Segment(m.address(), m.data(), m.data().length));
            }
            machine.hart().setPc((int) world.startPc());
            return out;
        };
    }

    /**
     * In lockstep mode, boots the Xous-ABI test kernel image again, from reset through
     * {@link KernelLockstep}'s stub, with the RTL and a fresh golden machine in lockstep up to
     * the kernel's halt. Does nothing otherwise (the golden run already checked the boot).
     */
    public void checkKernel(String platform, byte[] argumentBlock) {
        if (!LockstepMode.on()) {
            return;
        }
        String name = scenario == null ? "scenario" : scenario.getName();
        KernelLockstep k = new KernelLockstep(XousBoot.direct(platform, argumentBlock, "xabi test kernel"));
        k.machine().setWarnings(w -> { });
        LockstepSession session = new LockstepSession(LockstepMode.library(), null,
                LockstepMode.top() + " vs golden vexriscv: xabi test kernel on " + platform + ": " + name);
        LockstepResult r = session.run(k.machine(), k.program(),
                LockstepOptions.defaults(KernelLockstep.reportDir(name)).withMaxCycles(KERNEL_MAX_CYCLES), null);
        finish(r, name);
    }

    /**
     * Runs the lockstep pass when lockstep mode is on. Without an RTL it still replays the
     * image into a fresh golden machine and checks that it runs from reset to the harness's
     * finisher, so every scenario stays runnable in lockstep.
     */
    public void check() {
        if (!LockstepMode.on()) {
            replayOnGolden();
            return;
        }
        String name = scenario == null ? "scenario" : scenario.getName();
        Path out = KernelLockstep.reportDir(name);
        Machine fresh = Machine.create(Platform.named(world.platformName()), Profile.VEXRISCV);
        fresh.setWarnings(w -> { });
        LockstepSession session = new LockstepSession(LockstepMode.library(), null,
                LockstepMode.top() + " vs golden vexriscv: " + name);
        LockstepResult r = session.run(fresh, program(world), LockstepOptions.defaults(out).withMaxCycles(MAX_CYCLES), null);
        finish(r, name);
    }

    private void finish(LockstepResult r, String name) {
        if (r.outcome() != LockstepResult.Outcome.PASS) {
            if (r.report() != null && scenario != null) {
                try {
                    scenario.attach(Files.readString(r.report()), "text/plain", "lockstep report");
                } catch (IOException e) {
                    scenario.log("lockstep report " + r.report() + " could not be read: " + e.getMessage());
                }
            }
            throw new AssertionError("lockstep with " + LockstepMode.top() + ": " + r.outcome() + ": " + r.detail()
                    + (r.report() != null ? " (report " + r.report() + ")" : ""));
        }
        if (scenario != null) {
            scenario.log(String.format("lockstep with %s: %,d retires matched", LockstepMode.top(), r.retires()));
        }
    }
}
