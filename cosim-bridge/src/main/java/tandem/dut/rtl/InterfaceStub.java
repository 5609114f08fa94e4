package tandem.dut.rtl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for a SystemVerilog interface the user's files use but do not define: one unused
 * signal and every modport the design names. That is enough when the design only passes the
 * interface through ports (as Baochip-1x's BIST ports {@code rbif.slavedp} are); a design that
 * uses a member of it needs the real definition ({@link TopWrapper} refuses it).
 */
public final class InterfaceStub {

    private InterfaceStub() {
    }

    /**
     * The stand-in definition of {@code name}: every modport that modules of {@code design}
     * name for it, over one unused signal. The caller has checked with {@link InterfaceReads}
     * that no member is used.
     */
    public static String generate(SvDesign design, String name) {
        Set<String> modports = new LinkedHashSet<>();
        for (SvSource s : design.sources()) {
            for (SvModule m : s.modules()) {
                for (SvPort p : m.ports()) {
                    if (name.equals(p.interfaceName()) && p.modport() != null) {
                        modports.add(p.modport());
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
}
