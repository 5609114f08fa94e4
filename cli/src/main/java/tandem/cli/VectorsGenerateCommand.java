package tandem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tandem.golden.TandemException;
import tandem.golden.hart.Profile;
import tandem.golden.isa.Extension;
import tandem.vectors.VectorFormat;
import tandem.vectors.gen.GeneratorConfig;
import tandem.vectors.gen.VectorSetGenerator;

/** {@code tandem vectors generate}: seeded random programs and their golden vectors. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write COUNT random programs (<name>.S and <name>.bin at 0x80000000) and vectors.csv holding",
            "what the golden model did with each (instructions retired, final registers, retire-stream summary).",
            "The same seed and options always write the same bytes. Each row's golden",
            "values are replayed before the command ends."})
public final class VectorsGenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the set.")
    private long seed;

    @Option(names = "--count", defaultValue = "10", paramLabel = "N", description = "Programs to write (${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the set.")
    private Path out;

    @Option(names = "--units", defaultValue = "60", paramLabel = "N", description = "Body units per program (${DEFAULT-VALUE}).")
    private int units;

    @Option(names = "--no-mmu", description = "Leave out the Sv32 sections.")
    private boolean noMmu;

    @Option(names = "--no-privilege", description = "Leave out the M/S/U switches.")
    private boolean noPrivilege;

    @Option(names = "--no-interrupts", description = "Leave out software interrupts.")
    private boolean noInterrupts;

    @Option(names = "--no-traps", description = "Leave out trapping instructions.")
    private boolean noTraps;

    @Option(names = "--no-rvc", description = "Leave out compressed instructions.")
    private boolean noRvc;

    @Option(names = "--no-access-faults",
            description = "Leave out loads from unmapped addresses (lockstep gives no bus error, so such programs do not apply).")
    private boolean noAccessFaults;

    @Option(names = "--profile", defaultValue = "vexriscv",
            description = "CPU the programs are for: vexriscv (everything), baochip-1x (everything, expected values"
                    + " on that profile) or rv32im (SpinalHDL's RiscvCore: no CSRs, traps, C or A) (${DEFAULT-VALUE}).")
    private String profile;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() {
        if (count < 1 || count > 10_000) {
            throw new TandemException("--count must be 1..10000, not " + count);
        }
        if (units < 1 || units > 400) {
            throw new TandemException("--units must be 1..400, not " + units);
        }
        Profile cpu = Profile.named(profile);
        boolean full = cpu.has(Extension.ZICSR) && cpu.has(Extension.PRIV);
        GeneratorConfig config = new GeneratorConfig(units, !noRvc && cpu.has(Extension.C), !noTraps && full,
                !noPrivilege && full, !noMmu && full, !noInterrupts && full, cpu.has(Extension.A), !noAccessFaults);
        // expected values come from the golden model on the profile itself; without CSRs the vector runner
        // (which points mtvec at its trap sink) needs one that has them, and nothing in such a program traps
        VectorFormat format = VectorFormat.DEFAULT.builder().setProfile(full ? cpu : Profile.VEXRISCV).get();
        long start = System.nanoTime();
        Path csv;
        try (ProgressDisplay bar = output.progress("generate", 2L * count, " steps", 1)) {
            csv = new VectorSetGenerator(config, format).write(seed, count, out, n -> {
                bar.stepTo(n);
                bar.extra(n < count ? "writing programs" : "replaying them on the golden model");
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Summary("vectors generate").figure("seed", seed).figure("count", count).figure("units", units)
                .figure("profile", cpu.name()).figure("vectors", csv.toString()).figure("seconds", seconds)
                .line("vectors: %d programs for seed %d in %s (%.2f s); run them with: tandem vectors run %s", count,
                        seed, out, seconds, csv)
                .print(output, spec.commandLine(), Tandem.PASS);
    }
}
