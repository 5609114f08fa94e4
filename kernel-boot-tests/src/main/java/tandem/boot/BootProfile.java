package tandem.boot;

import java.util.List;
import java.util.Locale;
import tandem.golden.TandemException;

/**
 * Where a platform's Xous boot images live and how it is clocked: the addresses Renode (Precursor)
 * and the bao1x flash layout (Baochip-1x) use, the UARTs the kernel and the log server print on.
 *
 * @param platform the platform profile name
 * @param cpu the golden CPU profile the SoC's VexRiscv corresponds to
 * @param loaderAddress where {@code loader.bin} is placed
 * @param loaderEntry where the loader starts (M-mode)
 * @param imageAddress where {@code xous.img} is placed (its first 0x1000 bytes are a signature block)
 * @param argsAddress where the argument block lies ({@code --direct} places it here)
 * @param clockHz CPU clock, for simulated time
 * @param kernelUart the kernel's UART instance name
 * @param consoleUart the log server's UART instance name
 */
public record BootProfile(String platform, String cpu, long loaderAddress, long loaderEntry, long imageAddress, long argsAddress,
                          long clockHz, String kernelUart, String consoleUart) {

    /** Precursor as Renode boots it: loader.bin at 0x2050_0000, xous.img at 0x2098_0000. */
    public static final BootProfile PRECURSOR = new BootProfile("precursor", "vexriscv", 0x2050_0000L, 0x2050_1000L,
            0x2098_0000L, 0x2098_1000L, 100_000_000L, "uart", "console");
    /** Baochip-1x RRAM layout: loader at 0x6006_0000, kernel image at 0x6009_FD00, arguments at 0x600A_0000. */
    public static final BootProfile BAOCHIP_1X = new BootProfile("baochip-1x", "baochip-1x", 0x6006_0000L, 0x6006_0000L,
            0x6009_FD00L, 0x600A_0000L, 350_000_000L, "duart", "uart2");

    /** Every profile. */
    public static final List<BootProfile> ALL = List.of(PRECURSOR, BAOCHIP_1X);

    /** The profile of a platform by name. */
    public static BootProfile of(String platform) {
        String n = platform.toLowerCase(Locale.ROOT);
        for (BootProfile p : ALL) {
            if (p.platform.equals(n)) {
                return p;
            }
        }
        throw new TandemException("no Xous boot profile for platform '" + platform + "' (have: precursor, baochip-1x)");
    }
}
