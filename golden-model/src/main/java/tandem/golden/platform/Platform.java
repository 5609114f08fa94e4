package tandem.golden.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import tandem.golden.TandemException;

/**
 * An SoC as data: its memory regions, its devices with their addresses and interrupt lines,
 * and its reset vector. Built-in platforms are resources
 * {@code tandem/golden/platform/<name>.platform}; a user may pass a file of the same form.
 *
 * <p>Format, one item per line, {@code #} starts a comment:
 * <pre>
 * platform  virt
 * describe  QEMU 'virt' subset: RAM, ns16550 UART, SiFive test finisher, CLINT
 * reset     0x80000000
 * ram       ram      0x80000000 128M
 * rom       flash    0x20000000 128M
 * device    uart0    ns16550      0x10000000 0x100  irq=10  console=yes
 * </pre>
 */
public record Platform(String name, String description, long resetPc, List<Region> regions,
                       List<DeviceSpec> devices) {

    /** Names of the built-in platforms. */
    public static final List<String> BUILT_IN = List.of("virt", "precursor", "baochip-1x");

    /** A built-in platform by name. */
    public static Platform named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String resource = "/tandem/golden/platform/" + n + ".platform";
        try (InputStream in = Platform.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new TandemException("unknown platform '" + name + "' (built in: " + String.join(", ", available()) + ")");
            }
            return parse(n + ".platform", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TandemException("cannot read platform " + name + ": " + e.getMessage());
        }
    }

    /** The built-in platforms whose descriptions are present. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        for (String n : BUILT_IN) {
            if (Platform.class.getResource("/tandem/golden/platform/" + n + ".platform") != null) {
                names.add(n);
            }
        }
        return names;
    }

    /** A platform from a user's file. */
    public static Platform load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Parses a description; errors name {@code source:line}. */
    public static Platform parse(String source, String text) {
        String name = null;
        String description = "";
        long reset = 0;
        List<Region> regions = new ArrayList<>();
        List<DeviceSpec> devices = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String where = source + ":" + lineNo;
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (content.isEmpty()) {
                    continue;
                }
                String[] w = content.split("\\s+");
                try {
                    switch (w[0]) {
                        case "platform":
                            name = arg(w, 1, where);
                            break;
                        case "describe":
                            description = content.substring("describe".length()).trim();
                            break;
                        case "reset":
                            reset = parseNumber(arg(w, 1, where));
                            break;
                        case "ram": case "rom":
                            regions.add(new Region(arg(w, 1, where), parseNumber(arg(w, 2, where)),
                                    (int) parseNumber(arg(w, 3, where)), w[0].equals("ram")));
                            break;
                        case "device":
                            devices.add(device(w, where));
                            break;
                        default:
                            throw new TandemException(where + ": unknown item '" + w[0] + "' (expected platform, describe, reset, ram, rom, device)");
                    }
                } catch (NumberFormatException e) {
                    throw new TandemException(where + ": not a number: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new TandemException(source + ": " + e.getMessage());
        }
        if (name == null) {
            throw new TandemException(source + ": no 'platform <name>' line");
        }
        return new Platform(name, description, reset, List.copyOf(regions), List.copyOf(devices));
    }

    private static DeviceSpec device(String[] w, String where) {
        String devName = arg(w, 1, where);
        String type = arg(w, 2, where);
        long base = parseNumber(arg(w, 3, where));
        int size = (int) parseNumber(arg(w, 4, where));
        OptionalInt irq = OptionalInt.empty();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 5; i < w.length; i++) {
            int eq = w[i].indexOf('=');
            if (eq <= 0) {
                throw new TandemException(where + ": expected key=value, found '" + w[i] + "'");
            }
            String key = w[i].substring(0, eq);
            String value = w[i].substring(eq + 1);
            if (key.equals("irq")) {
                irq = OptionalInt.of((int) parseNumber(value));
            } else {
                params.put(key, value);
            }
        }
        return new DeviceSpec(devName, type, base, size, irq, Map.copyOf(params), where);
    }

    private static String arg(String[] w, int i, String where) {
        if (i >= w.length) {
            throw new TandemException(where + ": '" + w[0] + "' needs more fields");
        }
        return w[i];
    }

    /** Parses {@code 0x...}, decimal, with {@code _} separators and K/M/G suffixes. */
    public static long parseNumber(String s) {
        String t = s.replace("_", "").toLowerCase(Locale.ROOT);
        long scale = 1;
        if (t.endsWith("k")) {
            scale = 1L << 10;
        } else if (t.endsWith("m")) {
            scale = 1L << 20;
        } else if (t.endsWith("g")) {
            scale = 1L << 30;
        }
        if (scale != 1) {
            t = t.substring(0, t.length() - 1);
        }
        long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        return v * scale;
    }
}
