package tandem.vectors.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.VerilatorBuild;
import tandem.dut.rtl.PreparedRtl;
import tandem.dut.rtl.RtlPreparation;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;
import tandem.vectors.asm.AssembledProgram;
import tandem.vectors.asm.CsrNames;

/**
 * A seeded set of {@link ProgramGenerator} programs (ALU, M, A, C, loads/stores, traps, privilege
 * switches, Sv32 over every kind of leaf, software interrupts) on the user's Baochip-1x VexRiscv in
 * lockstep with the golden {@code baochip-1x} profile; every program must reach its end with no
 * divergence. Runs only when {@code TANDEM_VEXRISCV_RTL} (files or .f lists, {@code :}-separated)
 * and {@code TANDEM_VEXRISCV_TOP} name the RTL.
 *
 * <p>Only the harness is added: the generated programs run from 0x8000_0000 (their fixed base; a
 * RAM the Baochip-1x core caches is added there) and their end loop first writes a finisher at
 * 0xA000_0000, a range the core always accesses uncached, so the run has an end both sides see.
 */
class BaochipRandomLockstepTest {

    private static final long SEED = 1;
    private static final int PROGRAMS = 200;
    private static final long FINISHER = 0xA000_0000L;
    private static final List<String> SUMMARY = new ArrayList<>();
    private static DutLibrary library;

    static IntStream programs() {
        return IntStream.range(0, PROGRAMS);
    }

    @ParameterizedTest
    @MethodSource("programs")
    void generatedProgramRunsOnTheBaochipCoreWithoutDivergence(int index) {
        DutLibrary lib = library();
        GeneratedProgram generated = finishing(new ProgramGenerator(GeneratorConfig.DEFAULT).generate(SEED, index));
        AssembledProgram asm = generated.assemble(CsrNames.of(Profile.BAOCHIP_1X));
        Machine machine = Machine.create(platform(), Profile.BAOCHIP_1X);
        LockstepSession session = new LockstepSession(lib, null, lib.top() + " vs golden baochip-1x: " + generated.name());
        Path out = Path.of("target", "baochip-random", generated.name()).toAbsolutePath();
        LockstepResult r = session.run(machine, m -> {
            m.poke(GeneratedProgram.BASE, asm.image(), generated.name());
            m.hart().setPc((int) GeneratedProgram.BASE);
            return List.of(new LockstepSession.Segment(GeneratedProgram.BASE, asm.image(), asm.image().length));
        }, LockstepOptions.defaults(out).withMaxCycles(20_000_000), null);
        synchronized (SUMMARY) {
            SUMMARY.add(String.format("%s: %s, %,d retires, %,d cycles", generated.name(), r.outcome(), r.retires(), r.cycles()));
        }
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), generated.name() + ": " + r.detail()
                + (r.report() != null ? " (report " + r.report() + ")" : ""));
    }

    @AfterAll
    static void printSummary() {
        if (!SUMMARY.isEmpty()) {
            System.out.println("Generated programs (seed " + SEED + ") on the Baochip-1x core in lockstep:\n  "
                    + String.join("\n  ", SUMMARY));
        }
    }

    /** The program with its end loop preceded by a store of PASS to the finisher. */
    static GeneratedProgram finishing(GeneratedProgram p) {
        List<String> epilogue = new ArrayList<>(p.epilogue());
        if (!epilogue.get(0).equals(GeneratedProgram.END + ":")) {
            throw new IllegalStateException(p.name() + ": the epilogue no longer starts with the end label");
        }
        epilogue.addAll(1, List.of(
                String.format("    lui t6, 0x%x", FINISHER >>> 12),
                "    lui t5, 0x5",
                "    addi t5, t5, 0x555",
                "    sw t5, 0(t6)"));
        return new GeneratedProgram(p.name(), p.seed(), p.prologue(), p.body(), epilogue);
    }

    /** Baochip-1x with a RAM at the programs' base and a finisher in the uncached range. */
    static Platform platform() {
        try (InputStream in = Platform.class.getResourceAsStream("/tandem/golden/platform/baochip-1x.platform")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text += String.format("%nram       test_ram  0x%08x  1M%ndevice    finisher  sifive-test 0x%08x  0x1000%n",
                    GeneratedProgram.BASE, FINISHER);
            return Platform.parse("baochip-1x.platform + test harness", text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the baochip-1x platform", e);
        }
    }

    private static synchronized DutLibrary library() {
        String files = System.getenv("TANDEM_VEXRISCV_RTL");
        String top = System.getenv("TANDEM_VEXRISCV_TOP");
        Assumptions.assumeTrue(files != null && top != null,
                "set TANDEM_VEXRISCV_RTL (files or .f lists, ':'-separated) and TANDEM_VEXRISCV_TOP to run generated"
                        + " programs in lockstep on a Baochip-1x VexRiscv");
        if (library == null) {
            List<Path> paths = new ArrayList<>();
            for (String f : files.split(":")) {
                paths.add(Path.of(f));
            }
            BuildCache cache = BuildCache.standard();
            PreparedRtl prepared = RtlPreparation.prepare(paths, top, cache.root().resolve("prepared"));
            library = new VerilatorBuild(cache, System.err).build(prepared, null, false);
        }
        return library;
    }
}
