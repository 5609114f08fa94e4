package tandem.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.golden.retire.RetireListener;
import tandem.trace.TextTraceWriter;
import tandem.trace.TraceWriter;
import tandem.wave.RetireWaveform;

/** {@code tandem run}: runs an ELF on the golden model and says why it stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an RV32 ELF on the golden model, print the guest console and why it stopped.",
            "A program ends by writing tohost, the SiFive test finisher (0x5555 pass, code<<16|0x3333 fail),",
            "or, with no trap vector (mtvec = 0), by ECALL with a7 = 93 and the exit code in a0."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROG.elf", description = "The RV32 ELF to run.")
    private Path elf;

    @Option(names = "--platform", defaultValue = "virt", description = "SoC platform (${DEFAULT-VALUE}); see 'tandem platforms'.")
    private String platform;

    @Option(names = "--profile", defaultValue = "vexriscv", description = "CPU profile: vexriscv, rv32im (${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--max-instructions", defaultValue = "1000000000", description = "Instruction limit (${DEFAULT-VALUE}).")
    private long maxInstructions;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the retire stream as a binary trace (.gz compresses).")
    private Path trace;

    @Option(names = "--text-trace", paramLabel = "FILE", description = "Write the retire stream as text, one line per retire (Spike commit-log style).")
    private Path textTrace;

    @Option(names = "--vcd", paramLabel = "FILE", description = "Write the retire stream as a VCD waveform (pc, privilege, retire strobe, rd writes, traps).")
    private Path vcd;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        Platform p = Platform.named(platform);
        Machine machine = Machine.create(p, Profile.named(profile));
        machine.loadElf(elf);
        machine.enableEcallConvention();
        PrintWriter out = spec.commandLine().getOut();
        if (output.human()) {
            machine.console().addSink((uart, b) -> {
                out.write(b);
                if (b == '\n') {
                    out.flush();
                }
            });
        }
        StopReason reason;
        long start = System.nanoTime();
        List<Closeable> outputs = new ArrayList<>();
        try {
            if (trace != null) {
                outputs.add(attach(machine, TraceWriter.open(trace, trace.toString().endsWith(".gz"))));
            }
            if (textTrace != null) {
                outputs.add(attach(machine, TextTraceWriter.open(textTrace)));
            }
            if (vcd != null) {
                outputs.add(attach(machine, RetireWaveform.open(vcd, machine.hart())));
            }
            try (ProgressDisplay bar = output.progress("run", maxInstructions, " M instr", 1_000_000)) {
                reason = RunProgress.run(machine, maxInstructions, bar);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new TandemException("cannot write an output file: " + e.getMessage());
        } finally {
            closeAll(machine, outputs);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.flush();
        long n = machine.hart().instret();
        Summary summary = new Summary("run")
                .figure("program", elf.toString())
                .figure("stop", reason.kind().name().toLowerCase(Locale.ROOT))
                .figure("programExitCode", reason.exitCode())
                .figure("passed", reason.passed())
                .figure("pc", String.format("0x%08x", reason.pc()))
                .figure("detail", reason.detail())
                .figure("instructions", n)
                .figure("seconds", seconds)
                .figure("console", machine.console().text());
        String line = String.format(Locale.ROOT, "run: %s; %d instructions in %.2f s (%.1f MIPS)", reason.describe(),
                n, seconds, n / seconds / 1e6);
        if (reason.passed()) {
            summary.line(line);
        } else {
            summary.problem(line);
        }
        return summary.print(output, spec.commandLine(), reason.passed() ? Tandem.PASS : Tandem.FAIL);
    }

    private static <T extends RetireListener & Closeable> Closeable attach(Machine machine, T listener) {
        machine.hart().addRetireListener(listener);
        return listener;
    }

    /** Detaches and closes every output, so what was written so far is on disk even after an error. */
    private static void closeAll(Machine machine, List<Closeable> outputs) {
        for (Closeable c : outputs) {
            machine.hart().removeRetireListener((RetireListener) c);
            try {
                c.close();
            } catch (IOException e) {
                throw new TandemException("cannot finish an output file: " + e.getMessage());
            }
        }
    }
}
