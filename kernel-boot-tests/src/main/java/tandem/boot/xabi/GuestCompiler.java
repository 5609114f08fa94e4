package tandem.boot.xabi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tandem.golden.TandemException;
import tandem.golden.toolchain.CrossToolchain;

/** Debian's {@code riscv64-unknown-elf-gcc}, driven for rv32imac/ilp32 freestanding code. */
public final class GuestCompiler {

    private static final List<String> FLAGS = List.of("-march=rv32imac_zicsr_zifencei", "-mabi=ilp32", "-O2",
            "-ffreestanding", "-fno-builtin", "-nostdlib", "-nostartfiles", "-msmall-data-limit=0", "-fno-pic",
            "-fno-asynchronous-unwind-tables", "-Wall", "-Wextra", "-Werror");

    private final CrossToolchain toolchain;

    private GuestCompiler(CrossToolchain toolchain) {
        this.toolchain = toolchain;
    }

    /**
     * Finds the compiler on PATH.
     *
     * @throws TandemException naming the package to install when it is missing
     */
    public static GuestCompiler find() {
        return new GuestCompiler(CrossToolchain.find());
    }

    /**
     * Compiles and links {@code sources} with {@code linkerScript} into {@code output}.
     *
     * @param defines -D definitions, e.g. {@code KUART_PHYS=0xF0005000}
     * @throws TandemException holding the compiler's first error line when the build fails
     */
    public void link(Path output, Path linkerScript, List<String> defines, List<Path> sources) {
        List<String> args = new ArrayList<>(FLAGS);
        for (String d : defines) {
            args.add("-D" + d);
        }
        args.add("-T");
        args.add(linkerScript.toString());
        args.add("-o");
        args.add(output.toString());
        for (Path s : sources) {
            args.add(s.toString());
        }
        args.add("-lgcc");
        toolchain.run(null, "gcc", args);
    }
}
