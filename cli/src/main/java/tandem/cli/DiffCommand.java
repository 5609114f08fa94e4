package tandem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.golden.TandemException;
import tandem.golden.isa.Disassembler;
import tandem.report.ResultJson;
import tandem.report.model.CaseResult;
import tandem.report.model.DivergenceRecord;
import tandem.report.model.RunKind;
import tandem.report.model.RunResult;
import tandem.report.model.Status;
import tandem.trace.TextTraceWriter;
import tandem.trace.TraceDiff;
import tandem.trace.TraceDiffReport;
import tandem.trace.TraceRecord;
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

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write DIR/<A>-vs-<B>.tandem-result.json for 'tandem report' (A as the reference, B as the DUT).")
    private Path outDir;

    @Mixin
    private OutputOptions output;

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
        long start = System.nanoTime();
        long bytes = CountedInput.size(a, b);
        try (ProgressDisplay bar = bytes >= CountedInput.WORTH_A_BAR ? output.progress("diff", bytes, " MiB", 1 << 20)
                : ProgressDisplay.hidden();
             TraceSource sa = TraceSource.open(CountedInput.open(a, bar), a.toString());
             TraceSource sb = TraceSource.open(CountedInput.open(b, bar), b.toString())) {
            result = TraceDiff.compare(sa, sb, options);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        String report = TraceDiffReport.text(result, width);
        Summary summary = new Summary("diff").figure("a", a.toString()).figure("b", b.toString())
                .figure("same", result.same()).figure("matched", result.matched()).figure("milliseconds", ms);
        if (!result.same()) {
            TraceDiff.Divergence d = result.divergence();
            summary.figure("divergenceRecord", d.index()).figure("differences", d.differences());
            summary.problem(String.format("diff: %s and %s diverge at record %d: %s", a, b, d.index(),
                    d.differences().isEmpty() ? "" : d.differences().get(0)));
        }
        summary.line("%s", report.stripTrailing());
        if (outDir != null) {
            Path json = outDir.resolve(stem(a) + "-vs-" + stem(b) + "." + RunResult.FILE_NAME);
            ResultJson.write(runResult(result, report, ms, fields), json);
            summary.line("diff: result " + json).figure("result", json.toString());
        }
        return summary.print(output, spec.commandLine(), result.same() ? Tandem.PASS : Tandem.FAIL);
    }

    private static String stem(Path p) {
        return p.getFileName().toString().replaceFirst("(\\.[A-Za-z0-9]+)*$", "");
    }

    /** The comparison as a lockstep-kind result: one case, and the divergence with its window. */
    private RunResult runResult(TraceDiff.Result result, String report, double ms, Set<TraceDiff.Field> fields) {
        String name = a.getFileName() + " vs " + b.getFileName();
        Map<String, String> env = new TreeMap<>();
        env.put("reference", a.toString());
        env.put("dut", b.toString());
        env.put("ignore", fields.stream().map(TraceDiff.Field::key).collect(Collectors.joining(",")));
        env.put("align-interrupts", Boolean.toString(alignInterrupts));
        if (result.same()) {
            CaseResult pass = CaseResult.pass(name, ms).withDetail(result.matched() + " records match");
            return RunResult.of(RunKind.LOCKSTEP, name, "tandem 0.1.0", env, List.of(pass));
        }
        TraceDiff.Divergence d = result.divergence();
        String first = d.differences().get(0);
        CaseResult fail = CaseResult.of(name, Status.FAIL, ms, "record " + d.index() + ": " + first)
                .at(d.b() != null ? d.b().where : d.a() != null ? d.a().where : b.toString()).withDetail(report);
        List<DivergenceRecord.WindowRow> window = new ArrayList<>();
        long index = d.index() - d.before().size();
        for (TraceRecord[] pair : d.before()) {
            window.add(row(index++, pair[0], pair[1], false));
        }
        window.add(row(d.index(), d.a(), d.b(), true));
        TraceRecord at = d.a() != null ? d.a() : d.b();
        int colon = first.indexOf(": ");
        int vs = first.lastIndexOf(" vs ");
        String field = colon > 0 ? first.substring(0, colon) : first;
        String ref = vs > colon && colon > 0 ? first.substring(colon + 2, vs) : first;
        String dut = vs > colon && colon > 0 ? first.substring(vs + 4) : first;
        DivergenceRecord divergence = new DivergenceRecord(name, d.index(), at.pc & 0xFFFFFFFFL, at.insn & 0xFFFFFFFFL,
                at.has(TraceRecord.INSN) ? Disassembler.disassemble(at.insn, at.pc) : "", field, dut, ref, null, window, null);
        return new RunResult(RunResult.SCHEMA, RunKind.LOCKSTEP, name, "tandem 0.1.0", null, env, List.of(fail), null,
                List.of(divergence), List.of());
    }

    private static DivergenceRecord.WindowRow row(long index, TraceRecord ref, TraceRecord dut, boolean diverged) {
        TraceRecord r = ref != null ? ref : dut;
        return new DivergenceRecord.WindowRow(index, r.pc & 0xFFFFFFFFL, r.insn & 0xFFFFFFFFL,
                r.has(TraceRecord.INSN) ? Disassembler.disassemble(r.insn, r.pc) : "", effects(ref), effects(dut), diverged);
    }

    /** The effects part of a record's compact line ({@code x10 0x00000005 mem ...}). */
    private static String effects(TraceRecord r) {
        if (r == null) {
            return "(ended)";
        }
        String line = TextTraceWriter.formatCompact(r);
        int bar = line.indexOf(" | ");
        return bar < 0 ? line : line.substring(bar + 3).strip();
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
