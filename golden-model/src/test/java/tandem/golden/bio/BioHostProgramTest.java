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
 * A Baochip-1x CPU program ({@code cpu/host-drives-bio.S}) that loads a BIO program through the
 * code window, starts it and exchanges FIFO words with it, run on the platform with the BIO as
 * one of its devices. The BIO follows the CPU's clock (two BIO clocks per CPU clock on this
 * platform), so every register access meets the BIO at the CPU's current time.
 */
class BioHostProgramTest {

    private static final String DIR = "cpu/";

    @Test
    void cpuProgramLoadsStartsAndTalksToABioCore() throws IOException {
        Machine machine = Machine.create(Platform.named("baochip-1x"), Profile.BAOCHIP_1X);
        machine.loadElf(build());
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

    /** Assembles the BIO program, then builds the CPU program that embeds it. */
    private static Path build() throws IOException {
        Path work = Files.createDirectories(Path.of("target", "bio-host-program").toAbsolutePath());
        for (String name : List.of("host-drives-bio.S", "baochip-1x.ld", "bio-doubler.S")) {
            try (InputStream in = BioHostProgramTest.class.getResourceAsStream(DIR + name)) {
                Files.write(work.resolve(name), in.readAllBytes());
            }
        }
        Files.write(work.resolve("bio-doubler.bin"), BioAssembler.assemble(work.resolve("bio-doubler.S")));
        Path elf = work.resolve("host-drives-bio.elf");
        CrossToolchain.find().run(work, "gcc", List.of("-march=rv32imac", "-mabi=ilp32", "-nostdlib",
                "-nostartfiles", "-T", "baochip-1x.ld", "-Wl,--no-warn-rwx-segments", "-o", elf.toString(),
                "host-drives-bio.S"));
        return elf;
    }
}
