package tandem.dut.rtl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a design reads or drives a member of an interface through a port
 * ({@code port.member} or {@code port[i].member}), looking only at modules the top can reach.
 *
 * <p>Why it matters: a wrapper that instantiates an interface inside itself, or a stand-in
 * definition, is only faithful when nothing uses the interface's members; Baochip-1x's BIST
 * ports {@code rbif} are such pass-throughs, its BIO's {@code apbif} bus ports are not.
 * Reachability is by name (a module is reached when a reached module's text names it), which
 * errs towards including modules; member uses hidden inside macros are not seen.
 */
public final class InterfaceReads {

    /** A member use: the module, file and line, the port and the member. */
    public record Use(SvModule module, int line, String port, String member) {

        /** {@code file:line}. */
        public String where() {
            return module.file() + ":" + line;
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private InterfaceReads() {
    }

    /** The first use of a member of interface {@code name} in a module {@code top} reaches, or {@code null}. */
    public static Use first(SvDesign design, SvModule top, String name) {
        for (SvModule m : reachable(design, top)) {
            SvSource s = design.source(m.file());
            if (s == null) {
                continue;
            }
            for (SvPort p : m.ports()) {
                if (!name.equals(p.interfaceName())) {
                    continue;
                }
                Matcher r = Pattern.compile("(?<![\\w$.])" + Pattern.quote(p.name())
                        + "\\s*(?:\\[[^\\]]*\\]\\s*)*\\.\\s*(" + SvSource.IDENT + ")").matcher(s.code());
                r.region(m.bodyStart(), m.bodyEnd());
                if (r.find()) {
                    return new Use(m, s.lineOf(r.start()), p.name(), r.group(1));
                }
            }
        }
        return null;
    }

    /** {@code top} and every module whose name appears in the text of a module already reached. */
    static Set<SvModule> reachable(SvDesign design, SvModule top) {
        Set<SvModule> seen = new LinkedHashSet<>();
        Deque<SvModule> todo = new ArrayDeque<>();
        todo.add(top);
        while (!todo.isEmpty()) {
            SvModule m = todo.poll();
            if (!seen.add(m)) {
                continue;
            }
            SvSource s = design.source(m.file());
            if (s == null) {
                continue;
            }
            Matcher w = WORD.matcher(s.code());
            w.region(m.bodyStart(), m.bodyEnd());
            Set<String> words = new LinkedHashSet<>();
            while (w.find()) {
                words.add(w.group());
            }
            for (String word : words) {
                SvModule next = design.find(word);
                if (next != null && next.kind().equals("module") && !seen.contains(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }
}
