package tandem.cli;

import picocli.CommandLine.Command;

/** {@code tandem vectors}: CSV instruction/BIO vectors and generated programs. */
@Command(name = "vectors", mixinStandardHelpOptions = true,
        description = {"Directed CSV vectors and seeded random programs, replayed on the golden model.",
            "  tandem vectors run FILE.csv...            replay vectors, write <out>/<file>.tandem-result.json",
            "  tandem vectors run FILE.csv --rtl riscvcore   ... and in lockstep with an RTL",
            "  tandem vectors generate --seed S --count N --out DIR   write programs and their golden vectors",
            "  tandem vectors shrink gen-S-NNNN.S [--rtl ...]   shrink a program diverging in lockstep"},
        subcommands = {VectorsRunCommand.class, VectorsGenerateCommand.class, VectorsShrinkCommand.class})
public final class VectorsCommand {
}
