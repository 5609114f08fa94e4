package tandem.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.dut.DutLibrary;
import tandem.dut.VerilatorBuild;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;

/** {@code tandem lockstep}: runs a program on Verilated RTL and the golden model in lockstep. */
@Command(name = "lockstep", mixinStandardHelpOptions = true,
        description = {"Run an ELF on a Verilated CPU and on the golden model, retire by retire.",
            "The first divergence stops the run and writes a report: text and JSON, the last retires of both sides,",
            "both register files, and a VCD window of the RTL.",
            "Without --rtl the CPU is SpinalHDL's RiscvCore (RV32IM), generated from the registry jar.",
            "Exit status: 0 the program passed in lockstep, 1 divergence or failure, 2 bad input."})
public final class LockstepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RtlOptions rtl;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROG.elf", description = "The program to run.")
    private Path elf;

    @Option(names = "--platform", defaultValue = "virt", description = "SoC platform of the golden model and devices (${DEFAULT-VALUE}).")
    private String platform;

    @Option(names = "--profile", description = "Golden CPU profile (default: rv32im for the built-in RiscvCore, else vexriscv).")
    private String profile;

    @Option(names = "--max-cycles", defaultValue = "200000000", description = "RTL cycle budget (${DEFAULT-VALUE}).")
    private long maxCycles;

    @Option(names = "--stall-cycles", defaultValue = "100000", description = "Cycles without a retire that count as a stall (${DEFAULT-VALUE}).")
    private long stallCycles;

    @Option(names = "--out", defaultValue = "tandem-out/lockstep", description = "Directory for the report, VCD and progress file (${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--no-vcd", description = "Do not build the traced model or capture a VCD on divergence.")
    private boolean noVcd;

    @Option(names = "--inject-flip", paramLabel = "RETIRE:BIT",
            description = "Fault injection to prove the checker: flip BIT of the register write of retire number RETIRE.")
    private String injectFlip;

    @Mixin
    private OutputOptions output;

    @Option(names = "--x-check", paramLabel = "SEED,SEED", split = ",", arity = "0..1", fallbackValue = "1,2",
            description = {"Look for X-propagation: build the RTL with X values left to run time (--x-assign unique"
                    + " --x-initial unique) and run it with two X seeds side by side (default 1,2); the first retire"
                    + " where they differ is reported as X-propagation (exit 1)."})
    private int[] xCheck;

    @Override
    public Integer call() {
        Path program = rtl.takeProgram(elf);
        PrintStream log = output.log();
        DutLibrary library = rtl.library(xCheck != null ? VerilatorBuild.Variant.X_CHECK : VerilatorBuild.Variant.FAST, log);
        Profile cpu = Profile.named(profile != null ? profile : rtl.builtIn() ? "rv32im" : "vexriscv");
        LockstepOptions options = LockstepOptions.defaults(out).withTiming(rtl.waitStates(), rtl.backpressure(), rtl.seed())
                .withMaxCycles(maxCycles).withStallCycles(stallCycles);
        if (injectFlip != null) {
            String[] p = injectFlip.split(":");
            try {
                options = options.withFlip(Long.parseLong(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0);
            } catch (NumberFormatException e) {
                throw new tandem.golden.TandemException("--inject-flip expects RETIRE:BIT, e.g. 1000:3, not '" + injectFlip + "'");
            }
        }
        LockstepSession session = new LockstepSession(library, noVcd ? null : rtl.tracedLibrary(log),
                rtl.describe() + "; golden " + cpu.name() + " on " + platform + "; program " + program);
        Machine machine = Machine.create(Platform.named(platform), cpu);
        LockstepResult r;
        try (ProgressDisplay bar = output.progress("lockstep", maxCycles, " M cycles", 1_000_000)) {
            LockstepSession.Progress progress = (retires, cycles, rate, divergences) -> {
                bar.stepTo(cycles);
                bar.extra(String.format("%,d retires matched", retires));
            };
            r = xCheck != null
                    ? session.runXCheck(machine, LockstepSession.elf(program), options, xCheck, progress)
                    : session.run(machine, LockstepSession.elf(program), options, progress);
        }
        Summary summary = LockstepSummary.of(r);
        summary.figure("program", program.toString()).figure("rtl", rtl.describe());
        return summary.print(output, spec.commandLine(), r.exitCode());
    }
}
