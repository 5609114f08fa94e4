package tandem.report.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tandem.report.model.RunResult;

/**
 * Gathers results from files and directories: {@code tandem-result.json} files, JUnit XML
 * (Surefire's {@code TEST-*.xml}) and Cucumber JSON. A file named on the command line must be
 * one of these; inside a directory only files named like them are read ({@code TEST-*.xml},
 * {@code *tandem-result.json}, {@code *cucumber*.json}), so a Surefire report folder can be
 * passed as it is. Problems with single files are collected, never thrown: the rest is kept.
 */
public final class ResultCollector {

    private final List<ResultFileReader> readers =
            List.of(new TandemResultReader(), new JunitXmlReader(), new CucumberJsonReader());
    private final List<RunResult> runs = new ArrayList<>();
    private final List<ResultProblem> problems = new ArrayList<>();

    /** Reads {@code path}: a result file, or a directory searched recursively. */
    public ResultCollector add(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).filter(ResultCollector::namedLikeResult).sorted()
                        .forEach(this::readFile);
            } catch (IOException e) {
                problems.add(new ResultProblem(path, 0, "cannot list directory: " + e.getMessage()));
            }
        } else if (Files.isRegularFile(path)) {
            readFile(path);
        } else {
            problems.add(new ResultProblem(path, 0, "no such file or directory"));
        }
        return this;
    }

    /** Adds a run produced in this process (no file involved). */
    public ResultCollector add(RunResult run) {
        runs.add(run);
        return this;
    }

    /** Runs read so far, in the order found. */
    public List<RunResult> runs() {
        return List.copyOf(runs);
    }

    /** Problems found so far; non-empty means the report is partial (exit status 2). */
    public List<ResultProblem> problems() {
        return List.copyOf(problems);
    }

    static boolean namedLikeResult(Path p) {
        String n = p.getFileName().toString();
        return (n.startsWith("TEST-") && n.endsWith(".xml")) || n.endsWith(RunResult.FILE_NAME)
                || (n.contains("cucumber") && n.endsWith(".json"));
    }

    private void readFile(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new ResultProblem(file, 0, "cannot read: " + e.getMessage()));
            return;
        }
        String head = head(content);
        boolean namedTandem = file.getFileName().toString().endsWith(RunResult.FILE_NAME);
        for (ResultFileReader r : readers) {
            if (r.accepts(head) || (namedTandem && r instanceof TandemResultReader)) {
                try {
                    runs.addAll(r.read(file, content));
                } catch (ResultFormatException e) {
                    problems.add(new ResultProblem(file, e.line(), e.getMessage()));
                }
                return;
            }
        }
        problems.add(new ResultProblem(file, 1,
                "not a result file (expected tandem-result.json, JUnit XML or Cucumber JSON)"));
    }

    private static String head(byte[] content) {
        String text = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.stripLeading();
        if (text.startsWith("<?xml")) {
            int end = text.indexOf("?>");
            text = end < 0 ? text : text.substring(end + 2).stripLeading();
        }
        return text;
    }
}
