package tandem.golden.toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tandem.golden.TandemException;

/**
 * Build outputs kept under a directory, one subdirectory per distinct set of inputs:
 * {@code <root>/<name>-<hash>/}, the hash covering the settings (flags, defines, compiler version)
 * and every input file's name and bytes, so a rerun with the same inputs costs nothing.
 *
 * <p>A build runs in a fresh directory holding the inputs and is renamed into place only when it
 * succeeds, so a cache directory that exists is complete, and two processes building the same
 * inputs at once both end with it. A failed build is kept as {@code <name>-<hash>-failed} and the
 * error names it.
 */
public final class BuildCache {

    /** What a cache miss runs. */
    @FunctionalInterface
    public interface Build {
        /**
         * Writes the outputs into {@code dir}, which already holds the inputs.
         *
         * @throws TandemException when the build fails (for example a compiler error)
         */
        void run(Path dir) throws IOException;
    }

    private final Path root;

    /** A cache under {@code root}, which is created when first needed. */
    public BuildCache(Path root) {
        this.root = root.toAbsolutePath();
    }

    /**
     * The directory holding the outputs of {@code build} for these inputs, built now unless a
     * previous build with identical inputs and settings is there.
     *
     * @param name a readable prefix of the directory's name
     * @param inputs file name (may contain {@code /}) to content, written into the build directory
     * @param settings everything else the outputs depend on
     * @throws TandemException when the build fails or the directory cannot be written
     */
    public Path directory(String name, Map<String, byte[]> inputs, List<String> settings, Build build) {
        String key = name + "-" + hash(inputs, settings);
        Path done = root.resolve(key);
        if (Files.isDirectory(done)) {
            return done;
        }
        try {
            Files.createDirectories(root);
            Path work = Files.createTempDirectory(root, key + "-tmp");
            for (Map.Entry<String, byte[]> f : inputs.entrySet()) {
                Path p = work.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            try {
                build.run(work);
            } catch (TandemException failed) {
                Path kept = root.resolve(key + "-failed");
                deleteTree(kept);
                Files.move(work, kept, StandardCopyOption.ATOMIC_MOVE);
                throw new TandemException(failed.getMessage() + " (sources kept in " + kept + ")", failed);
            }
            try {
                Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(done)) {
                    throw raced;
                }
                deleteTree(work);
            }
            return done;
        } catch (IOException e) {
            throw new TandemException("cannot build " + name + " in " + root + ": " + e.getMessage(), e);
        }
    }

    private static String hash(Map<String, byte[]> inputs, List<String> settings) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : settings) {
                md.update((s + "\0").getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, byte[]> f : inputs.entrySet()) {
                md.update((f.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
                md.update(f.getValue());
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
