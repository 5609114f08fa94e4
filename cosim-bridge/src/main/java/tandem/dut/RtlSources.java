package tandem.dut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tandem.golden.TandemException;

/**
 * The RTL a user names: Verilog / SystemVerilog files, and {@code .f} lists of them. A list
 * holds one file per line (relative to the list's directory), {@code //} or {@code #} comments,
 * and lines starting with {@code +} or {@code -} (e.g. {@code +incdir+rtl/inc},
 * {@code -Wno-WIDTH}) that are passed to Verilator unchanged.
 *
 * @param files          the source files, in order
 * @param verilatorFlags options collected from {@code .f} lists
 */
public record RtlSources(List<Path> files, List<String> verilatorFlags) {

    /** Expands {@code paths} (files or {@code .f} lists), checking every file exists. */
    public static RtlSources of(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (Path p : paths) {
            add(p, null, 0, files, flags);
        }
        if (files.isEmpty()) {
            throw new TandemException("no RTL files given");
        }
        return new RtlSources(List.copyOf(files), List.copyOf(flags));
    }

    private static void add(Path p, String from, int line, List<Path> files, List<String> flags) {
        if (!Files.isRegularFile(p)) {
            throw new TandemException((from == null ? "" : from + ":" + line + ": ") + "RTL file not found: " + p);
        }
        if (!p.getFileName().toString().endsWith(".f")) {
            files.add(p.toAbsolutePath().normalize());
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dir = p.toAbsolutePath().getParent();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || t.startsWith("//") || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("+incdir+")) {
                flags.add("+incdir+" + dir.resolve(t.substring("+incdir+".length())).normalize());
            } else if (t.startsWith("+") || t.startsWith("-")) {
                flags.add(t);
            } else {
                add(dir.resolve(t), p.toString(), i + 1, files, flags);
            }
        }
    }
}
