package tandem.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tandem.features.glue.SpecProblems;
import tandem.golden.TandemException;

/**
 * Runs feature files through Cucumber with Tandem's glue, writing the HTML, JSON and JUnit
 * reports (the JSON feeds the conformance report) and one line per problem. Used by
 * {@code tandem spec} and by tests that check how bad specs are reported.
 */
public final class SpecRun {
    /** Glue package holding every Tandem step. */
    public static final String GLUE = "tandem.features";

    /**
     * What a run produced.
     *
     * @param exitCode 0 all scenarios passed, 1 a behaviour did not match, 2 a spec is wrong
     *                 (undefined step, bad argument, assembly error)
     * @param problems one line per problem, each naming a feature file and line
     * @param reportDir where report.html, cucumber.json and junit.xml were written
     */
    public record Result(int exitCode, List<String> problems, Path reportDir) {
    }

    private SpecRun() {
    }

    /**
     * Runs the features at {@code paths} (files or directories), restricted to {@code tags}
     * (a Cucumber tag expression, or {@code null}), reporting into {@code reportDir}.
     */
    public static Result run(List<String> paths, String tags, Path reportDir) {
        if (paths.isEmpty()) {
            throw new TandemException("no feature files given");
        }
        for (String p : paths) {
            String file = p.replaceFirst(":[0-9:]+$", "");
            if (!p.startsWith("classpath:") && !Files.exists(Path.of(file))) {
                throw new TandemException(file + ": no such feature file or directory");
            }
        }
        Path problems = reportDir.resolve("problems.txt");
        try {
            Files.createDirectories(reportDir);
            Files.deleteIfExists(problems);
        } catch (IOException e) {
            throw new TandemException(reportDir + ": cannot create the report directory: " + e.getMessage());
        }
        System.setProperty(tandem.features.lockstep.LockstepRun.REPORT_DIR, reportDir.toString());
        List<String> args = new ArrayList<>(List.of(
                "--glue", GLUE,
                "--plugin", "html:" + reportDir.resolve("report.html"),
                "--plugin", "json:" + reportDir.resolve("cucumber.json"),
                "--plugin", "junit:" + reportDir.resolve("junit.xml"),
                "--plugin", SpecProblems.class.getName() + ":" + problems,
                "--plugin", "summary",
                "--monochrome"));
        if (tags != null && !tags.isBlank()) {
            args.add("--tags");
            args.add(tags);
        }
        args.addAll(paths);
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), SpecRun.class.getClassLoader());
        List<String> lines = new ArrayList<>();
        boolean input = false;
        try {
            if (Files.exists(problems)) {
                for (String l : Files.readAllLines(problems)) {
                    input |= l.startsWith(SpecProblems.INPUT);
                    lines.add(l.substring(l.indexOf(": ") + 2));
                }
            }
        } catch (IOException e) {
            throw new TandemException(problems + ": cannot read: " + e.getMessage());
        }
        int exit = input ? 2 : status == 0 ? 0 : 1;
        return new Result(exit, lines, reportDir);
    }
}
