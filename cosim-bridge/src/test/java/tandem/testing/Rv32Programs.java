package tandem.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the RV32IM test programs under {@code src/test/resources/tandem/lockstep/programs}
 * with the Debian RISC-V toolchain at test time. A missing toolchain fails the test with the
 * command that installs it.
 */
public final class Rv32Programs {

    private static final String DIR = "/tandem/lockstep/programs/";
    private static final String GCC = "riscv64-unknown-elf-gcc";

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
    public static Path elf(String name) throws IOException, InterruptedException {
        return elf(name, "rv32im");
    }

    /** Assembles and links {@code name} for {@code march} (e.g. {@code rv32im_zicsr}); returns the ELF. */
    public static Path elf(String name, String march) throws IOException, InterruptedException {
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
        List<String> cmd = List.of(GCC, "-march=" + march, "-mabi=ilp32", "-nostdlib", "-nostartfiles",
                "-Wl,--no-warn-rwx-segments", "-T", dir.resolve("link.ld").toString(), "-I", dir.toString(),
                "-o", elf.toString(), dir.resolve(name).toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(GCC + " not found: install the RISC-V toolchain with "
                    + "`apt-get install gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf`", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("assembling " + name + " failed:\n" + out);
        }
        return elf;
    }

    /** A loadable segment of an ELF file. */
    public record Segment(long address, byte[] data) {
    }

    /** The PT_LOAD segments of a 32-bit little-endian ELF (file bytes, zero-filled to memsz). */
    public static List<Segment> segments(Path elf) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
        int phoff = b.getInt(28);
        int phentsize = b.getShort(42) & 0xFFFF;
        int phnum = b.getShort(44) & 0xFFFF;
        List<Segment> segs = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int o = phoff + i * phentsize;
            if (b.getInt(o) != 1) {
                continue;
            }
            int offset = b.getInt(o + 4);
            long paddr = b.getInt(o + 12) & 0xFFFF_FFFFL;
            int filesz = b.getInt(o + 16);
            int memsz = b.getInt(o + 20);
            byte[] data = new byte[memsz];
            b.get(offset, data, 0, filesz);
            segs.add(new Segment(paddr, data));
        }
        return segs;
    }
}
