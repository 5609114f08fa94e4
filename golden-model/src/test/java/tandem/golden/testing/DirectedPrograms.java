package tandem.golden.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directed assembly programs under {@code tandem/golden/{isa,csr,trap,mmu}/} on the test
 * classpath. A program whose text contains {@code tandem: vexriscv-only} tests behaviour QEMU
 * does not share (A/D faults, the IRQ array CSRs); every other program must pass on QEMU too,
 * built with {@code -DTANDEM_QEMU} which drops its VexRiscv-only sections.
 */
public final class DirectedPrograms {

    /** The marker of a program that only the golden model runs. */
    public static final String VEXRISCV_ONLY = "tandem: vexriscv-only";

    /** The folders holding directed programs, relative to {@code tandem/golden/}. */
    public static final List<String> AREAS = List.of("isa", "csr", "trap", "mmu");

    private DirectedPrograms() {
    }

    /** Every directed program as a resource path, e.g. {@code tandem/golden/isa/rvc.S}, sorted. */
    public static List<String> all() {
        URL anchor = DirectedPrograms.class.getClassLoader().getResource("tandem/golden/guest/virt.ld");
        if (anchor == null || !"file".equals(anchor.getProtocol())) {
            throw new AssertionError("the directed programs must be on the test classpath as files: " + anchor);
        }
        try {
            Path golden = Path.of(anchor.toURI()).getParent().getParent();
            try (Stream<Path> areas = AREAS.stream().map(golden::resolve).filter(Files::isDirectory)
                    .flatMap(DirectedPrograms::list)) {
                return areas.filter(p -> p.toString().endsWith(".S"))
                        .map(p -> "tandem/golden/" + golden.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the program is marked {@link #VEXRISCV_ONLY}. */
    public static boolean vexRiscvOnly(String resource) {
        return new String(GuestToolchain.readResource(resource), StandardCharsets.UTF_8).contains(VEXRISCV_ONLY);
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
