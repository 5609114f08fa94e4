package tandem.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import tandem.dut.BuildCache;
import tandem.dut.BusShape;
import tandem.dut.DutLibrary;
import tandem.dut.RtlSources;
import tandem.dut.rtl.PreparedRtl;
import tandem.dut.rtl.RtlPreparation;
import tandem.dut.VerilatorBuild;
import tandem.dut.riscvcore.RiscvCoreVerilog;
import tandem.golden.TandemException;

/**
 * The RTL a command runs: user files and a top, or — with no {@code --rtl} — SpinalHDL's
 * RiscvCore generated from the registry jar. Shared by {@code tandem lockstep} and
 * {@code tandem bench lockstep}.
 */
public final class RtlOptions {

    @Option(names = "--rtl", arity = "1..*", paramLabel = "FILE",
            description = "Verilog/SystemVerilog files or .f lists of the CPU, or 'riscvcore' for SpinalHDL's"
                    + " RiscvCore (RV32IM, generated from the registry jar; the default of commands that need a CPU).")
    List<Path> rtl = new ArrayList<>();

    @Option(names = "--top", paramLabel = "MODULE", description = "Top module of --rtl.")
    String top;

    @Option(names = "--bus", paramLabel = "SHAPE",
            description = "Bus shape: riscvcore, vexriscv-simple, vexriscv-cached, axi4 (Baochip-1x VexRiscvAxi4),"
                    + " wishbone (LiteX VexRiscv). Default: recognised from the top's ports.")
    String bus;

    @Option(names = "--wait-states", defaultValue = "0", paramLabel = "N", description = "Extra cycles before each bus response (${DEFAULT-VALUE}).")
    int waitStates;

    @Option(names = "--backpressure", defaultValue = "0", paramLabel = "PERCENT",
            description = "Share of cycles a bus command is refused, seeded (${DEFAULT-VALUE}).")
    int backpressure;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the bus back-pressure (${DEFAULT-VALUE}).")
    long seed;

    /** The {@code --rtl} value that names the built-in RiscvCore explicitly. */
    public static final String BUILT_IN = "riscvcore";

    /** Whether the built-in RiscvCore is used: no {@code --rtl}, or {@code --rtl riscvcore}. */
    public boolean builtIn() {
        return rtl.isEmpty() || rtl.size() == 1 && rtl.get(0).toString().equals(BUILT_IN);
    }

    /** Whether {@code --rtl} was given at all (commands where lockstep is optional). */
    public boolean given() {
        return !rtl.isEmpty();
    }

    /**
     * Takes the trailing values of {@code --rtl} that end in {@code suffix} (picocli's
     * {@code 1..*} arity swallows positionals written after {@code --rtl a.v}).
     */
    public List<Path> takeTrailing(String suffix) {
        List<Path> taken = new ArrayList<>();
        while (!rtl.isEmpty() && rtl.get(rtl.size() - 1).toString().endsWith(suffix)) {
            taken.add(0, rtl.remove(rtl.size() - 1));
        }
        return taken;
    }

    /**
     * Takes a trailing {@code .elf} out of {@code --rtl}'s values (picocli's {@code 1..*} arity
     * swallows the positional program in {@code --rtl a.v b.v prog.elf}).
     */
    public Path takeProgram(Path given) {
        if (given != null) {
            return given;
        }
        if (!rtl.isEmpty() && rtl.get(rtl.size() - 1).toString().endsWith(".elf")) {
            return rtl.remove(rtl.size() - 1);
        }
        throw new TandemException("no program given: tandem lockstep [--rtl FILES --top MODULE] PROG.elf");
    }

    /** Builds (or finds cached) the library, without or with tracing. */
    public DutLibrary library(boolean traced, PrintStream log) {
        return library(traced ? VerilatorBuild.Variant.TRACED : VerilatorBuild.Variant.FAST, log);
    }

    /** Builds (or finds cached) the library of {@code variant} (fast, traced, X-check). */
    public DutLibrary library(VerilatorBuild.Variant variant, PrintStream log) {
        BuildCache cache = BuildCache.standard();
        if (builtIn()) {
            Path v = RiscvCoreVerilog.obtain(cache, RiscvCoreVerilog.DEFAULT_RESET_VECTOR);
            return new VerilatorBuild(cache, log).build(RtlSources.of(List.of(v)), RiscvCoreVerilog.TOP,
                    bus == null ? null : BusShape.named(bus), variant);
        }
        if (top == null) {
            throw new TandemException("--top MODULE is required with --rtl");
        }
        PreparedRtl prepared = RtlPreparation.prepare(rtl, top, cache.root().resolve("prepared"));
        prepared.explanation().forEach(line -> log.println("tandem: " + line));
        return new VerilatorBuild(cache, log).build(prepared, bus == null ? null : BusShape.named(bus), variant);
    }

    /** The traced build, made only when a divergence needs a VCD. */
    public Supplier<DutLibrary> tracedLibrary(PrintStream log) {
        return () -> library(true, log);
    }

    /** Extra bus cycles before each response. */
    public int waitStates() {
        return waitStates;
    }

    /** Back-pressure percentage. */
    public int backpressure() {
        return backpressure;
    }

    /** Back-pressure seed. */
    public long seed() {
        return seed;
    }

    /** A line naming the RTL for reports. */
    public String describe() {
        String what = builtIn() ? "SpinalHDL RiscvCore (rv32im, registry-generated)" : top + " from " + rtl;
        return what + ", wait states " + waitStates + ", back-pressure " + backpressure + "%, seed " + seed;
    }
}
