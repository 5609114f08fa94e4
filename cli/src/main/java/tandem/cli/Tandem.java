package tandem.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tandem.golden.TandemException;

/**
 * The {@code tandem} command. Each subcommand is one class; user errors surface as
 * {@link TandemException} and become one line on stderr with exit status 2.
 */
@Command(name = "tandem",
        mixinStandardHelpOptions = true,
        version = "tandem 0.1.0",
        description = "Golden model, lockstep co-simulation and conformance reports for Xous-class RISC-V systems.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pass", "1:failure or divergence", "2:usage or input error"},
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            RunCommand.class,
            BenchCommand.class,
            LockstepCommand.class,
            BioCommand.class,
            BootCommand.class,
            PlatformsCommand.class,
            SpecCommand.class,
            VectorsCommand.class,
            ReportCommand.class,
            DiffCommand.class,
            WaveDiffCommand.class,
            TraceCommand.class,
        })
public final class Tandem {

    /** Exit status for a run that passed. */
    public static final int PASS = 0;
    /** Exit status for a failure or a divergence. */
    public static final int FAIL = 1;
    /** Exit status for a usage or input error. */
    public static final int USAGE = 2;

    private Tandem() {
    }

    /** Builds the command line with the project's error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Tandem());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof TandemException) {
                cmd.getErr().println("tandem: " + ex.getMessage());
                return USAGE;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("tandem: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cl;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
