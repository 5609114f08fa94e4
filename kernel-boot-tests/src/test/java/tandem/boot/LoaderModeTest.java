package tandem.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.boot.image.Elf32;
import tandem.boot.xabi.GuestCompiler;
import tandem.golden.platform.StopReason;

/**
 * The real-loader path with a probe in place of loader.bin: placed at 0x2050_0000, started in M-mode at
 * 0x2050_1000 with a0 = 0x2098_0000, and reported as stopped in signature checking once it reads the keyrom.
 */
class LoaderModeTest {

    @Test
    void loaderStartsAtRenodeAddressesAndSignatureCheckingIsReported(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("loader-probe.S");
        try (InputStream in = getClass().getResourceAsStream("loader-probe.S")) {
            Files.write(src, in.readAllBytes());
        }
        Path elf = dir.resolve("probe.elf");
        Path ld = dir.resolve("probe.ld");
        Files.writeString(ld, "SECTIONS { . = 0x20500000; .text : { *(.text) } }\n");
        GuestCompiler.find().link(elf, ld, List.of(), List.of(src));
        Elf32 e = Elf32.read(elf);
        Elf32.Section text = e.sections().get(0);
        Path loader = dir.resolve("loader.bin");
        Files.write(loader, e.fileBytes(text.offset(), text.size()));
        Path image = dir.resolve("xous.img");
        Files.write(image, new byte[0x2000]);

        BootReport r = XousBoot.withLoader("precursor", loader, image).budget(200_000).consoleDir(dir.resolve("con"))
                .run();

        assertEquals("a0=20980000\n", r.console().get("uart"));
        assertEquals(StopReason.Kind.BUDGET, r.stop().kind());
        assertTrue(r.stopWhere().contains("M-mode"), r.stopWhere());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("boot stopped in signature checking: the loader "
                + "accessed keyrom at 0xf001a000")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("unmodelled device reboot at 0xf0000000: read returns 0x0")),
                r.notes().toString());
        assertEquals(1, r.exitCode(), "the Xous milestones were not reached");
        assertEquals("a0=20980000\n", Files.readString(dir.resolve("con/uart.log")));
    }
}
