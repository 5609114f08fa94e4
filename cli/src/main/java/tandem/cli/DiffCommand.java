package tandem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.golden.TandemException;
import tandem.trace.TraceDiff;
import tandem.trace.TraceDiffReport;
import tandem.trace.TraceSource;

/** {@code tandem diff A B}: the first divergence between two retire traces. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Find the first divergence between two retire traces and show the records around it.",
            "Reads Tandem binary and text traces, Spike --log-commits logs and RVFI key=value dumps (gzip too);",
            "only fields both traces record are compared."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the traces match", "1:they diverge", "2:usage or input error"})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "First trace.")
    private Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Second trace.")
    private Path b;

    @Option(names = "--ignore", paramLabel = "FIELDS", split = ",",
            description = "Fields not to compare: pc,npc,insn,priv,rd,mem,csr,trap,interrupt "
                    + "(trap and interrupt drop those records from both traces).")
    private List<String> ignore = List.of();

    @Option(names = "--align-interrupts",
            description = "Compare interrupt handlers apart from the main line, so interrupts taken a few instructions apart match.")
    private boolean alignInterrupts;

    @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "Drop the first N records of both traces.")
    private long skip;

    @Option(names = "--start-pc", paramLabel = "ADDR",
            description = "Start each trace at its first record with this pc (e.g. 0x80000000 to skip a boot ROM).")
    private String startPc;

    @Option(names = "--window", paramLabel = "N", defaultValue = "8", description = "Matching records shown before the divergence (${DEFAULT-VALUE}).")
    private int window;

    @Option(names = "--width", paramLabel = "COLUMNS", defaultValue = "70", description = "Width of each side of the window (${DEFAULT-VALUE}).")
    private int width;

    @Override
    public Integer call() {
        Set<TraceDiff.Field> fields = EnumSet.noneOf(TraceDiff.Field.class);
        for (String f : ignore) {
            fields.addAll(TraceDiff.Field.parseList(f));
        }
        if (skip < 0 || window < 0 || width < 20) {
            throw new TandemException("--skip and --window must not be negative and --width must be at least 20");
        }
        TraceDiff.Options options = new TraceDiff.Options(fields, alignInterrupts, skip, address(startPc), window, 2);
        TraceDiff.Result result;
        try (TraceSource sa = TraceSource.open(a); TraceSource sb = TraceSource.open(b)) {
            result = TraceDiff.compare(sa, sb, options);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TraceDiffReport.text(result, width));
        out.flush();
        return result.same() ? Tandem.PASS : Tandem.FAIL;
    }

    private static Integer address(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase();
        try {
            return (int) (t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new TandemException("--start-pc: not an address: '" + text + "'");
        }
    }
}
