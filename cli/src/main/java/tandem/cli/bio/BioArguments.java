package tandem.cli.bio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tandem.golden.TandemException;
import tandem.golden.bio.BioAssembler;

/** How the {@code tandem bio} commands read their arguments: BIO programs and numbers. */
final class BioArguments {

    private BioArguments() {
    }

    /** The code image of a BIO program: a {@code .bin} as it is, else assembly source to assemble. */
    static byte[] image(Path program) {
        if (program.getFileName().toString().endsWith(".bin")) {
            try {
                return Files.readAllBytes(program);
            } catch (IOException e) {
                throw new TandemException(program + ": cannot read: " + e.getMessage(), e);
            }
        }
        return BioAssembler.assemble(program);
    }

    /** A decimal or {@code 0x} hexadecimal number, {@code _} allowed as a separator. */
    static long number(String what, String text) {
        String t = text.trim().replace("_", "");
        try {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TandemException(what + ": '" + text + "' is not a number");
        }
    }
}
