package tandem.cli.bio;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.cli.Tandem;
import tandem.golden.TandemException;
import tandem.golden.bio.Bio;
import tandem.golden.bio.BioAssembler;
import tandem.golden.bio.BioConfig;

/**
 * {@code tandem bio run}: loads BIO programs into cores 0, 1, 2, 3 in order, starts them the way
 * the Xous driver does (EN + RESTART + CLKDIV_RESTART in one CTRL write) and runs the block for a
 * number of BIO clocks, writing a VCD of pins, directions, FIFO levels, events and each core's
 * pc and state, and a CSV with one row per change of the pins or directions.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run BIO programs (.S assembled with riscv64-unknown-elf-gcc, or raw .bin images) on the",
            "cycle-level BIO model. The i-th program goes to core i; cycle 0 is the cores' first clock after",
            "their restart. Writes PROG.vcd and PROG-pins.csv (or the --vcd/--csv paths)."})
public final class BioRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..4", paramLabel = "PROG", description = "Programs for cores 0..3 (.S, .s or .bin).")
    private List<Path> programs;

    @Option(names = "--cycles", defaultValue = "100000", description = "BIO clocks to run after the start (${DEFAULT-VALUE}).")
    private long cycles;

    @Option(names = "--qdiv", paramLabel = "CORE=VALUE", description = "QDIVn register value, e.g. 0=0x00640000 (DIV_INT in [31:16], DIV_FRAC in [15:8]).")
    private Map<Integer, String> qdiv = new LinkedHashMap<>();

    @Option(names = "--push", paramLabel = "FIFO=VALUE", description = "Words the host pushes into a FIFO before the start; repeatable.")
    private List<String> pushes = List.of();

    @Option(names = "--pins-in", defaultValue = "0", paramLabel = "VALUE", description = "Levels driven onto the input pins (${DEFAULT-VALUE}).")
    private String pinsIn;

    @Option(names = "--no-errata", description = "Switch off the two silicon errata (phantom rs1 FIFO pop, phantom x20 wait).")
    private boolean noErrata;

    @Option(names = "--vcd", paramLabel = "FILE", description = "VCD output (default: first program's name with .vcd).")
    private Path vcd;

    @Option(names = "--csv", paramLabel = "FILE", description = "Pin-change CSV output (default: first program's name with -pins.csv).")
    private Path csv;

    @Override
    public Integer call() {
        if (cycles < 0) {
            throw new TandemException("--cycles must not be negative, got " + cycles);
        }
        BioConfig config = BioConfig.DEFAULT.withErrata(!noErrata);
        Bio bio = new Bio(config, null);
        int started = 0;
        for (int core = 0; core < programs.size(); core++) {
            bio.loadProgram(core, image(programs.get(core)));
            started |= 1 << core;
        }
        for (Map.Entry<Integer, String> e : qdiv.entrySet()) {
            int core = e.getKey();
            if (core < 0 || core > 3) {
                throw new TandemException("--qdiv " + core + "=...: core must be 0..3");
            }
            bio.store(0x50 + 4 * core, (int) number("--qdiv " + core, e.getValue()), 4);
        }
        bio.drivePins((int) number("--pins-in", pinsIn));
        Path first = programs.get(0);
        String base = stripExtension(first.getFileName().toString());
        Path vcdPath = vcd != null ? vcd : first.resolveSibling(base + ".vcd");
        Path csvPath = csv != null ? csv : first.resolveSibling(base + "-pins.csv");

        bio.store(0x00, started * 0x111, 4);
        long restartHold = 3L * config.pclkRatio();
        bio.run(restartHold);
        long origin = bio.cycle();
        PrintWriter out = spec.commandLine().getOut();
        try (BioTrace trace = BioTrace.open(vcdPath, csvPath, bio, origin)) {
            bio.setObserver(trace);
            for (String push : pushes) {
                int eq = push.indexOf('=');
                long fifo = eq > 0 ? number("--push", push.substring(0, eq)) : -1;
                if (fifo < 0 || fifo > 3) {
                    throw new TandemException("--push " + push + ": expected FIFO=VALUE with FIFO 0..3");
                }
                bio.store(0x10 + 4 * (int) fifo, (int) number("--push", push.substring(eq + 1)), 4);
                if (bio.cycle() - origin < cycles) {
                    bio.run(1);
                }
            }
            bio.run(Math.max(0, cycles - (bio.cycle() - origin)));
            bio.setObserver(null);
            out.printf("ran %d BIO clocks; %d pin changes%n", bio.cycle() - origin, trace.pinChanges());
        } catch (IOException e) {
            throw new TandemException(vcdPath + ": cannot write: " + e.getMessage(), e);
        }
        for (int core = 0; core < programs.size(); core++) {
            out.printf("core %d: pc 0x%03x%s%n", core, bio.pc(core), bio.trapped(core) ? " trapped" : "");
        }
        out.printf("FIFO levels %d %d %d %d; wrote %s and %s%n", bio.fifoLevel(0), bio.fifoLevel(1),
                bio.fifoLevel(2), bio.fifoLevel(3), vcdPath, csvPath);
        out.flush();
        return Tandem.PASS;
    }

    private static byte[] image(Path program) {
        String name = program.getFileName().toString();
        if (name.endsWith(".bin")) {
            try {
                return Files.readAllBytes(program);
            } catch (IOException e) {
                throw new TandemException(program + ": cannot read: " + e.getMessage(), e);
            }
        }
        return BioAssembler.assemble(program);
    }

    private static long number(String what, String text) {
        String t = text.trim().replace("_", "");
        try {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new TandemException(what + ": '" + text + "' is not a number");
        }
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
