package tandem.dut.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Verilator 5.006 on prepared RTL in the tests: translation to C++ only, no compiler, well under a second on toys. */
final class Verilate {

    /** Exit status and the combined output. */
    record Outcome(int exitCode, String output) {
    }

    private Verilate() {
    }

    /** {@code verilator --cc} of {@code prepared} into {@code dir}. */
    static Outcome cc(PreparedRtl prepared, Path dir) throws IOException, InterruptedException {
        return run(prepared.files(), prepared.top(), prepared.verilatorArgs(), dir, "--cc");
    }

    /** {@code verilator <mode>} of the given files, top and options into {@code dir}. */
    static Outcome run(List<Path> files, String top, List<String> args, Path dir, String mode)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("verilator", mode, "--Mdir", dir.resolve("obj").toString(),
                "--top-module", top));
        cmd.addAll(args);
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(p.waitFor(), out);
    }

    static boolean generated(Path dir, String top) {
        return Files.isRegularFile(dir.resolve("obj").resolve("V" + top + ".cpp"));
    }
}
