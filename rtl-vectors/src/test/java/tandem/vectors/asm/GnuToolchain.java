package tandem.vectors.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's RISC-V binutils to cross-check our own assembler. */
public final class GnuToolchain {

    static final String HINT = "the RISC-V toolchain is needed: apt-get install gcc-riscv64-unknown-elf "
            + "binutils-riscv64-unknown-elf";

    private GnuToolchain() {
    }

    /**
     * Assembles {@code source} with GNU as ({@code -march} as given, no relaxation), links it
     * at {@code base} and returns the flat binary of its {@code .text}.
     */
    public static byte[] assemble(String source, String march, long base, Path scratch)
            throws IOException, InterruptedException {
        Path s = Files.writeString(scratch.resolve("prog.S"), source);
        Path o = scratch.resolve("prog.o");
        Path elf = scratch.resolve("prog.elf");
        Path bin = scratch.resolve("prog.bin");
        run(List.of(tool("as"), "-march=" + march, "-mabi=ilp32", "-mno-relax", "-o", o.toString(), s.toString()));
        run(List.of(tool("ld"), "-m", "elf32lriscv", "--no-relax", "-Ttext=0x" + Long.toHexString(base),
                "-e", "0x" + Long.toHexString(base), "-o", elf.toString(), o.toString()));
        run(List.of(tool("objcopy"), "-O", "binary", "-j", ".text", elf.toString(), bin.toString()));
        return Files.readAllBytes(bin);
    }

    private static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "riscv64-unknown-elf-" + name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail(HINT);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " hung");
        }
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    }
}
