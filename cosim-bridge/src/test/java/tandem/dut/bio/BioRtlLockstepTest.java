package tandem.dut.bio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tandem.dut.BuildCache;
import tandem.golden.bio.BioAssembler;

/**
 * Every BIO example program of the golden model's tests
 * ({@code golden-model/src/test/resources/tandem/golden/bio}), and small programs for each
 * erratum and arbitration rule, on the user's Baochip-1x BIO RTL and on the model through
 * {@link BioLockstep}: cycle for cycle agreement of pins, directions, FIFO levels and every
 * core's pc, x31 at the start and the words read back. Runs when {@code TANDEM_BIO_RTL} names the
 * RTL (a Baochip-1x checkout or a folder in it, a flat folder of the files, or files and .f lists
 * separated by {@code :}); never part of Tandem.
 */
class BioRtlLockstepTest {

    private static final Path EXAMPLES = Path.of("..", "golden-model", "src", "test", "resources", "tandem", "golden", "bio");
    private static final List<String> SUMMARY = new ArrayList<>();
    private static BioLockstep lockstep;

    /** One comparison: a name and how its stimulus is made from a program loader. */
    private record Case(String name, Function<Function<String, byte[]>, BioStimulus> stimulus) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Small programs for the errata and arbitration cases. */
    private static final Map<String, String[]> INLINE = Map.of(
            "phantom20", new String[] {".option norvc", "li a0, 0xFF", "mv pinmask, a0", "mv dirout, a0",
                "1: addi a1, a1, 20", "mv pins, a1", "j 1b"},
            "slli20", new String[] {"mv fifo1, clk", "c.slli a1, 20", "li a0, 1", "mv dirout, a0", "mv pinset, a0", "ebreak"},
            "writer1", new String[] {"li a0, 1", "mv fifo0, a0", "mv pinset, a0", "li a1, 0", "mv pinclr, a1",
                "mv evset, a0", "ebreak"},
            "writer2", new String[] {"li a0, 2", "mv fifo0, a0", "mv pinclr, x0", "li a1, 1", "mv pinset, a1",
                "mv evset, a0", "ebreak"},
            "luipop", new String[] {"lui a0, 0x80", "li a1, 1", "mv dirout, a1", "mv pinset, a1", "ebreak"},
            "mulfifo", new String[] {"li a1, 3", "mul a0, fifo0, a1", "mv dirout, a0", "mv pinset, a0", "ebreak"},
            "pusher", new String[] {"li a0, 5", "1: mv fifo0, a0", "addi a0, a0, -1", "bnez a0, 1b", "ebreak"},
            "peek", new String[] {"addi a0, fifo0, 16", "addi a1, fifo0, 16", "li t0, 0xFF", "mv pinmask, t0",
                "mv dirout, t0", "mv pins, a0", "mv pins, a1", "ebreak"},
            // RTL quirk: an x20 access whose quantum comes on the very next clock, followed by a
            // 32-bit instruction at 2 mod 4, fetches a corrupted instruction; a slower quantum does not
            "misfetch", new String[] {"li t0, 0xFF", "mv pinmask, t0", "mv dirout, t0", "li a5, 0x3C",
                "c.addi s4, 1", "lw a5, 0x200(x0)", "mv pins, a5", "c.nop", "ebreak", ".balign 0x200", ".word 0x55"});

    static List<Case> cases() {
        return List.of(
                new Case("blink", p -> BioStimulus.start(0x1, 0, 70_000).withProgram(0, p.apply("blink.S"))
                        .withDivider(0, 0x0001_0000)),
                new Case("aclk", p -> BioStimulus.start(0x2, 1, 300).withProgram(1, p.apply("aclk.S"))
                        .withDivider(1, 0x000A_0000).withReads(1, 7)),
                new Case("quantum-blink", p -> BioStimulus.start(0x1, 0, 2000).withProgram(0, p.apply("quantum-blink.S"))
                        .withDivider(0, 0x0064_0000)),
                new Case("fifo-echo", p -> BioStimulus.start(0x3, 0, 2000).withProgram(0, p.apply("fifo-echo.S"))
                        .withProgram(1, p.apply("fifo-echo-peer.S"))),
                new Case("event-handshake", p -> BioStimulus.start(0x8, 3, 500).withProgram(3, p.apply("event-handshake.S"))
                        .withWrite(100, BioStimulus.EVENT_SET, 0x1).withWrite(250, BioStimulus.EVENT_CLEAR, 0x2)
                        .withWrite(260, BioStimulus.EVENT_SET, 0x4)),
                new Case("uart-tx", p -> BioStimulus.start(0x1, 0, 2000).withProgram(0, p.apply("uart-tx.S"))
                        .withDivider(0, 0x0064_0000).withPush(50, 0, 0x41)),
                new Case("spi-shifter", p -> BioStimulus.start(0x2, 1, 3000).withProgram(1, p.apply("spi-shifter.S"))
                        .withDivider(1, 0x0008_0000).withPush(50, 1, 0xA5C30F96)),
                new Case("host-exchange", p -> BioStimulus.start(0x4, 2, 300).withProgram(2, p.apply("host-exchange.S"))
                        .withPush(50, 2, 7).withPush(51, 2, 100)),
                new Case("phantom-x20-odd-quantum", p -> BioStimulus.start(0x1, 0, 3000).withProgram(0, p.apply("phantom20"))
                        .withDivider(0, 0x003F_0000)),
                new Case("phantom-x20-even-quantum-livelock", p -> BioStimulus.start(0x1, 0, 3000)
                        .withProgram(0, p.apply("phantom20")).withDivider(0, 0x0040_0000)),
                new Case("phantom-x20-repeats-push", p -> BioStimulus.start(0x1, 0, 600).withProgram(0, p.apply("slli20"))
                        .withDivider(0, 0x0040_0000)),
                new Case("contested-fifo-gpio-event-writes", p -> BioStimulus.start(0x3, 0, 200)
                        .withProgram(0, p.apply("writer1")).withProgram(1, p.apply("writer2"))),
                new Case("lui-phantom-pop", p -> BioStimulus.start(0x3, 0, 300).withProgram(0, p.apply("luipop"))
                        .withProgram(1, p.apply("pusher"))),
                new Case("mul-drains-fifo", p -> BioStimulus.start(0x3, 0, 300).withProgram(0, p.apply("mulfifo"))
                        .withProgram(1, p.apply("pusher"))),
                new Case("immediate-turns-pop-into-peek", p -> BioStimulus.start(0x3, 0, 300).withProgram(0, p.apply("peek"))
                        .withProgram(1, p.apply("pusher"))),
                new Case("quantum-read-then-misaligned-load", p -> BioStimulus.start(0x1, 0, 300)
                        .withProgram(0, p.apply("misfetch")).withDivider(0, 0x0000_0000)),
                new Case("quantum-read-then-misaligned-load-slow-quantum", p -> BioStimulus.start(0x1, 0, 300)
                        .withProgram(0, p.apply("misfetch")).withDivider(0, 0x0003_0000)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bioRtlAndModelAgreeCycleForCycle(Case c) {
        BioLockstep l = lockstep();
        BioStimulus s = c.stimulus().apply(BioRtlLockstepTest::image);
        BioComparison r = l.run(s, Path.of("target", "bio-lockstep", c.name()).toAbsolutePath());
        synchronized (SUMMARY) {
            SUMMARY.add(c.name() + ": " + r.detail());
        }
        assertTrue(r.matched(), c.name() + ": " + r.detail() + (r.report() != null ? " (report " + r.report() + ")" : ""));
    }

    @AfterAll
    static void printSummary() {
        if (!SUMMARY.isEmpty()) {
            System.out.println("BIO RTL against the model:\n  " + String.join("\n  ", SUMMARY));
        }
    }

    private static synchronized BioLockstep lockstep() {
        String where = System.getenv("TANDEM_BIO_RTL");
        Assumptions.assumeTrue(where != null && !where.isBlank(),
                "set TANDEM_BIO_RTL (the Baochip-1x BIO RTL: a checkout folder, or files/.f lists separated by ':')"
                        + " to compare the BIO model with it cycle for cycle");
        if (lockstep == null) {
            List<Path> given = new ArrayList<>();
            for (String f : where.split(":")) {
                given.add(Path.of(f));
            }
            lockstep = BioLockstep.build(given, BuildCache.standard(), System.err);
        }
        return lockstep;
    }

    /** The image of example program {@code name} ({@code .S}) or of an inline case. */
    private static byte[] image(String name) {
        if (name.endsWith(".S")) {
            return BioAssembler.assemble(EXAMPLES.resolve(name));
        }
        try {
            Path file = Files.createTempFile("bio", ".S");
            try {
                Files.writeString(file, "#include \"bio.h\"\n.text\n" + String.join("\n", INLINE.get(name)) + "\n");
                return BioAssembler.assemble(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
