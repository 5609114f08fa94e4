package tandem.golden.bio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: assembles the BIO programs kept beside the tests and starts them. */
final class BioPrograms {

    private BioPrograms() {
    }

    /** The image of test resource {@code tandem/golden/bio/<name>}. */
    static byte[] image(String name) {
        try {
            return BioAssembler.assemble(Path.of(BioPrograms.class.getResource(name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The image of an inline source (lines joined), for small cases. */
    static byte[] source(String... lines) {
        try {
            Path file = Files.createTempFile("bio", ".S");
            try {
                Files.writeString(file, "#include \"bio.h\"\n.text\n" + String.join("\n", lines) + "\n");
                return BioAssembler.assemble(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code cores} (bit mask) with EN + RESTART + CLKDIV_RESTART and runs to their first active edge. */
    static void startCores(Bio bio, int cores) {
        bio.store(0x00, cores * 0x111, 4);
        bio.run(3L * bio.config().pclkRatio());
    }

    /**
     * Loads {@code name} into {@code core}, sets its quantum divider and starts it with
     * EN + RESTART + CLKDIV_RESTART, as the Xous driver does, then runs until the core's reset
     * is released. Returns with the BIO at the core's first active edge ("cycle 0" of the RTL
     * alignment convention), i.e. with {@code bio.cycle()} = restart hold.
     */
    static Bio start(String name, int core, int qdiv) {
        Bio bio = new Bio();
        bio.loadProgram(core, image(name));
        bio.store(0x50 + 4 * core, qdiv, 4);
        bio.store(0x00, 0x111 << core, 4);
        bio.run(3L * bio.config().pclkRatio());
        return bio;
    }
}
