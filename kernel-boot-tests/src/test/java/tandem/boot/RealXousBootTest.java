package tandem.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Boots user-supplied real Xous images. CI has none (they are never committed), so these run only
 * when the environment names them: TANDEM_XOUS_ARGS (an argument block for --direct) or
 * TANDEM_XOUS_LOADER and TANDEM_XOUS_IMAGE (loader.bin and xous.img). TANDEM_XOUS_PLATFORM picks the
 * platform (default precursor).
 */
class RealXousBootTest {

    private static String platform() {
        String p = System.getenv("TANDEM_XOUS_PLATFORM");
        return p == null || p.isBlank() ? "precursor" : p;
    }

    @Test
    void argumentBlockBootsPastTheKernelArgumentListing() throws IOException {
        String args = System.getenv("TANDEM_XOUS_ARGS");
        assumeTrue(args != null && !args.isBlank(), "TANDEM_XOUS_ARGS not set: no real Xous argument block to boot");
        BootReport r = XousBoot.direct(platform(), Files.readAllBytes(Path.of(args)), args)
                .budget(100_000_000L).run();
        r.summary().forEach(System.out::println);
        assertTrue(r.reached(Milestone.KERNEL_ARGUMENTS), String.join("\n", r.summary()));
        assertTrue(r.faults().stream().noneMatch(f -> f.contains("PANIC")), String.join("\n", r.summary()));
    }

    @Test
    void loaderAndImageBootToTheLogServer() {
        String loader = System.getenv("TANDEM_XOUS_LOADER");
        String image = System.getenv("TANDEM_XOUS_IMAGE");
        assumeTrue(loader != null && image != null && !loader.isBlank() && !image.isBlank(),
                "TANDEM_XOUS_LOADER/TANDEM_XOUS_IMAGE not set: no real Xous loader.bin and xous.img to boot");
        BootReport r = XousBoot.withLoader(platform(), Path.of(loader), Path.of(image)).budget(2_000_000_000L).run();
        r.summary().forEach(System.out::println);
        assertTrue(r.reached(Milestone.XOUS_LOG), String.join("\n", r.summary()));
    }
}
