package tandem.dut.rtl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * A stand-in for a SystemVerilog interface the user's files use but do not define: one unused
 * signal and every modport the design names. That is enough when the design only passes the
 * interface through ports (as Baochip-1x's BIST ports {@code rbif.slavedp} are); a design that
 * reads a member of it needs the real definition, and is refused with the place it reads one.
 */
public final class InterfaceStub {

    private InterfaceStub() {
    }

    /**
     * The stand-in definition of {@code name} for {@code design}.
     *
     * @throws TandemException naming the file and line where the design reads a member of the
     *                         interface, since a stand-in would give it a wrong value
     */
    public static String generate(SvDesign design, String name) {
        Set<String> modports = new LinkedHashSet<>();
        for (SvSource s : design.sources()) {
            for (SvModule m : s.modules()) {
                for (SvPort p : m.ports()) {
                    if (name.equals(p.interfaceName())) {
                        if (p.modport() != null) {
                            modports.add(p.modport());
                        }
                        requireUnread(s, m, p);
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("interface ").append(name).append(";\n");
        sb.append("  logic tandem_unused;\n");
        for (String mp : modports) {
            sb.append("  modport ").append(mp).append(" (input tandem_unused);\n");
        }
        sb.append("endinterface\n");
        return sb.toString();
    }

    /** Interfaces named by {@code ports} that {@code design} does not define, in order. */
    public static List<String> missing(SvDesign design, List<SvPort> ports) {
        List<String> out = new ArrayList<>();
        for (SvPort p : ports) {
            if (p.isInterface() && !out.contains(p.interfaceName()) && design.find(p.interfaceName()) == null) {
                out.add(p.interfaceName());
            }
        }
        return out;
    }

    private static void requireUnread(SvSource s, SvModule m, SvPort p) {
        Matcher r = Pattern.compile("(?<![\\w$.])" + Pattern.quote(p.name())
                + "\\s*(?:\\[[^\\]]*\\]\\s*)*\\.\\s*(" + SvSource.IDENT + ")").matcher(s.code());
        r.region(m.bodyStart(), m.bodyEnd());
        if (r.find()) {
            throw new TandemException(s.file() + ":" + s.lineOf(r.start()) + ": module " + m.name() + " uses member '"
                    + r.group(1) + "' of interface port " + p.name() + ", but no file given defines interface "
                    + p.interfaceName() + "; add the file that defines it to --rtl");
        }
    }
}
