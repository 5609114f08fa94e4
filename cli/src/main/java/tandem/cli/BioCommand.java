package tandem.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tandem.cli.bio.BioRunCommand;

/** {@code tandem bio}: the Baochip-1x BIO golden model on its own. */
@Command(name = "bio", mixinStandardHelpOptions = true,
        description = "Run BIO programs on the cycle-level BIO model.",
        subcommands = {
            BioRunCommand.class,
            tandem.cli.bio.BioLockstepCommand.class,
        })
public final class BioCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Tandem.USAGE;
    }
}
