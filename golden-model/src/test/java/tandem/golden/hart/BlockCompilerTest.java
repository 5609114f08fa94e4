package tandem.golden.hart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.golden.testing.DirectedPrograms;
import tandem.golden.testing.GuestResult;
import tandem.golden.testing.GuestToolchain;
import tandem.golden.testing.QemuRunner;
import tandem.golden.testing.RandomProgram;

/**
 * Compiled execution is checked against the interpreter, and on the random programs against
 * QEMU too. Each program runs twice, interpreted and with every block compiled the first time it
 * is entered, in the same seeded series of short instruction budgets (1 to 300 instructions, so
 * runs stop inside compiled regions and at their edges); after every budget pc, instret, the 31
 * registers, the console and the stop reason must be equal. With a listener that takes encoded
 * records ({@link TraceDecoder}), the retire stream of the compiled run, partly appended by
 * compiled code, must equal the interpreter's record for record.
 */
class BlockCompilerTest {

    private static final QemuRunner QEMU = new QemuRunner();

    @TestFactory
    Stream<DynamicTest> directedProgramsRunTheSameCompiled() {
        return DirectedPrograms.all().stream().map(resource -> DynamicTest.dynamicTest(resource, () -> {
            Path elf = GuestToolchain.get().assembleTest(resource);
            Run interpreted = run(elf, 0, resource.hashCode());
            Run compiled = run(elf, 1, resource.hashCode());
            assertSame(resource, interpreted, compiled);
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomProgramsRunTheSameCompiledAndOnQemu() {
        return LongStream.rangeClosed(1, 20).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Path elf = GuestToolchain.get().assembleTestSource("random-" + seed, RandomProgram.generate(seed, 400));
            Run interpreted = run(elf, 0, seed);
            Run compiled = run(elf, 1, seed);
            assertSame("seed " + seed, interpreted, compiled);
            GuestResult qemu = QEMU.run(elf, Duration.ofSeconds(30));
            assertEquals(qemu.console(), compiled.console, "seed " + seed + ": compiled run diverges from QEMU");
        }));
    }

    @TestFactory
    Stream<DynamicTest> compiledRunsAppendTheRetireStreamTheInterpreterRecords() {
        Stream<String> directed = DirectedPrograms.all().stream();
        Stream<String> random = LongStream.rangeClosed(1, 6).mapToObj(seed -> "random " + seed);
        return Stream.concat(directed, random).map(name -> DynamicTest.dynamicTest(name, () -> {
            Path elf = name.startsWith("random ")
                    ? GuestToolchain.get().assembleTestSource("random-" + name.substring(7),
                            RandomProgram.generate(Long.parseLong(name.substring(7)), 400))
                    : GuestToolchain.get().assembleTest(name);
            TraceDecoder interpreted = traced(elf, 0, name.hashCode());
            TraceDecoder compiled = traced(elf, 1, name.hashCode());
            assertEquals(0, interpreted.appendedRecords, name);
            assertTrue(compiled.appendedRecords > 0, name + ": compiled code appended nothing");
            for (int i = 0; i < Math.min(interpreted.lines.size(), compiled.lines.size()); i++) {
                assertEquals(interpreted.lines.get(i), compiled.lines.get(i), name + ": record " + i);
            }
            assertEquals(interpreted.lines.size(), compiled.lines.size(), name + ": records");
        }));
    }

    private static TraceDecoder traced(Path elf, int threshold, long seed) {
        Machine m = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        m.loadElf(elf);
        m.hart().setCompileThreshold(threshold);
        TraceDecoder decoder = new TraceDecoder();
        m.hart().addRetireListener(decoder);
        Random budgets = new Random(seed);
        for (long total = 0; total < 2_000_000L; ) {
            int budget = 1 + budgets.nextInt(300);
            total += budget;
            if (m.run(budget).kind() != StopReason.Kind.BUDGET) {
                break;
            }
        }
        m.hart().removeRetireListener(decoder);
        return decoder;
    }

    /**
     * The rv32im profile (no C: jump targets must be 4-byte aligned) with a hot loop whose last
     * iteration jumps to a misaligned target, by a branch or by JALR: the compiled code leaves
     * the trap to the interpreter at the same instruction.
     */
    @TestFactory
    Stream<DynamicTest> rv32imMisalignedJumpsTrapTheSameCompiled() {
        return Stream.of("beq s1, s2, misaligned", "bne s1, s2, 1f\n  jalr zero, 2(s3)\n1:").map(jump ->
                DynamicTest.dynamicTest(jump, () -> {
                    String source = String.join("\n",
                            ".option norvc",
                            ".globl _start",
                            "_start:",
                            "  la s0, data",
                            "  li s1, 2000",
                            "  li s2, 1",
                            "  la s3, misaligned_base",
                            "loop:",
                            "  lw t0, 0(s0)",
                            "  addi t0, t0, 3",
                            "  sw t0, 0(s0)",
                            "  lb t1, 1(s0)",
                            "  sh t1, 6(s0)",
                            "  jal ra, mix",
                            "  " + jump,
                            "  addi s1, s1, -1",
                            "  bnez s1, loop",
                            "  li t0, 0x100000",
                            "  li t1, 0x5555",
                            "  sw t1, 0(t0)",
                            "mix:",
                            "  add a0, a0, t0",
                            "  xor a1, a1, a0",
                            "  jalr zero, 0(ra)",
                            ".balign 4",
                            "misaligned_base:",
                            "  .2byte 0",
                            "misaligned:",
                            "  nop",
                            ".data",
                            ".balign 4",
                            "data: .word 0x11223344, 0",
                            "");
                    Path elf = GuestToolchain.get().build("rv32im-" + Integer.toHexString(jump.hashCode()),
                            List.of(GuestToolchain.Source.text("rv32im_loop.S", source)),
                            List.of("-nostdlib", "-nostartfiles", "-march=rv32im", "-mno-relax", "-Wl,--no-relax"));
                    Run interpreted = run(elf, Profile.RV32IM, 0, 7);
                    Run compiled = run(elf, Profile.RV32IM, 1, 7);
                    assertSame(jump, interpreted, compiled);
                    assertTrue(compiled.checkpoints.get(compiled.checkpoints.size() - 1).contains("trap loop: instruction address misaligned"),
                            compiled.checkpoints.get(compiled.checkpoints.size() - 1));
                }));
    }

    /** The state after each budget of one run. */
    private record Run(List<String> checkpoints, String console, long compiledRegions) {
    }

    private static Run run(Path elf, int threshold, long seed) {
        return run(elf, Profile.VEXRISCV, threshold, seed);
    }

    private static Run run(Path elf, Profile profile, int threshold, long seed) {
        Machine m = Machine.create(Platform.named("virt"), profile);
        m.loadElf(elf);
        Hart h = m.hart();
        h.setCompileThreshold(threshold);
        Random budgets = new Random(seed);
        List<String> checkpoints = new ArrayList<>();
        long total = 0;
        while (total < 5_000_000L) {
            int budget = 1 + budgets.nextInt(300);
            StopReason stop = m.run(budget);
            total += budget;
            int[] x = new int[32];
            for (int i = 0; i < 32; i++) {
                x[i] = h.x(i);
            }
            checkpoints.add(String.format("pc %08x instret %d priv %d x %s", h.pc(), h.instret(), h.privilege(),
                    java.util.Arrays.toString(x)));
            if (stop.kind() != StopReason.Kind.BUDGET) {
                checkpoints.add(stop.describe());
                break;
            }
        }
        return new Run(checkpoints, m.console().text(), h.compiledRegions());
    }

    private static void assertSame(String what, Run interpreted, Run compiled) {
        assertEquals(0, interpreted.compiledRegions, what + ": the interpreted run compiled");
        assertTrue(compiled.compiledRegions > 0, what + ": nothing was compiled");
        int n = Math.min(interpreted.checkpoints.size(), compiled.checkpoints.size());
        for (int i = 0; i < n; i++) {
            assertEquals(interpreted.checkpoints.get(i), compiled.checkpoints.get(i), what + ": checkpoint " + i);
        }
        assertEquals(interpreted.checkpoints.size(), compiled.checkpoints.size(), what + ": number of checkpoints");
        assertEquals(interpreted.console, compiled.console, what + ": console");
        assertArrayEquals(interpreted.checkpoints.toArray(), compiled.checkpoints.toArray());
    }
}
