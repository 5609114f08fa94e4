package tandem.lockstep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code progress.json} of a lockstep run, the record that survives a crash of the native
 * model. The native model runs in the JVM (a child JVM would ship every retire record across a
 * pipe, which the ≥0.9× speed target cannot afford), so instead the thread that calls into the
 * model rewrites this file atomically before its first native call, then at most once a second,
 * and once more when the run ends. After a crash it still says {@code "state": "running"} and how
 * far the RTL and the checker had got, next to the JVM's own crash log.
 */
final class ProgressFile {

    static final String NAME = "progress.json";
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Path dir;
    private long last;
    private boolean written;

    /** The progress file in {@code dir} (created when first written). */
    ProgressFile(Path dir) {
        this.dir = dir;
    }

    /** Rewrites the file if it was never written or a second has passed. */
    void running(long cycles, long rtlRetires, long matched) {
        long now = System.nanoTime();
        if (!written || now - last >= INTERVAL_NANOS) {
            write("running", cycles, rtlRetires, matched);
            last = now;
            written = true;
        }
    }

    /** Rewrites the file with how the run ended. */
    void ended(LockstepResult.Outcome outcome, long cycles, long rtlRetires, long matched) {
        write(outcome.name().toLowerCase(java.util.Locale.ROOT), cycles, rtlRetires, matched);
    }

    private void write(String state, long cycles, long rtlRetires, long matched) {
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(NAME + ".tmp");
            Files.writeString(tmp, String.format(
                    "{\"state\": \"%s\", \"rtlCycles\": %d, \"rtlRetires\": %d, \"retiresMatched\": %d}%n",
                    state, cycles, rtlRetires, matched));
            Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write progress in " + dir, e);
        }
    }
}
