package tandem.cli.bio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.cli.OutputOptions;
import tandem.cli.Summary;
import tandem.cli.Tandem;
import tandem.dut.BuildCache;
import tandem.dut.bio.BioComparison;
import tandem.dut.bio.BioLockstep;
import tandem.dut.bio.BioStimulus;
import tandem.golden.TandemException;

/** {@code tandem bio lockstep}: BIO programs on the user's BIO RTL and on the model, aclk by aclk. */
@Command(name = "lockstep", mixinStandardHelpOptions = true,
        description = {"Run BIO programs on the Verilated Baochip-1x BIO RTL and on the BIO model, comparing pins,",
            "directions, FIFO levels and every core's pc each BIO clock (aclk) from core 0's reset release",
            "(the host's APB clock runs at 1/8 of aclk). The i-th program goes to core i. The first difference",
            "writes a report with the cycle, the signals, both sides' values and a VCD window of each side.",
            "Exit status: 0 every cycle matched, 1 a difference, 2 bad input (or RTL Tandem refuses to build)."})
public final class BioLockstepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..4", paramLabel = "PROG", description = "Programs for cores 0..3 (.S, .s or .bin).")
    private List<Path> programs = new ArrayList<>();

    @Option(names = "--bio-rtl", required = true, arity = "1..*", paramLabel = "RTL",
            description = "The BIO RTL: a Baochip-1x checkout (or a folder in it), or its files and .f lists.")
    private List<Path> rtl;

    @Option(names = "--cycles", defaultValue = "10000", description = "BIO clocks compared after the start (${DEFAULT-VALUE}).")
    private long cycles;

    @Option(names = "--qdiv", paramLabel = "CORE=VALUE", description = "QDIVn register value, e.g. 0=0x00640000.")
    private Map<Integer, String> qdiv = new LinkedHashMap<>();

    @Option(names = "--push", paramLabel = "CYCLE:FIFO=VALUE",
            description = "A word the host pushes into TXF FIFO, issued at CYCLE; repeatable.")
    private List<String> pushes = List.of();

    @Option(names = "--out", defaultValue = "tandem-out/bio-lockstep", description = "Directory for the report and VCD windows (${DEFAULT-VALUE}).")
    private Path out;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        if (cycles <= 0) {
            throw new TandemException("--cycles must be positive, got " + cycles);
        }
        List<Path> given = new ArrayList<>(rtl);
        List<Path> progs = new ArrayList<>(programs);
        // picocli's 1..* arity may take the programs after --bio-rtl: BIO sources end in .S/.s/.bin
        while (!given.isEmpty() && isProgram(given.get(given.size() - 1)) && given.size() > 1) {
            progs.add(0, given.remove(given.size() - 1));
        }
        if (progs.isEmpty()) {
            throw new TandemException("no program given: tandem bio lockstep PROG.S... --bio-rtl RTL");
        }
        if (progs.size() > 4) {
            throw new TandemException("at most four programs (cores 0..3), got " + progs.size());
        }
        BioStimulus s = BioStimulus.start((1 << progs.size()) - 1, 0, cycles);
        for (int core = 0; core < progs.size(); core++) {
            s = s.withProgram(core, BioArguments.image(progs.get(core)));
        }
        for (Map.Entry<Integer, String> e : qdiv.entrySet()) {
            if (e.getKey() < 0 || e.getKey() > 3) {
                throw new TandemException("--qdiv " + e.getKey() + "=...: core must be 0..3");
            }
            s = s.withDivider(e.getKey(), (int) BioArguments.number("--qdiv " + e.getKey(), e.getValue()));
        }
        for (String p : pushes) {
            int colon = p.indexOf(':');
            int eq = p.indexOf('=');
            if (colon <= 0 || eq <= colon) {
                throw new TandemException("--push " + p + ": expected CYCLE:FIFO=VALUE, e.g. 50:0=0x41");
            }
            long fifo = BioArguments.number("--push", p.substring(colon + 1, eq));
            if (fifo < 0 || fifo > 3) {
                throw new TandemException("--push " + p + ": FIFO must be 0..3");
            }
            s = s.withPush(BioArguments.number("--push", p.substring(0, colon)), (int) fifo, (int) BioArguments.number("--push", p.substring(eq + 1)));
        }
        BioLockstep lockstep = BioLockstep.build(given, BuildCache.standard(), output.log());
        BioComparison r = lockstep.run(s, out);
        Summary summary = new Summary("bio lockstep").figure("matched", r.matched()).figure("cycles", cycles)
                .line("bio lockstep: " + r.detail()).figure("detail", r.detail());
        if (r.report() != null) {
            summary.line("bio lockstep: report " + r.report()).figure("report", r.report().toString());
        }
        if (!r.matched()) {
            summary.problem("bio lockstep: " + r.detail());
        }
        return summary.print(output, spec.commandLine(), r.matched() ? Tandem.PASS : Tandem.FAIL);
    }

    private static boolean isProgram(Path p) {
        String n = p.getFileName().toString();
        return (n.endsWith(".S") || n.endsWith(".s") || n.endsWith(".bin")) && !Files.isDirectory(p);
    }
}
