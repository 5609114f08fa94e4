package tandem.golden.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden model and QEMU run the same seeded random programs ({@link RandomProgram}) and must
 * print the same register dumps and memory checksums after the M-, S- and U-mode phases.
 *
 * <p>CI runs the seeds 1..{@value #CI_SEEDS}; {@code -Dseeds=N} runs 1..N and
 * {@code -Dseed=S} runs one seed, e.g. {@code mvn -pl golden-model test
 * -Dtest=QemuDifferentialTest -Dseeds=2000}. {@code -Dinstructions=N} sets the random
 * instructions per phase (default {@value #DEFAULT_INSTRUCTIONS}). A diverging seed's program is
 * kept under {@code target/guest/random-<seed>-*}.
 */
class QemuDifferentialTest {

    /** Seeds run when {@code -Dseeds} is not given. */
    static final int CI_SEEDS = 40;
    /** Random instructions per phase when {@code -Dinstructions} is not given. */
    static final int DEFAULT_INSTRUCTIONS = 400;

    private static final QemuRunner QEMU = new QemuRunner();

    @TestFactory
    Stream<DynamicTest> goldenModelPrintsWhatQemuPrints() {
        int per = Integer.getInteger("instructions", DEFAULT_INSTRUCTIONS);
        String one = System.getProperty("seed");
        LongStream seeds = one != null ? LongStream.of(Long.parseLong(one))
                : LongStream.rangeClosed(1, Integer.getInteger("seeds", CI_SEEDS));
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> compare(seed, per)));
    }

    private static void compare(long seed, int per) {
        Path elf = GuestToolchain.get().assembleTestSource("random-" + seed, RandomProgram.generate(seed, per));
        GuestResult qemu = QEMU.run(elf, Duration.ofSeconds(30));
        assertEquals("PASS", qemu.lastLine(), "seed " + seed + ": the program fails on QEMU itself ("
                + qemu.how() + "): " + qemu.console());
        GuestResult golden = GoldenRunner.run(elf, 50_000_000L);
        assertEquals(qemu.console(), golden.console(), "seed " + seed + " diverges from QEMU (" + golden.how()
                + "); program: " + elf);
    }

    @Test
    void generatorIsDeterministicPerSeed() {
        assertEquals(RandomProgram.generate(7, 100), RandomProgram.generate(7, 100));
        assertTrue(!RandomProgram.generate(7, 100).equals(RandomProgram.generate(8, 100)));
    }
}
