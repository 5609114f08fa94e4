package tandem.cli.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.cli.CliRun;

/**
 * Input errors of {@code tandem bio lockstep}; the comparison itself needs the user's RTL
 * (cosim-bridge's BioRtlLockstepTest).
 */
class BioLockstepCommandTest {

    @TempDir
    Path dir;

    private Path nop() throws IOException {
        Path prog = dir.resolve("nop.S");
        Files.writeString(prog, ".text\n  nop\n");
        return prog;
    }

    @Test
    void missingRtlIsOneLineNamingIt() throws IOException {
        Path missing = dir.resolve("no-such-bio");
        CliRun run = CliRun.tandem("bio", "lockstep", nop().toString(), "--bio-rtl", missing.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("tandem: " + missing), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void folderWithoutTheBioRtlSaysWhichFilesAreMissing() throws IOException {
        CliRun run = CliRun.tandem("bio", "lockstep", nop().toString(), "--bio-rtl", dir.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("not a Baochip-1x BIO RTL folder: missing"), run.err());
        assertTrue(run.err().contains("bio_bdma.sv"), run.err());
    }

    @Test
    void badPushIsAUsageError() throws IOException {
        CliRun run = CliRun.tandem("bio", "lockstep", nop().toString(), "--bio-rtl", dir.toString(), "--push", "0=7");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--push 0=7: expected CYCLE:FIFO=VALUE"), run.err());
    }
}
