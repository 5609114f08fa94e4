package tandem.cli.bench;

import java.util.List;

/**
 * The CPU benchmark guests shipped with Tandem (C sources under {@code tandem/cli/bench/}, our
 * own code), with the iteration counts {@code tandem bench cpu} uses by default.
 */
public enum GuestBenchmark {
    /** List, matrix, state-machine and CRC work in M-mode, physical addressing. */
    COREMARK_LIKE("coremark-like", 16000, List.of("coremark_like.c", "mixed_workload.c")),
    /** Record copies, short strings and small procedures in M-mode. */
    DHRYSTONE_LIKE("dhrystone-like", 20_000, List.of("dhrystone_like.c")),
    /** The coremark-like workload under Sv32: half in S-mode, half in U-mode, 4 KiB pages. */
    SV32_MODES("sv32-modes", 16000, List.of("sv32_modes.c", "sv32_mode.S", "mixed_workload.c"));

    /** Files every guest links: start-up, console output, the shared header and linker script. */
    static final List<String> COMMON = List.of("crt0.S", "bench_io.c");
    static final List<String> HEADERS = List.of("bench.h", "virt.ld");

    private final String label;
    private final int iterations;
    private final List<String> sources;

    GuestBenchmark(String label, int iterations, List<String> sources) {
        this.label = label;
        this.iterations = iterations;
        this.sources = sources;
    }

    /** Name on the command line and in the table. */
    public String label() {
        return label;
    }

    /** Default iteration count of the measured run. */
    public int iterations() {
        return iterations;
    }

    /** The program's own sources (besides {@link #COMMON}). */
    public List<String> sources() {
        return sources;
    }

    /** Whether the program runs with translation on. */
    public boolean translated() {
        return this == SV32_MODES;
    }

    /** The benchmark named {@code label}. */
    public static GuestBenchmark named(String label) {
        for (GuestBenchmark b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new tandem.golden.TandemException("unknown benchmark '" + label + "' (known: coremark-like, dhrystone-like, sv32-modes)");
    }
}
