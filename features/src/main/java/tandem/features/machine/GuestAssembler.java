package tandem.features.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.features.glue.StepLocation;
import tandem.golden.TandemException;
import tandem.golden.elf.ElfImage;
import tandem.golden.elf.ElfReader;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Assembles the RISC-V assembly of a spec's doc string with Debian's
 * {@code riscv64-unknown-elf} binutils ({@link CrossToolchain}) and links it at the address the
 * spec gives. An assembler error is reported at the feature file line of the offending doc-string
 * line; a missing toolchain names the apt packages. Results are cached for the JVM by source and
 * address, since outlines assemble the same program many times.
 */
public final class GuestAssembler {
    /** The instruction set every spec program is built for. */
    public static final String MARCH = "-march=rv32imac_zicsr_zifencei";
    private static final String PREFIX = ".section .text\n.globl _start\n_start:\n";
    private static final int PREFIX_LINES = 3;
    private static final Pattern ERROR = Pattern.compile("^\\S*prog\\.s:(\\d+): (?:Error|Fatal error): (.*)$");
    private static final Map<String, ElfImage> CACHE = new ConcurrentHashMap<>();

    private GuestAssembler() {
    }

    /**
     * Assembles {@code source} to run at virtual address {@code address}.
     *
     * @param where the step holding the source as a doc string, for error lines; {@code null}
     *              for generated code (errors then are internal)
     */
    public static ElfImage assemble(String source, long address, StepLocation where) {
        String key = String.format("%08x\n%s", address, source);
        ElfImage cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        ElfImage image = build(source, address, where);
        CACHE.put(key, image);
        return image;
    }

    private static ElfImage build(String source, long address, StepLocation where) {
        CrossToolchain toolchain;
        try {
            toolchain = CrossToolchain.find();
        } catch (TandemException e) {
            throw new TandemException(at(where) + e.getMessage(), e);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tandem-spec-asm");
            Path src = dir.resolve("prog.s");
            Files.writeString(src, PREFIX + source + "\n", StandardCharsets.UTF_8);
            Path obj = dir.resolve("prog.o");
            Path elf = dir.resolve("prog.elf");
            try {
                toolchain.run(dir, "as", List.of(MARCH, "-mabi=ilp32", "-o", obj.toString(), src.toString()));
            } catch (TandemException e) {
                throw assemblyError(e.getMessage(), where);
            }
            try {
                toolchain.run(dir, "ld", List.of("-m", "elf32lriscv", "-N", "-e", "_start",
                        String.format("-Ttext=0x%08x", address), "-o", elf.toString(), obj.toString()));
            } catch (TandemException e) {
                throw new TandemException(at(where) + "link error: " + e.getMessage().replace(dir + "/", ""), e);
            }
            return ElfReader.read(elf);
        } catch (IOException e) {
            throw new TandemException("cannot assemble in a temporary directory: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    private static TandemException assemblyError(String message, StepLocation where) {
        Matcher m = ERROR.matcher(message.strip());
        if (!m.matches()) {
            return new TandemException(at(where) + "assembly error: " + message);
        }
        int sourceLine = Integer.parseInt(m.group(1)) - PREFIX_LINES;
        String text = "assembly error: " + m.group(2);
        if (where == null) {
            return new TandemException("generated program line " + sourceLine + ": " + text);
        }
        return new TandemException(where.at(where.docStringLine() + sourceLine - 1) + ": " + text);
    }

    private static String at(StepLocation where) {
        return where == null ? "" : where + ": ";
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the spec's result does not depend on it
        }
    }
}
