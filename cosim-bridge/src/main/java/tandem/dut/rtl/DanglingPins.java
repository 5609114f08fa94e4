package tandem.dut.rtl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * Pin connections to ports the instantiated module does not have (Verilator's PINNOTFOUND).
 *
 * <p>Baochip-1x's BIST-edited {@code VexRiscv_CramSoC.sv} connects {@code .rbs(...)} on every
 * {@code Ram_1w_1rs} instance, but the RAM model beside it has no {@code rbs} port. Waiving
 * PINNOTFOUND would be the obvious fix, but Verilator 5.006 then crashes ("Verilator internal
 * fault"). A connection to an interface carries nothing a module without that port could read,
 * so Tandem drops exactly those connections in a copy of the file. A missing pin that carries
 * a signal is refused: dropping it would change what the design computes.
 */
public final class DanglingPins {

    private static final Pattern PIN = Pattern.compile("Pin not found: '([A-Za-z_][A-Za-z0-9_$]*)'");
    private static final Pattern ROOT = Pattern.compile("^(" + SvSource.IDENT + ")");

    private DanglingPins() {
    }

    /**
     * Blanks in {@code edits} every PINNOTFOUND connection of {@code messages} that connects an
     * interface, and returns one line per (module, pin) saying what was dropped.
     *
     * @param originals maps a file Verilator named (an edited copy) back to the user's file
     * @throws TandemException naming the file, line, instance and pin of a connection that is
     *                         not an interface
     */
    public static List<String> drop(List<LintMessage> messages, SvDesign design, Map<Path, Path> originals,
                                    SourceEdits edits) {
        Map<String, List<SvSource.PinConnection>> dropped = new LinkedHashMap<>();
        Map<String, SvSource> where = new LinkedHashMap<>();
        for (LintMessage m : messages) {
            Matcher pin = PIN.matcher(m.text());
            if (!m.code().equals("PINNOTFOUND") || !pin.find()) {
                continue;
            }
            Path file = Path.of(m.file()).toAbsolutePath().normalize();
            file = originals.getOrDefault(file, file);
            SvSource s = design.source(file);
            SvSource.PinConnection c = s == null ? null : s.pinConnection(m.line(), m.column(), pin.group(1));
            String place = file + ":" + m.line();
            if (c == null) {
                throw new TandemException(place + ": an instance connects pin '" + pin.group(1)
                        + "', which its module does not have (Verilator PINNOTFOUND); pass the matching definition"
                        + " of that module");
            }
            String iface = interfaceOf(c, s, design);
            if (iface == null) {
                SvModule target = design.find(c.moduleType());
                throw new TandemException(place + ": instance " + c.instance() + " of " + c.moduleType()
                        + " connects pin '" + c.pin() + "' (" + c.expression() + "), which " + c.moduleType()
                        + (target == null ? "" : " (" + target.where() + ")") + " does not have; Tandem drops such"
                        + " pins only when they connect an interface, and this one carries a signal: pass the"
                        + " definition of " + c.moduleType() + " that has port " + c.pin());
            }
            edits.blank(file, startWithComma(s, c), endWithComma(s, c));
            String key = c.moduleType() + "\u0000" + c.pin() + "\u0000" + iface;
            dropped.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            where.put(key, s);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<SvSource.PinConnection>> e : dropped.entrySet()) {
            String[] k = e.getKey().split("\u0000");
            SvModule target = design.find(k[0]);
            List<SvSource.PinConnection> cs = e.getValue();
            lines.add(k[0] + (target == null ? "" : " (" + target.file().getFileName() + ":" + target.line() + ")")
                    + " has no port '" + k[1] + "', which " + cs.size() + " instance" + (cs.size() > 1 ? "s" : "")
                    + " in " + where.get(e.getKey()).file().getFileName() + " connect to interface " + k[2]
                    + "; waiving PINNOTFOUND crashes Verilator 5.006, so Tandem passes a copy without those"
                    + " connections (an interface carries nothing a module without the port could read)");
        }
        return lines;
    }

    /** The interface type of the connected expression's root, or {@code null} if it is not an interface. */
    private static String interfaceOf(SvSource.PinConnection c, SvSource s, SvDesign design) {
        Matcher r = ROOT.matcher(c.expression());
        if (!r.find() || c.enclosing() == null) {
            return null;
        }
        String root = r.group(1);
        SvPort port = c.enclosing().port(root);
        if (port != null) {
            return port.isInterface() ? port.interfaceName() : null;
        }
        Matcher inst = Pattern.compile("(?<![\\w$.])(" + SvSource.IDENT + ")\\s+(?:#\\s*\\([^;]*?\\)\\s*)?"
                + Pattern.quote(root) + "\\s*(?:\\[[^\\]]*\\]\\s*)*\\(\\s*\\)\\s*;").matcher(s.code());
        inst.region(c.enclosing().bodyStart(), c.enclosing().bodyEnd());
        while (inst.find()) {
            SvModule type = design.find(inst.group(1));
            if (type != null && type.kind().equals("interface")) {
                return type.name();
            }
        }
        return null;
    }

    /** Extends the blanked range over the comma after the connection, else the one before it. */
    private static int startWithComma(SvSource s, SvSource.PinConnection c) {
        if (nextComma(s, c) >= 0) {
            return c.start();
        }
        String code = s.code();
        int i = c.start() - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i >= 0 && code.charAt(i) == ',' ? i : c.start();
    }

    private static int endWithComma(SvSource s, SvSource.PinConnection c) {
        int comma = nextComma(s, c);
        return comma >= 0 ? comma + 1 : c.end();
    }

    private static int nextComma(SvSource s, SvSource.PinConnection c) {
        String code = s.code();
        int i = c.end();
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i < code.length() && code.charAt(i) == ',' ? i : -1;
    }
}
