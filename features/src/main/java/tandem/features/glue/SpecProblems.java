package tandem.features.glue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import tandem.golden.TandemException;

/**
 * A Cucumber plugin that turns every problem of a run into one line naming the feature file
 * and line: an undefined step, a step whose arguments are wrong (a {@link TandemException}
 * from a step: bad hex, unknown platform, assembly error), and a failed expectation. The lines
 * go to standard error and, when the plugin is given a file ({@code tandem.features.glue.SpecProblems:path}),
 * to that file with a leading {@code input:} or {@code failure:} so {@link tandem.features.SpecRun}
 * can choose the exit code.
 *
 * <p>It also tracks the step running on each thread for {@link StepLocation}.
 */
public final class SpecProblems implements ConcurrentEventListener {
    /** Prefix of a problem caused by the spec itself (undefined step, bad argument, assembly error). */
    public static final String INPUT = "input: ";
    /** Prefix of a behaviour that did not match the spec. */
    public static final String FAILURE = "failure: ";

    private final Path file;
    private final PrintStream err = System.err;
    private final List<String> lines = new ArrayList<>();

    /** Writes problems to standard error only. */
    public SpecProblems() {
        this.file = null;
    }

    /** Writes problems to standard error and to {@code file}. */
    public SpecProblems(String file) {
        this.file = Path.of(file);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceRead.class, e -> StepLocation.source(e.getUri(), e.getSource()));
        publisher.registerHandlerFor(TestStepStarted.class, e -> {
            if (e.getTestStep() instanceof PickleStepTestStep s) {
                StepLocation.enter(new StepLocation(s.getUri(), s.getStep().getLine()));
            }
        });
        publisher.registerHandlerFor(TestStepFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, e -> write());
    }

    private void finished(TestStepFinished e) {
        if (!(e.getTestStep() instanceof PickleStepTestStep s)) {
            return;
        }
        StepLocation.leave();
        StepLocation at = new StepLocation(s.getUri(), s.getStep().getLine());
        Status status = e.getResult().getStatus();
        if (status == Status.UNDEFINED) {
            report(INPUT, at + ": undefined step: " + s.getStep().getKeyword() + s.getStep().getText());
        } else if (status == Status.AMBIGUOUS) {
            report(INPUT, at + ": ambiguous step: " + s.getStep().getKeyword() + s.getStep().getText());
        } else if (status == Status.FAILED) {
            Throwable t = e.getResult().getError();
            TandemException user = userError(t);
            if (user != null) {
                report(INPUT, located(at, user.getMessage()));
            } else {
                String message = t == null ? "failed" : String.valueOf(t.getMessage());
                report(FAILURE, located(at, message.lines().findFirst().orElse(message)));
            }
        }
    }

    /** The message, prefixed with the step's location unless it already names a feature line. */
    private static String located(StepLocation at, String message) {
        String file = StepLocation.displayName(at.uri());
        return message.startsWith(file + ":") ? message : at + ": " + message;
    }

    private static TandemException userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TandemException te) {
                return te;
            }
        }
        return null;
    }

    private synchronized void report(String kind, String line) {
        err.println("tandem: " + line);
        lines.add(kind + line);
    }

    private synchronized void write() {
        if (file == null) {
            return;
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
