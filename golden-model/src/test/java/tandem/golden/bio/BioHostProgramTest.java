package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Baochip-1x CPU programs driving the BIO, run on the platform with the BIO as one of its
 * devices: {@code cpu/host-drives-bio.S} loads a BIO program through the code window, starts it
 * and exchanges FIFO words with it; {@code cpu/host-waits-for-bio-irq.S} sleeps in WFI until a
 * BIO event raises the BIO's interrupt (IRQ array bank 18). The BIO follows the CPU's clock (two BIO clocks per CPU clock on this
 * platform), so every register access meets the BIO at the CPU's current time.
 */
class BioHostProgramTest {

    private static final String DIR = "cpu/";

    @Test
    void cpuProgramLoadsStartsAndTalksToABioCore() throws IOException {
        Machine machine = Machine.create(Platform.named("baochip-1x"), Profile.BAOCHIP_1X);
        machine.loadElf(build("host-drives-bio", "bio-doubler"));
        Bio bio = machine.device("bio", Bio.class).orElseThrow();
        List<String> pins = new ArrayList<>();
        List<Long> fifo1Rises = new ArrayList<>();
        List<Long> fifo1Falls = new ArrayList<>();
        int[] last = {0, 0};
        bio.setObserver(b -> {
            int now = b.pins() & 0xFF;
            if (now != last[0]) {
                pins.add(Integer.toHexString(now));
                last[0] = now;
            }
            int level = b.fifoLevel(1);
            if (level > last[1]) {
                fifo1Rises.add(b.cycle());
            } else if (level < last[1]) {
                fifo1Falls.add(b.cycle());
            }
            last[1] = level;
        });
        StopReason reason = machine.run(200_000);
        assertTrue(reason.passed(), reason.describe());
        assertEquals(List.of("5a", "6b", "7c"), pins, "the BIO showed each word's low byte on pins 7:0");
        assertEquals(3, fifo1Rises.size(), "three answers in FIFO 1");
        assertEquals(0, bio.fifoLevel(0));
        assertEquals(0, bio.fifoLevel(1), "the CPU took every answer");
        assertEquals(3, fifo1Falls.size());
        for (int i = 0; i < 3; i++) {
            // The CPU polls FLEVEL every three instructions (six BIO clocks) and reads RXF1 three
            // instructions after a hit: the pop lands within about two polls of the word becoming
            // visible (11 clocks here), where periodic ticking alone would leave it hundreds.
            long waited = fifo1Falls.get(i) - fifo1Rises.get(i);
            assertTrue(waited > 0 && waited <= 14, "answer " + i + " taken " + waited + " BIO clocks after it arrived");
        }
    }

    @Test
    void cpuSleepsInWfiUntilTheBioInterruptsIt() throws IOException {
        Machine machine = Machine.create(Platform.named("baochip-1x"), Profile.BAOCHIP_1X);
        machine.loadElf(build("host-waits-for-bio-irq", "bio-alarm"));
        Bio bio = machine.device("bio", Bio.class).orElseThrow();
        long[] raised = {-1};
        long[] cleared = {-1};
        bio.setObserver(b -> {
            if ((b.events() & 8) != 0 && raised[0] < 0) {
                raised[0] = b.cycle();
            } else if ((b.events() & 8) == 0 && raised[0] >= 0 && cleared[0] < 0) {
                cleared[0] = b.cycle();
            }
        });
        StopReason reason = machine.run(100_000);
        assertTrue(reason.passed(), reason.describe());
        assertTrue(raised[0] > 300, "the event comes after three quanta of 100 clocks: " + raised[0]);
        // The interrupt leaves the BIO at a host clock (every 8 BIO clocks) and passes the IRQ
        // array's two register stages; but a hart in WFI lets time pass in steps of 256 CPU clocks
        // (512 BIO clocks) and the BIO catches up a step at a time, so the wake-up comes one or
        // two steps after the event, then the handler's EVENT_CLR takes the APB's 11-18 clocks.
        long latency = cleared[0] - raised[0];
        assertTrue(latency > 0 && latency < 2 * 512 + 100, "event cleared " + latency + " BIO clocks after it was raised");
        long slept = machine.hart().cycles() - machine.hart().instret();
        assertTrue(slept >= 256, "the CPU slept in WFI (" + slept + " idle CPU clocks)");
    }

    /** Assembles the BIO program, then builds the CPU program that embeds it. */
    private static Path build(String cpuProgram, String bioProgram) throws IOException {
        Path work = Files.createDirectories(Path.of("target", "bio-host-program").toAbsolutePath());
        for (String name : List.of(cpuProgram + ".S", "baochip-1x.ld", bioProgram + ".S")) {
            try (InputStream in = BioHostProgramTest.class.getResourceAsStream(DIR + name)) {
                Files.write(work.resolve(name), in.readAllBytes());
            }
        }
        Files.write(work.resolve(bioProgram + ".bin"), BioAssembler.assemble(work.resolve(bioProgram + ".S")));
        Path elf = work.resolve(cpuProgram + ".elf");
        CrossToolchain.find().run(work, "gcc", List.of("-march=rv32imac_zicsr", "-mabi=ilp32", "-nostdlib",
                "-nostartfiles", "-T", "baochip-1x.ld", "-Wl,--no-warn-rwx-segments", "-o", elf.toString(),
                cpuProgram + ".S"));
        return elf;
    }
}
