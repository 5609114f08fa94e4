package tandem.dut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The directory where generated Verilog and Verilated libraries are kept between runs:
 * {@code $TANDEM_CACHE} when set, else {@code ~/.cache/tandem}. Entries are directories named
 * by a content hash of everything that went into them, so a stale entry is never reused and
 * two processes building the same entry at once each finish into their own temporary
 * directory and the first rename wins.
 */
public final class BuildCache {

    private final Path root;

    private BuildCache(Path root) {
        this.root = root;
    }

    /** The cache named by {@code $TANDEM_CACHE}, or {@code ~/.cache/tandem}. */
    public static BuildCache standard() {
        String env = System.getenv("TANDEM_CACHE");
        Path root = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "tandem");
        return new BuildCache(root);
    }

    /** A cache rooted at {@code root} (tests use a temporary directory). */
    public static BuildCache at(Path root) {
        return new BuildCache(root);
    }

    /** The cache's root directory. */
    public Path root() {
        return root;
    }

    /** The entry directory for {@code kind} and {@code key}; it may not exist yet. */
    public Path entry(String kind, String key) {
        return root.resolve(kind).resolve(key);
    }

    /**
     * Creates a fresh temporary directory beside the entry, for a build that will be
     * {@linkplain #publish published} as that entry when complete.
     */
    public Path staging(String kind) {
        try {
            Path dir = root.resolve(kind);
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, ".staging-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory in the build cache " + root, e);
        }
    }

    /**
     * Moves a finished staging directory into place as the entry. If another process published
     * the same entry meanwhile, its copy is kept and this one deleted: both are equivalent.
     */
    public Path publish(Path staging, String kind, String key) {
        Path target = entry(kind, key);
        try {
            Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException("cannot publish " + staging + " as " + target, e);
            }
            deleteTree(staging);
        }
        return target;
    }

    /** Hex SHA-256 of the given parts, each length-prefixed so concatenations cannot collide. */
    public static String hash(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(Integer.toString(p.length).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) ':');
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Deletes a directory tree, ignoring entries that vanish meanwhile. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless; the next build uses a new directory
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
