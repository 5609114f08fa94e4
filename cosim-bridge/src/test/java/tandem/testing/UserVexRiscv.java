package tandem.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The user's own VexRiscv named by {@code TANDEM_VEXRISCV_RTL} (files or .f lists,
 * {@code :}-separated) and {@code TANDEM_VEXRISCV_TOP}; never part of Tandem. Tests that need it
 * are skipped with a one-line reason when the variables are not set.
 */
public record UserVexRiscv(List<Path> files, String top) {

    /** The RTL the environment names, or the calling test is skipped saying it would {@code purpose}. */
    public static UserVexRiscv fromEnvironment(String purpose) {
        String files = System.getenv("TANDEM_VEXRISCV_RTL");
        String top = System.getenv("TANDEM_VEXRISCV_TOP");
        Assumptions.assumeTrue(files != null && top != null,
                "set TANDEM_VEXRISCV_RTL (files or .f lists, ':'-separated) and TANDEM_VEXRISCV_TOP to " + purpose);
        List<Path> paths = new ArrayList<>();
        for (String f : files.split(":")) {
            paths.add(Path.of(f));
        }
        return new UserVexRiscv(List.copyOf(paths), top);
    }
}
