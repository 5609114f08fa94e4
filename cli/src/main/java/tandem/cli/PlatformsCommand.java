package tandem.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tandem.boot.BootProfile;
import tandem.golden.platform.DeviceSpec;
import tandem.golden.platform.Platform;
import tandem.golden.platform.Region;

/** {@code tandem platforms}: lists the built-in platform profiles and their memory maps. */
@Command(name = "platforms", mixinStandardHelpOptions = true,
        description = "List the built-in SoC platform profiles with their memory regions, devices and IRQ lines.")
public final class PlatformsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Show only these platforms.")
    private List<String> names;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> which = names == null || names.isEmpty() ? Platform.available() : names;
        for (String n : which) {
            Platform p = Platform.named(n);
            out.printf("%s: %s%n", p.name(), p.description());
            out.printf("  reset pc   0x%08x%n", p.resetPc());
            for (Region r : p.regions()) {
                out.printf("  %-4s %-14s 0x%08x..0x%08x (%s)%n", r.writable() ? "ram" : "rom", r.name(), r.base(),
                        r.base() + Integer.toUnsignedLong(r.size()) - 1, size(Integer.toUnsignedLong(r.size())));
            }
            for (DeviceSpec d : p.devices()) {
                out.printf("  dev  %-14s 0x%08x..0x%08x %-18s%s%n", d.name(), d.base(),
                        d.base() + Integer.toUnsignedLong(d.size()) - 1, d.type(),
                        d.irq().isPresent() ? " irq " + d.irq().getAsInt() : "");
            }
            for (BootProfile b : BootProfile.ALL) {
                if (b.platform().equals(p.name())) {
                    out.printf("  boot: loader.bin at 0x%08x (entry 0x%08x), xous.img at 0x%08x, arguments at 0x%08x;%n",
                            b.loaderAddress(), b.loaderEntry(), b.imageAddress(), b.argsAddress());
                    out.printf("        kernel UART %s, console UART %s; %d MHz; CPU profile %s%n", b.kernelUart(),
                            b.consoleUart(), b.clockHz() / 1_000_000, b.cpu());
                }
            }
            out.println();
        }
        out.flush();
        return Tandem.PASS;
    }

    private static String size(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
