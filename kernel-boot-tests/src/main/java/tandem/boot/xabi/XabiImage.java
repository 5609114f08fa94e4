package tandem.boot.xabi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tandem.boot.BootProfile;
import tandem.boot.args.ArgumentBlockWriter;
import tandem.boot.image.Elf32;
import tandem.golden.TandemException;
import tandem.golden.toolchain.BuildCache;

/**
 * The xabi test kernel image for one platform: the kernel and its five processes compiled from the
 * C and assembly sources shipped as resources under {@code tandem/boot/xabi/}, written into a Xous
 * argument block. Builds are cached by source hash under the system temporary directory
 * ({@code tandem-xabi/<platform>-<hash>/}).
 *
 * <p>Processes, in PID order from 2: log (console server), echo (IPC server), driver (runs the
 * scenario), spinner (two threads the timer must preempt), victim (faults on request and is killed).
 */
public final class XabiImage {

    /** Process names in PID order, starting at PID 2. */
    public static final List<String> PROCESSES = List.of("log", "echo", "driver", "spinner", "victim");
    /** The kernel's last line: printed when no thread is left to run. */
    public static final String FINAL_MILESTONE = "XABI KERNEL: halt:";

    private static final String ROOT = "/tandem/boot/xabi/";
    private static final List<String> SOURCES = List.of("xabi.h", "mem.h", "kernel/entry.S", "kernel/kernel.c",
            "kernel/kernel.ld", "user/crt0.S", "user/user.ld", "user/libxabi.h", "user/libxabi.c", "user/scenario.h",
            "user/log.c", "user/echo.c", "user/driver.c", "user/spinner.c", "user/victim.c");

    private final BootProfile profile;
    private final byte[] argumentBlock;
    private final Map<String, Elf32> elfs;

    private XabiImage(BootProfile profile, byte[] argumentBlock, Map<String, Elf32> elfs) {
        this.profile = profile;
        this.argumentBlock = argumentBlock;
        this.elfs = elfs;
    }

    /** Builds the image for {@code platform} with the driver's built-in scenario (the full self-test). */
    public static XabiImage build(String platform) {
        return build(platform, null);
    }

    /**
     * Builds the image for {@code platform}; {@code scenario} (if not null) replaces the driver's table.
     *
     * @throws TandemException when the toolchain is missing (with the apt-get hint) or a build fails
     */
    public static XabiImage build(String platform, XabiScenario scenario) {
        BootProfile profile = BootProfile.of(platform);
        Target target = Target.of(profile.platform());
        Path dir = compile(target);
        Map<String, Elf32> elfs = new LinkedHashMap<>();
        elfs.put("kernel", Elf32.read(dir.resolve("kernel.elf")));
        for (String p : PROCESSES) {
            elfs.put(p, Elf32.read(dir.resolve(p + ".elf")));
        }
        if (scenario != null) {
            Elf32 driver = elfs.get("driver");
            driver.patch(driver.symbol("xabi_scenario"), scenario.table());
        }
        ArgumentBlockWriter w = new ArgumentBlockWriter(target.ramStart, target.ramSize, target.ramName);
        for (long[] r : target.regions) {
            w.region(r[0], r[1], target.regionNames.get((int) r[2]));
        }
        w.bootFlags(0).kernel(elfs.get("kernel"));
        for (String p : PROCESSES) {
            w.process(p, elfs.get(p));
        }
        return new XabiImage(profile, w.write(), elfs);
    }

    /** The platform's boot profile. */
    public BootProfile profile() {
        return profile;
    }

    /** The argument block (tags and payload). */
    public byte[] argumentBlock() {
        return argumentBlock.clone();
    }

    /** The linked ELF of the kernel or a process by name. */
    public Elf32 elf(String name) {
        return elfs.get(name);
    }

    private static Path compile(Target target) {
        GuestCompiler gcc = GuestCompiler.find();
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String s : SOURCES) {
            try (InputStream in = XabiImage.class.getResourceAsStream(ROOT + s)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + ROOT + s);
                }
                sources.put(s, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        BuildCache cache = new BuildCache(Path.of(System.getProperty("java.io.tmpdir"), "tandem-xabi"));
        return cache.directory(target.name, sources, target.defines, work -> {
            gcc.link(work.resolve("kernel.elf"), work.resolve("kernel/kernel.ld"), target.defines,
                    List.of(work.resolve("kernel/entry.S"), work.resolve("kernel/kernel.c")));
            for (String p : PROCESSES) {
                gcc.link(work.resolve(p + ".elf"), work.resolve("user/user.ld"), target.defines,
                        List.of(work.resolve("user/crt0.S"), work.resolve("user/libxabi.c"),
                                work.resolve("user/" + p + ".c")));
            }
        });
    }

    /** Per-platform build settings: device addresses compiled in, RAM and MREx regions for the block. */
    private record Target(String name, List<String> defines, long ramStart, long ramSize, String ramName,
                          List<long[]> regions, List<String> regionNames) {

        static Target of(String platform) {
            switch (platform.toLowerCase(Locale.ROOT)) {
                case "precursor":
                    return new Target("precursor", List.of("KUART_PHYS=0xF0005000", "TIMER_PHYS=0xF0001000",
                            "TIMER_IRQ=0", "TIMER_RELOAD=999999", "TICKTIMER_PHYS=0xF0012000",
                            "CONSOLE_PHYS=0xF0007000"),
                            0x4000_0000L, 16L << 20, "SrEx",
                            List.of(new long[] {0xF000_0000L, 0x3_0000L, 0}), List.of("CSRs"));
                case "baochip-1x":
                    return new Target("baochip-1x", List.of("KUART_DUART", "KUART_PHYS=0x40042000",
                            "TIMER_PHYS=0xE001C000", "TIMER_IRQ=30", "TIMER_LAYOUT_LITEX", "TIMER_RELOAD=3499999",
                            "TICKTIMER_PHYS=0xE001B000", "CONSOLE_UDMA", "CONSOLE_PHYS=0x50103000",
                            "IFRAM_PHYS=0x50000000"),
                            0x6100_0000L, 2L << 20, "SrIn",
                            List.of(new long[] {0x5000_0000L, 0x4_0000L, 0}, new long[] {0x5010_0000L, 0x3_0000L, 1},
                                    new long[] {0xE000_0000L, 0x3_0000L, 2}),
                            List.of("IfRm", "UDMA", "CSRs"));
                default:
                    throw new TandemException("the xabi test kernel has no build for platform '" + platform + "'");
            }
        }
    }
}
