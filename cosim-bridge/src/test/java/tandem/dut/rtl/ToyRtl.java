package tandem.dut.rtl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Copies the toy SystemVerilog files of the tests (ours, in test resources) into a directory. */
final class ToyRtl {

    static final List<String> FILES = List.of("toy_cpu.sv", "toy_cpu.f", "toyram_if.sv", "inc/toy_defs.svh",
            "lib/toy_ram.v", "blk_events.sv", "split_events.sv", "comment_directive.v", "non_ansi.v");

    private ToyRtl() {
    }

    /** Copies every toy file under {@code dir}, keeping the sub-directories, and returns {@code dir}. */
    static Path copyTo(Path dir) {
        for (String f : FILES) {
            try (InputStream in = ToyRtl.class.getResourceAsStream("/tandem/dut/rtl/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("test resource missing: " + f);
                }
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
