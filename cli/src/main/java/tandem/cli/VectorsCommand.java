package tandem.cli;

import picocli.CommandLine.Command;

/** {@code tandem vectors}: CSV instruction/BIO vectors and generated programs. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Directed CSV vectors and seeded random programs, replayed on the golden model.",
            "  tandem vectors run FILE.csv...            replay vectors, write <out>/<file>.tandem-result.json",
            "  tandem vectors generate --seed S --count N --out DIR   write programs and their golden vectors"},
        subcommands = {VectorsRunCommand.class, VectorsGenerateCommand.class})
public final class VectorsCommand {
}
