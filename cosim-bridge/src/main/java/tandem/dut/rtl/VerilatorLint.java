package tandem.dut.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tandem.golden.TandemException;

/**
 * One {@code verilator --lint-only} run: parses and elaborates the design without generating
 * or compiling C++, which takes a second or two where a build takes ten or more, and reports the
 * same warnings and errors a build would. Warnings are not fatal here so one run lists them all.
 */
public final class VerilatorLint {

    /**
     * What a run printed.
     *
     * @param exitCode Verilator's exit status
     * @param messages its messages, in order
     * @param log      the file holding its full output
     */
    public record Result(int exitCode, List<LintMessage> messages, Path log) {

        /** Messages with the given code. */
        public List<LintMessage> withCode(String code) {
            List<LintMessage> out = new ArrayList<>();
            for (LintMessage m : messages) {
                if (m.code().equals(code)) {
                    out.add(m);
                }
            }
            return out;
        }

        /** Whether Verilator crashed rather than reporting a finding. */
        public boolean crashed() {
            for (LintMessage m : messages) {
                if (m.text().startsWith("Verilator internal fault") || m.text().startsWith("Internal Error")) {
                    return true;
                }
            }
            return false;
        }
    }

    private VerilatorLint() {
    }

    /**
     * Lints {@code files} with top {@code top} and extra {@code args}, writing the output to
     * {@code log}.
     *
     * @throws TandemException when Verilator cannot be started
     */
    public static Result run(List<Path> files, String top, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>(List.of("verilator", "--lint-only", "-Wno-fatal", "--top-module", top));
        cmd.addAll(args);
        for (Path f : files) {
            cmd.add(f.toString());
        }
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int rc = p.waitFor();
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return new Result(rc, LintMessage.parse(lines), log);
        } catch (IOException e) {
            throw new TandemException("cannot run verilator: " + e.getMessage() + " (install it: apt-get install verilator)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TandemException("interrupted while running verilator --lint-only");
        }
    }
}
