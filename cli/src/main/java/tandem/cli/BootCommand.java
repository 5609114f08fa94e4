package tandem.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tandem.boot.BootReport;
import tandem.boot.Milestone;
import tandem.boot.XousBoot;
import tandem.boot.xabi.XabiImage;
import tandem.golden.TandemException;

/**
 * {@code tandem boot}: boots a Xous-format image on the golden model (the real Xous loader from
 * flash, an argument block loaded in Java with {@code --direct}, or the built-in xabi test kernel),
 * captures each UART, and reports the milestones reached and why the boot stopped.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot Xous (or the built-in xabi test kernel) on a platform profile of the golden model.",
            "Without --loader or --direct, boots the xabi test kernel built from source with riscv64-unknown-elf-gcc.",
            "Console lines are echoed as 'uart | text' and written to <console-dir>/<uart>.log."})
public final class BootCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--platform", required = true, description = "precursor or baochip-1x.")
    private String platform;

    @ArgGroup(exclusive = true)
    private Source source;

    /** Exactly one way to supply the image, or none for the built-in test kernel. */
    static final class Source {
        @ArgGroup(exclusive = false)
        private RealLoader loader;

        @ArgGroup(exclusive = false)
        private Direct direct;
    }

    /** The real loader from flash. */
    static final class RealLoader {
        @Option(names = "--loader", required = true, paramLabel = "loader.bin",
                description = "Signed Xous loader, placed at the platform's loader address.")
        private Path loader;

        @Option(names = "--image", required = true, paramLabel = "xous.img",
                description = "Signed Xous image, placed at the platform's image address (a0).")
        private Path image;
    }

    /** The loader's job done in Java. */
    static final class Direct {
        @Option(names = "--direct", required = true,
                description = "Do the loader's job in Java from an argument block and enter the kernel in S-mode.")
        private boolean direct;

        @Option(names = "--args", required = true, paramLabel = "ARGS",
                description = "The argument block: args.bin, or a signed xous.img (its signature block is skipped).")
        private Path args;
    }

    @Option(names = "--max-instructions", defaultValue = "500000000", description = "Instruction budget (${DEFAULT-VALUE}).")
    private long maxInstructions;

    @Option(names = "--console-dir", paramLabel = "DIR", description = "Where UART logs go (default tandem-out/boot/<platform>).")
    private Path consoleDir;

    @Mixin
    private OutputOptions output;

    @Option(names = "--from-reset", description = {"With --direct or the built-in kernel: start in M-mode at the RAM base,",
        "where our own loader stage sets up the hand-over state and mrets into the kernel (as in lockstep)."})
    private boolean fromReset;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintStream echo = !output.human() ? null : new PrintStream(new WriterStream(out), true);
        Path dir = consoleDir != null ? consoleDir : Path.of("tandem-out", "boot", platform);
        XousBoot boot;
        if (fromReset && source != null && source.loader != null) {
            throw new TandemException("--from-reset applies to --direct and the built-in kernel; the real loader "
                    + "already starts from its entry in M-mode");
        }
        if (source != null && source.loader != null) {
            requireFile(source.loader.loader);
            requireFile(source.loader.image);
            boot = XousBoot.withLoader(platform, source.loader.loader, source.loader.image).milestones(Milestone.XOUS);
        } else if (source != null && source.direct != null) {
            requireFile(source.direct.args);
            byte[] block;
            try {
                block = Files.readAllBytes(source.direct.args);
            } catch (IOException e) {
                throw new TandemException(source.direct.args + ": cannot read: " + e.getMessage());
            }
            boot = direct(block, source.direct.args.toString()).milestones(Milestone.XOUS);
        } else {
            boot = direct(XabiImage.build(platform).argumentBlock(), "xabi test kernel (built in)")
                    .milestones(Milestone.XABI);
        }
        BootReport report;
        XousBoot running = boot.budget(maxInstructions).consoleDir(dir).echo(echo);
        try (ProgressDisplay bar = output.progress("boot " + platform, maxInstructions, " M instr", 1_000_000)) {
            report = running.progress(line -> bar.stepTo(running.machine().hart().instret())).run();
        }
        Summary summary = new Summary("boot").figure("platform", report.platform()).figure("mode", report.mode())
                .figure("stop", report.stop().kind().name().toLowerCase(Locale.ROOT))
                .figure("stopDetail", report.stop().describe())
                .figure("instructions", report.instructions()).figure("cycles", report.cycles())
                .figure("milestones", milestones(report))
                .figure("checksPassed", report.checks().stream().filter(c -> c.passed()).count())
                .figure("checksFailed", report.failedChecks().size())
                .figure("consoleDir", dir.toString());
        report.summary().forEach(summary::line);
        summary.line("  console logs in " + dir);
        if (report.exitCode() != 0) {
            summary.problem(report.summary().get(0));
        }
        return summary.print(output, spec.commandLine(), report.exitCode() == 0 ? Tandem.PASS : Tandem.FAIL);
    }

    /** Each expected milestone with the instruction count it was reached at, or null when missed. */
    private static Map<String, Long> milestones(BootReport report) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Milestone e : report.expected()) {
            m.put(e.name(), report.hit(e).map(BootReport.Hit::instructions).orElse(null));
        }
        return m;
    }

    private XousBoot direct(byte[] block, String name) {
        return fromReset ? XousBoot.directFromReset(platform, block, name) : XousBoot.direct(platform, block, name);
    }

    private static void requireFile(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new TandemException(p + ": no such file");
        }
    }

    /** Adapts a PrintWriter to the PrintStream the boot echo takes. */
    private static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
            if (b == '\n') {
                writer.flush();
            }
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
