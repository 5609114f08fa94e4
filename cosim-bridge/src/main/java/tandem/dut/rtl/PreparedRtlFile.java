package tandem.dut.rtl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PreparedRtl} kept on disk beside the files it names, so unchanged RTL is not linted
 * again. Plain text, one value per line after a section name: {@code top}, {@code userTop},
 * {@code instancePath}, then {@code files}, {@code args} and {@code explanation} lists. Written
 * last (to a temporary name, then renamed), so a half-prepared directory is never read as done.
 */
final class PreparedRtlFile {

    private static final String NAME = "prepared.txt";

    private PreparedRtlFile() {
    }

    /** The result kept in {@code dir}, or {@code null} when there is none or a file it names is gone. */
    static PreparedRtl read(Path dir) {
        Path f = dir.resolve(NAME);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            int[] at = {6};
            List<Path> files = new ArrayList<>();
            for (String s : section(lines, "files", at)) {
                Path p = Path.of(s);
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                files.add(p);
            }
            List<String> args = section(lines, "args", at);
            List<String> explanation = section(lines, "explanation", at);
            return new PreparedRtl(List.copyOf(files), args, lines.get(1), lines.get(3), lines.get(5), explanation);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps {@code p} in {@code dir}. */
    static void write(Path dir, PreparedRtl p) {
        List<String> lines = new ArrayList<>();
        lines.add("top");
        lines.add(p.top());
        lines.add("userTop");
        lines.add(p.userTop());
        lines.add("instancePath");
        lines.add(p.instancePath());
        lines.add("files " + p.files().size());
        for (Path f : p.files()) {
            lines.add(f.toString());
        }
        lines.add("args " + p.verilatorArgs().size());
        lines.addAll(p.verilatorArgs());
        lines.add("explanation " + p.explanation().size());
        lines.addAll(p.explanation());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, NAME, ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(NAME), e);
        }
    }

    /** The {@code name n} section starting at line {@code at[0]}; moves {@code at[0]} past it. */
    private static List<String> section(List<String> lines, String name, int[] at) {
        String head = lines.get(at[0]);
        if (!head.startsWith(name + " ")) {
            throw new IllegalStateException("expected " + name + " at line " + (at[0] + 1));
        }
        int n = Integer.parseInt(head.substring(name.length() + 1));
        List<String> out = List.copyOf(lines.subList(at[0] + 1, at[0] + 1 + n));
        at[0] += 1 + n;
        return out;
    }
}
