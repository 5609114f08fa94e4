package tandem.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tandem.golden.elf.ElfImage;
import tandem.golden.elf.ElfReader;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Assembles the RV32IM test programs under {@code src/test/resources/tandem/lockstep/programs}
 * with the Debian RISC-V toolchain at test time ({@link CrossToolchain}: a missing toolchain
 * fails with the command that installs it).
 */
public final class Rv32Programs {

    private static final String DIR = "/tandem/lockstep/programs/";

    private Rv32Programs() {
    }

    /** The programs run in lockstep by the tests. */
    public static List<String> all() {
        return List.of("arith.S", "memory.S", "calls.S", "mmio.S");
    }

    /**
     * The programs that touch no device but the finisher. A user's VexRiscv may cache the
     * {@code virt} platform's device addresses (LiteX configurations treat only 0xB/0xE/0xF...
     * as I/O), so polling its UART would read a stale cache line.
     */
    public static List<String> cpuOnly() {
        return List.of("arith.S", "memory.S", "calls.S");
    }

    /** Assembles and links {@code name} (e.g. {@code arith.S}) for RV32IM; returns the ELF. */
    public static Path elf(String name) throws IOException {
        return elf(name, "rv32im");
    }

    /** Assembles and links {@code name} for {@code march} (e.g. {@code rv32im_zicsr}); returns the ELF. */
    public static Path elf(String name, String march) throws IOException {
        Path dir = Path.of("target", "test-programs").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : new String[] {"link.ld", "finish.h", name}) {
            try (InputStream in = Rv32Programs.class.getResourceAsStream(DIR + f)) {
                if (in == null) {
                    throw new IOException("missing test resource " + DIR + f);
                }
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path elf = dir.resolve(name.replaceAll("\\.[Sc]$", "") + ".elf");
        CrossToolchain.find().run(dir, "gcc", List.of("-march=" + march, "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                "-Wl,--no-warn-rwx-segments", "-T", dir.resolve("link.ld").toString(), "-I", dir.toString(),
                "-o", elf.toString(), dir.resolve(name).toString()));
        return elf;
    }

    /** A loadable segment of an ELF file. */
    public record Segment(long address, byte[] data) {
    }

    /** The PT_LOAD segments of an ELF (file bytes, zero-filled to memsz), as the golden model reads them. */
    public static List<Segment> segments(Path elf) {
        List<Segment> segs = new ArrayList<>();
        for (ElfImage.Segment s : ElfReader.read(elf).segments()) {
            segs.add(new Segment(s.address(), Arrays.copyOf(s.data(), (int) s.memorySize())));
        }
        return segs;
    }
}
