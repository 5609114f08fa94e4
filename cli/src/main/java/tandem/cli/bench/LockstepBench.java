package tandem.cli.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.cli.OutputOptions;
import tandem.cli.Summary;
import tandem.cli.Tandem;
import tandem.dut.DutLibrary;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.BenchProgram;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;

/**
 * {@code tandem bench lockstep}: the same Verilated library run alone (golden model off) and in
 * lockstep on a load/store/ALU/MUL loop, printed as cycles per second and their ratio
 * (target ≥ 0.9). Each configuration runs {@code --repeat} times; the best of each is used,
 * which filters out noise from other processes on a shared machine.
 *
 * <p>Two ratios: per wall-clock second (the target: lockstep checks on a second thread, so a
 * free second core hides the golden model) and per CPU second of the whole process, all
 * threads counted (what lockstep costs in total, and a figure other load on the machine
 * cannot move much).
 */
@Command(name = "lockstep", mixinStandardHelpOptions = true,
        description = {"Measure lockstep throughput against the RTL alone (same .so, golden model off).",
            "Prints both in cycles/s and the ratio lockstep/alone (target >= 0.90)."})
public final class LockstepBench implements Callable<Integer> {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Spec
    private CommandSpec spec;

    @Mixin
    private OutputOptions output;

    @Mixin
    private tandem.cli.RtlOptions rtl;

    @Option(names = "--iterations", defaultValue = "400000", description = "Loop iterations of the workload (${DEFAULT-VALUE}; 9 instructions each).")
    private int iterations;

    @Option(names = "--repeat", defaultValue = "5", description = "Runs of each configuration; the best counts (${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--profile", description = "Golden CPU profile (default: rv32im for the built-in RiscvCore, else vexriscv).")
    private String profile;

    @Option(names = "--platform", defaultValue = "virt", description = "Platform (${DEFAULT-VALUE}).")
    private String platform;

    @Override
    public Integer call() {
        PrintWriter out = output.human() ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter());
        PrintStream log = output.log();
        DutLibrary library = rtl.library(false, log);
        Profile cpu = Profile.named(profile != null ? profile : rtl.builtIn() ? "rv32im" : "vexriscv");
        Platform p = Platform.named(platform);
        long ramBase = p.regions().get(0).base();
        LockstepOptions options = LockstepOptions.defaults(Path.of("tandem-out", "bench-lockstep"))
                .withTiming(rtl.waitStates(), rtl.backpressure(), rtl.seed());
        LockstepSession session = new LockstepSession(library, null, "bench");
        double bestAlone = 0;
        double bestLockstep = 0;
        double bestAloneCpu = 0;
        double bestLockstepCpu = 0;
        long cycles = 0;
        long retires = 0;
        for (int i = 0; i < repeat; i++) {
            long cpu0 = OS.getProcessCpuTime();
            LockstepResult alone = session.runAlone(Machine.create(p, cpu), new BenchProgram(ramBase, iterations), options);
            long cpu1 = OS.getProcessCpuTime();
            LockstepResult locked = session.run(Machine.create(p, cpu), new BenchProgram(ramBase, iterations), options, null);
            long cpu2 = OS.getProcessCpuTime();
            if (alone.outcome() != LockstepResult.Outcome.PASS || locked.outcome() != LockstepResult.Outcome.PASS) {
                return new Summary("bench lockstep").problem(String.format("bench lockstep: workload did not pass:"
                        + " alone %s, lockstep %s (%s)", alone.outcome(), locked.outcome(), locked.detail()))
                        .print(output, spec.commandLine(), Tandem.FAIL);
            }
            bestAlone = Math.max(bestAlone, alone.cyclesPerSecond());
            bestLockstep = Math.max(bestLockstep, locked.cyclesPerSecond());
            bestAloneCpu = Math.max(bestAloneCpu, alone.cycles() / ((cpu1 - cpu0) / 1e9));
            bestLockstepCpu = Math.max(bestLockstepCpu, locked.cycles() / ((cpu2 - cpu1) / 1e9));
            cycles = locked.cycles();
            retires = locked.retires();
            out.printf("run %d: RTL alone %.3f M cycles/s (%.2f s, %.2f CPU s), lockstep %.3f M cycles/s (%.2f s, %.2f CPU s)%n",
                    i + 1, alone.cyclesPerSecond() / 1e6, alone.seconds(), (cpu1 - cpu0) / 1e9,
                    locked.cyclesPerSecond() / 1e6, locked.seconds(), (cpu2 - cpu1) / 1e9);
            out.flush();
        }
        double ratio = bestLockstep / bestAlone;
        double cpuRatio = bestLockstepCpu / bestAloneCpu;
        out.printf("bench lockstep: %s; %,d cycles, %,d retires per run (IPC %.2f)%n", rtl.describe(), cycles,
                retires, cycles == 0 ? 0 : (double) retires / cycles);
        out.printf("bench lockstep: per wall-clock second: RTL alone %.3f M cycles/s, lockstep %.3f M cycles/s, ratio %.3f"
                + " (target >= 0.90: %s)%n",
                bestAlone / 1e6, bestLockstep / 1e6, ratio, ratio >= 0.9 ? "met" : "NOT met");
        out.printf("bench lockstep: per CPU second of the process, all threads: RTL alone %.3f M,"
                + " lockstep %.3f M cycles/s, ratio %.3f (%d cores)%n", bestAloneCpu / 1e6, bestLockstepCpu / 1e6,
                cpuRatio, Runtime.getRuntime().availableProcessors());
        out.flush();
        return new Summary("bench lockstep").figure("rtl", rtl.describe()).figure("cycles", cycles)
                .figure("retires", retires).figure("rtlAloneCyclesPerSecond", bestAlone)
                .figure("lockstepCyclesPerSecond", bestLockstep).figure("ratio", ratio)
                .figure("rtlAloneCyclesPerCpuSecond", bestAloneCpu).figure("lockstepCyclesPerCpuSecond", bestLockstepCpu)
                .figure("cpuRatio", cpuRatio).figure("targetMet", ratio >= 0.9)
                .print(output, spec.commandLine(), Tandem.PASS);
    }
}
