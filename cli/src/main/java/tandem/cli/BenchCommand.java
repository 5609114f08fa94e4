package tandem.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tandem.cli.bench.BioBench;
import tandem.cli.bench.CpuBench;
import tandem.cli.bench.LockstepBench;

/**
 * {@code tandem bench}: speed measurements printed as figures. Each kind of measurement is a
 * subcommand; speed targets are checked here, never by timed unit tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed: run a benchmark subcommand and print its figures.",
        subcommands = {
            CpuBench.class,
            LockstepBench.class,
            BioBench.class,
        })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Tandem.USAGE;
    }
}
