package tandem.golden.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the directed programs themselves honest: each one that is not VexRiscv-only must pass on
 * QEMU, an independent implementation of the same spec, so a wrong expectation in a program
 * shows up here rather than as a "bug" in the golden model. VexRiscv-only programs are checked
 * to assemble.
 */
class DirectedProgramsOnQemuTest {

    private static final QemuRunner QEMU = new QemuRunner();

    @Test
    void everyAreaHasPrograms() {
        List<String> all = DirectedPrograms.all();
        for (String area : DirectedPrograms.AREAS) {
            assertTrue(all.stream().anyMatch(p -> p.startsWith("tandem/golden/" + area + "/")),
                    "no directed programs in " + area);
        }
    }

    @TestFactory
    Stream<DynamicTest> programsPassOnQemu() {
        return DirectedPrograms.all().stream().map(resource -> DynamicTest.dynamicTest(resource, () -> {
            if (DirectedPrograms.vexRiscvOnly(resource)) {
                Path elf = GuestToolchain.get().assembleTest(resource);
                assertTrue(Files.size(elf) > 0, resource);
                return;
            }
            Path elf = GuestToolchain.get().assembleTest(resource, "TANDEM_QEMU");
            GuestResult r = QEMU.run(elf, Duration.ofSeconds(20));
            assertEquals("PASS", r.lastLine(), resource + ": " + r.how() + "; console: " + r.console());
            assertEquals(0, r.exitCode(), resource + ": " + r.how());
        }));
    }

    @Test
    void aFailingCheckIsReportedWithItsLine() {
        Path elf = GuestToolchain.get().assembleTestSource("failing_check", String.join("\n",
                "#include \"tandem_test.h\"",
                "    .text",
                "    .globl tandem_test",
                "tandem_test:",
                "    li a0, 41",
                "    CHECK_EQ(a0, 42)",
                "    j tandem_pass",
                ""));
        GuestResult r = QEMU.run(elf, Duration.ofSeconds(20));
        assertFalse(r.passed());
        assertEquals("FAIL line 6 got 0x00000029 expected 0x0000002a", r.lastLine());
        assertEquals(6, r.exitCode());
    }
}
