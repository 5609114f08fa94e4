package tandem.cli.bio;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.cli.OutputOptions;
import tandem.cli.ProgressDisplay;
import tandem.cli.Summary;
import tandem.cli.Tandem;
import tandem.golden.TandemException;
import tandem.golden.bio.Bio;
import tandem.golden.bio.BioConfig;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;

/**
 * {@code tandem bio run}: runs BIO programs on the BIO model, or a CPU program that drives the
 * BIO, and records the block: a VCD of pins, directions, FIFO levels, events and each core's pc
 * and state, and a CSV with one row per change of the pins or directions.
 *
 * <p>Stand-alone, the programs go to cores 0, 1, 2, 3 in order and start the way the Xous driver
 * starts them (EN + RESTART + CLKDIV_RESTART in one CTRL write); cycle 0 is the cores' first
 * clock after their restart. With an ELF the platform's CPU runs it, the BIO being one of the
 * platform's devices that follows the CPU's clock; cycle 0 is the CPU's reset, and the run ends
 * when the program does (tohost, exit ECALL) or after {@code --cycles} BIO clocks.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run BIO programs (.S assembled with riscv64-unknown-elf-gcc, or raw .bin images) on the",
            "cycle-level BIO model, or a CPU program (.elf) that loads and starts BIO programs on a platform",
            "with a BIO (baochip-1x). The i-th BIO program goes to core i; cycle 0 is the cores' first clock",
            "after their restart (for an ELF: the CPU's reset). Writes PROG.vcd and PROG-pins.csv (or the",
            "--vcd/--csv paths)."})
public final class BioRunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..4", paramLabel = "PROG", description = "BIO programs for cores 0..3 (.S, .s or .bin), or one CPU program (.elf).")
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

    @Option(names = "--platform", defaultValue = "baochip-1x", description = "Platform for a CPU program (${DEFAULT-VALUE}); it needs a 'bio' device.")
    private String platform;

    @Option(names = "--profile", defaultValue = "baochip-1x", description = "CPU profile for a CPU program (${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--vcd", paramLabel = "FILE", description = "VCD output (default: first program's name with .vcd).")
    private Path vcd;

    @Option(names = "--csv", paramLabel = "FILE", description = "Pin-change CSV output (default: first program's name with -pins.csv).")
    private Path csv;

    @Mixin
    private OutputOptions output;

    /** What ended a run driven by a CPU program, or null for a stand-alone run. */
    private StopReason cpuStop;
    private Machine machine;

    @Override
    public Integer call() {
        if (cycles < 0) {
            throw new TandemException("--cycles must not be negative, got " + cycles);
        }
        Path first = programs.get(0);
        boolean cpuProgram = first.getFileName().toString().endsWith(".elf");
        if (cpuProgram && programs.size() > 1) {
            throw new TandemException(first + ": a CPU program loads its BIO programs itself; give it alone");
        }
        String base = stripExtension(first.getFileName().toString());
        Path vcdPath = vcd != null ? vcd : first.resolveSibling(base + ".vcd");
        Path csvPath = csv != null ? csv : first.resolveSibling(base + "-pins.csv");
        Bio bio = cpuProgram ? platformBio(first) : standaloneBio();
        long origin = bio.cycle();
        long start = System.nanoTime();
        long ran;
        long pinChanges;
        try (BioTrace trace = BioTrace.open(vcdPath, csvPath, bio, origin);
                ProgressDisplay bar = output.progress("bio", cycles, " M clocks", 1_000_000)) {
            bio.setObserver(trace);
            if (cpuProgram) {
                ran = BioProgress.run(cycles, bar, n -> runCpu(bio, n));
            } else {
                pushBeforeStart(bio, origin);
                long before = bio.cycle() - origin;
                bar.stepTo(before);
                ran = before + BioProgress.run(Math.max(0, cycles - before), bar, n -> {
                    bio.run(n);
                    return n;
                });
            }
            bio.setObserver(null);
            pinChanges = trace.pinChanges();
        } catch (IOException e) {
            throw new TandemException(vcdPath + ": cannot write: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int cores = cpuProgram ? 4 : programs.size();
        Summary summary = summary(ran, pinChanges, cores, seconds, vcdPath, csvPath, bio);
        return summary.print(output, spec.commandLine(), cpuStop == null || cpuStop.passed() ? Tandem.PASS : Tandem.FAIL);
    }

    /** A BIO with the programs loaded and started, at its cores' first clock. */
    private Bio standaloneBio() {
        BioConfig config = BioConfig.DEFAULT.withErrata(!noErrata);
        Bio bio = new Bio(config, null);
        int started = 0;
        for (int core = 0; core < programs.size(); core++) {
            bio.loadProgram(core, BioArguments.image(programs.get(core)));
            started |= 1 << core;
        }
        configure(bio);
        bio.store(0x00, started * 0x111, 4);
        bio.run(3L * config.pclkRatio());
        return bio;
    }

    private void configure(Bio bio) {
        for (Map.Entry<Integer, String> e : qdiv.entrySet()) {
            int core = e.getKey();
            if (core < 0 || core > 3) {
                throw new TandemException("--qdiv " + core + "=...: core must be 0..3");
            }
            bio.store(0x50 + 4 * core, (int) BioArguments.number("--qdiv " + core, e.getValue()), 4);
        }
        bio.drivePins((int) BioArguments.number("--pins-in", pinsIn));
    }

    /** The platform's BIO with the CPU program loaded, at the CPU's reset. */
    private Bio platformBio(Path elf) {
        if (noErrata) {
            throw new TandemException("--no-errata applies to stand-alone BIO programs; the platform's BIO is the silicon");
        }
        if (!pushes.isEmpty()) {
            throw new TandemException("--push applies to stand-alone BIO programs; a CPU program pushes through TXFn itself");
        }
        machine = Machine.create(Platform.named(platform), Profile.named(profile));
        Bio bio = machine.device("bio", Bio.class).orElseThrow(() -> new TandemException(
                "platform " + platform + " has no BIO (a device named 'bio'); see 'tandem platforms'"));
        machine.loadElf(elf);
        machine.enableEcallConvention();
        if (output.human()) {
            PrintWriter out = spec.commandLine().getOut();
            machine.console().addSink((uart, b) -> {
                out.write(b);
                if (b == '\n') {
                    out.flush();
                }
            });
        }
        configure(bio);
        return bio;
    }

    /** Runs the CPU until the BIO advanced {@code bioCycles} or the program ended; returns the clocks run. */
    private long runCpu(Bio bio, long bioCycles) {
        if (cpuStop != null) {
            return 0;
        }
        long from = bio.cycle();
        long target = from + bioCycles;
        BioConfig config = bio.config();
        while (bio.cycle() < target) {
            long left = Math.min(target - bio.cycle(), 1L << 40);
            long cpuCycles = Math.max(1, left * config.bioCyclesPerCpuCycleDen() / config.bioCyclesPerCpuCycleNum());
            StopReason reason = machine.run(cpuCycles);
            bio.tick(0);
            if (reason.kind() != StopReason.Kind.BUDGET) {
                cpuStop = reason;
                break;
            }
        }
        return bio.cycle() - from;
    }

    private void pushBeforeStart(Bio bio, long origin) {
        for (String push : pushes) {
            int eq = push.indexOf('=');
            long fifo = eq > 0 ? BioArguments.number("--push", push.substring(0, eq)) : -1;
            if (fifo < 0 || fifo > 3) {
                throw new TandemException("--push " + push + ": expected FIFO=VALUE with FIFO 0..3");
            }
            bio.store(0x10 + 4 * (int) fifo, (int) BioArguments.number("--push", push.substring(eq + 1)), 4);
            if (bio.cycle() - origin < cycles) {
                bio.run(1);
            }
        }
    }

    /** The figures of the run, for the summary screen and the JSON object. */
    private Summary summary(long ran, long pinChanges, int cores, double seconds, Path vcdPath, Path csvPath, Bio bio) {
        Summary summary = new Summary("bio run");
        summary.figure("programs", programs.stream().map(Path::toString).toList())
                .figure("cycles", ran).figure("seconds", seconds).figure("pinChanges", pinChanges);
        if (cpuStop != null) {
            String line = "CPU program: " + cpuStop.describe();
            summary.line("tandem: " + line);
            if (!cpuStop.passed()) {
                summary.problem(line);
            }
        }
        summary.line("ran %d BIO clocks in %.2f s (%.1f M clocks/s); %d pin changes", ran, seconds,
                ran / Math.max(seconds, 1e-9) / 1e6, pinChanges);
        List<Map<String, Object>> coreList = new ArrayList<>();
        for (int core = 0; core < cores; core++) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("core", core);
            c.put("pc", String.format("0x%03x", bio.pc(core)));
            c.put("trapped", bio.trapped(core));
            coreList.add(c);
            summary.line("core %d: pc 0x%03x%s", core, bio.pc(core), bio.trapped(core) ? " trapped" : "");
        }
        summary.line("FIFO levels %d %d %d %d; wrote %s and %s", bio.fifoLevel(0), bio.fifoLevel(1),
                bio.fifoLevel(2), bio.fifoLevel(3), vcdPath, csvPath);
        summary.figure("cores", coreList)
                .figure("fifoLevels", List.of(bio.fifoLevel(0), bio.fifoLevel(1), bio.fifoLevel(2), bio.fifoLevel(3)))
                .figure("pins", String.format("0x%08x", bio.pins()))
                .figure("directions", String.format("0x%08x", bio.directions()));
        if (machine != null) {
            summary.figure("stop", cpuStop == null ? "cycles" : cpuStop.kind().name().toLowerCase(Locale.ROOT))
                    .figure("passed", cpuStop == null || cpuStop.passed())
                    .figure("programExitCode", cpuStop == null ? 0 : cpuStop.exitCode())
                    .figure("detail", cpuStop == null ? "BIO clock limit reached" : cpuStop.detail())
                    .figure("instructions", machine.hart().instret())
                    .figure("console", machine.console().text());
        }
        return summary.figure("vcd", vcdPath.toString()).figure("csv", csvPath.toString());
    }


    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
