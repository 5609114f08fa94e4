package tandem.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import tandem.golden.trap.Cause;
import tandem.vectors.asm.RegisterNames;

/** Parsers for the cell spellings vector files use; each throws {@link CellException} with a short reason. */
final class Cells {

    private Cells() {
    }

    /** A hex number, with or without {@code 0x}, up to 32 bits. */
    static long hex(String text) throws CellException {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        if (t.startsWith("0x")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 8 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new CellException("not hex: '" + text.strip() + "'");
        }
        return Long.parseLong(t, 16);
    }

    /** A decimal count, or hex with {@code 0x}. */
    static long count(String text) throws CellException {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CellException("not a count: '" + text.strip() + "'");
        }
    }

    /** {@code M}, {@code S} or {@code U} (or 3, 1, 0). */
    static int privilege(String text) throws CellException {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "M", "3" -> 3;
            case "S", "1" -> 1;
            case "U", "0" -> 0;
            default -> throw new CellException("not a privilege (M, S or U): '" + text.strip() + "'");
        };
    }

    /** Space-separated {@code name=value} pairs. */
    static List<String[]> pairs(String text) throws CellException {
        List<String[]> out = new ArrayList<>();
        for (String item : text.strip().split("[\\s;]+")) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new CellException("expected name=value, got '" + item + "'");
            }
            out.add(new String[] {item.substring(0, eq), item.substring(eq + 1)});
        }
        return out;
    }

    /** {@code a0=0x10 x5=0xff}: register number to value. */
    static SortedMap<Integer, Integer> registers(String text) throws CellException {
        SortedMap<Integer, Integer> out = new TreeMap<>();
        for (String[] p : pairs(text)) {
            int r = RegisterNames.parse(p[0]);
            if (r < 0) {
                throw new CellException("not a register: '" + p[0] + "'");
            }
            if (out.put(r, (int) hex(p[1])) != null) {
                throw new CellException("register " + p[0] + " given twice");
            }
        }
        return out;
    }

    /** {@code mstatus=0x1800 0x305=0x80000100}: CSR address to value. */
    static SortedMap<Integer, Integer> csrs(String text, Map<String, Integer> names) throws CellException {
        SortedMap<Integer, Integer> out = new TreeMap<>();
        for (String[] p : pairs(text)) {
            Integer addr = names.get(p[0].toLowerCase(Locale.ROOT));
            if (addr == null) {
                long a;
                try {
                    a = hex(p[0]);
                } catch (CellException e) {
                    throw new CellException("unknown CSR '" + p[0] + "'");
                }
                if (a > 0xFFF || !p[0].toLowerCase(Locale.ROOT).startsWith("0x")) {
                    throw new CellException("unknown CSR '" + p[0] + "'");
                }
                addr = (int) a;
            }
            if (out.put(addr, (int) hex(p[1])) != null) {
                throw new CellException("CSR " + p[0] + " given twice");
            }
        }
        return out;
    }

    /** {@code 0x80001000=0xdeadbeef 0x80001004:1=0x7f}. */
    static List<MemoryWord> memory(String text) throws CellException {
        List<MemoryWord> out = new ArrayList<>();
        for (String[] p : pairs(text)) {
            String addr = p[0];
            int width = 4;
            int colon = addr.indexOf(':');
            if (colon >= 0) {
                width = switch (addr.substring(colon + 1)) {
                    case "1" -> 1;
                    case "2" -> 2;
                    case "4" -> 4;
                    default -> throw new CellException("width must be 1, 2 or 4: '" + p[0] + "'");
                };
                addr = addr.substring(0, colon);
            }
            long a = hex(addr);
            if (a % width != 0) {
                throw new CellException("address " + addr + " not aligned to its width " + width);
            }
            long v = hex(p[1]);
            if (width < 4 && v >= 1L << (8 * width)) {
                throw new CellException("value " + p[1] + " does not fit " + width + " byte" + (width == 1 ? "" : "s"));
            }
            out.add(new MemoryWord(a, width, (int) v));
        }
        return out;
    }

    /** A cause by name ({@code load-page-fault}), by xcause number, or {@code none} (null). */
    static Cause cause(String text) throws CellException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return null;
        }
        for (Cause c : Cause.values()) {
            if (name(c).equals(t)) {
                return c;
            }
        }
        try {
            long n = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            Cause c = Cause.ofXcause((int) n);
            if (c != null) {
                return c;
            }
        } catch (NumberFormatException e) {
            // fall through to the message naming the accepted spellings
        }
        throw new CellException("not a trap cause: '" + text.strip() + "' (use none, a number, or a name such as "
                + "illegal-instruction, load-page-fault)");
    }

    /** The spelling vectors and reports use for a cause: {@code load-page-fault}. */
    static String name(Cause c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code 120:3:1 140:3:0}: BIO pin edges in cycle order. */
    static List<PinEdge> edges(String text) throws CellException {
        List<PinEdge> out = new ArrayList<>();
        for (String item : text.strip().split("[\\s;]+")) {
            if (item.isEmpty()) {
                continue;
            }
            String[] f = item.split(":");
            if (f.length != 3) {
                throw new CellException("expected cycle:pin:level, got '" + item + "'");
            }
            long cycle = count(f[0]);
            long pin = count(f[1]);
            long level = count(f[2]);
            if (pin > 31 || level > 1) {
                throw new CellException("pin must be 0..31 and level 0 or 1: '" + item + "'");
            }
            if (!out.isEmpty() && out.get(out.size() - 1).cycle() > cycle) {
                throw new CellException("edges must be in cycle order: '" + item + "'");
            }
            out.add(new PinEdge(cycle, (int) pin, (int) level));
        }
        return out;
    }
}
