package tandem.dut.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * A light scanner over one Verilog / SystemVerilog file: it finds what Tandem must know before
 * Verilator sees the design, and nothing more. It is not a parser: it reads module and
 * interface headers with their ports (ANSI and non-ANSI), interface modports,
 * {@code `timescale} directives, comments, and the pin connection at a given line. Comments and
 * attributes are blanked to spaces in a copy of the text so every offset and line number stays
 * that of the user's file.
 */
public final class SvSource {

    /** A comment: its line, offset and text without the {@code //} or {@code /* *}{@code /} markers. */
    public record Comment(int line, int offset, String body) {
    }

    /** A {@code `timescale} directive: where it is and its value as written, e.g. {@code 1ns/1ps}. */
    public record Timescale(int line, int offset, String value) {
    }

    /**
     * A named pin connection inside a module instance.
     *
     * @param moduleType   the instantiated module
     * @param instance     the instance name
     * @param pin          the pin name
     * @param expression   the connected expression as written
     * @param enclosing    the module that contains the instance, or {@code null}
     * @param start        offset of the connection's {@code .}
     * @param end          offset just after its closing parenthesis
     */
    public record PinConnection(String moduleType, String instance, String pin, String expression, SvModule enclosing,
                                int start, int end) {
    }

    static final String IDENT = "[A-Za-z_][A-Za-z0-9_$]*";
    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(module|macromodule|interface)\\s+(?:(?:automatic|static)\\s+)?(" + IDENT + ")");
    private static final Pattern CONDITIONAL = Pattern.compile(
            "`(ifdef|ifndef|elsif|else|endif|define|undef)\\b[ \\t]*([A-Za-z_][A-Za-z0-9_$]*)?");
    private static final Pattern TIMESCALE = Pattern.compile(
            "`timescale\\s+(\\d+\\s*[munpf]?s)\\s*/\\s*(\\d+\\s*[munpf]?s)");
    private static final Pattern TRAILING_NAME = Pattern.compile(
            "^(.*?)(" + IDENT + ")\\s*((?:\\[[^\\]]*\\]\\s*)*)$", Pattern.DOTALL);
    private static final Pattern INTERFACE_TYPE = Pattern.compile("^(" + IDENT + ")\\s*\\.\\s*(" + IDENT + ")$");
    private static final Pattern DIRECTION_DECL = Pattern.compile("\\b(input|output|inout|ref)\\b([^;]*);");
    private static final Pattern SUBROUTINE = Pattern.compile("\\b(function|task)\\b");
    private static final Pattern MODPORT = Pattern.compile("\\bmodport\\b([^;]*);");
    private static final Pattern BODY_PARAMETER = Pattern.compile("\\bparameter\\b([^;]*);");
    private static final Set<String> DIRECTIONS = Set.of("input", "output", "inout", "ref");
    private static final Set<String> DATA_KEYWORDS = Set.of("wire", "reg", "logic", "var", "tri", "tri0", "tri1",
            "triand", "trior", "wand", "wor", "uwire", "supply0", "supply1", "integer", "int", "bit", "byte",
            "shortint", "longint", "time", "real", "realtime", "signed", "unsigned", "genvar", "parameter",
            "localparam", "string", "event", "assign", "always", "initial", "typedef");

    private final Path file;
    private final String text;
    private final String code;
    private final int[] lineStarts;
    private final List<Comment> comments = new ArrayList<>();
    private final List<Timescale> timescales = new ArrayList<>();
    private final List<SvModule> modules = new ArrayList<>();

    private SvSource(Path file, String text, Set<String> defined) {
        this.file = file;
        this.text = text;
        this.code = blankInactive(blankComments(text), defined);
        this.lineStarts = lineStarts(text);
        Matcher t = TIMESCALE.matcher(code);
        while (t.find()) {
            String value = t.group(1).replace(" ", "") + "/" + t.group(2).replace(" ", "");
            timescales.add(new Timescale(lineOf(t.start()), t.start(), value));
        }
        Matcher m = DECLARATION.matcher(code);
        int from = 0;
        while (m.find(from)) {
            if (m.group(2).equals("class") || isDirectiveArgument(m.start())) {
                from = m.end();
                continue;
            }
            SvModule decl = declaration(m);
            modules.add(decl);
            from = Math.max(m.end(), decl.bodyEnd());
        }
    }

    /** Reads and scans {@code file} with no macro defined beforehand. */
    public static SvSource read(Path file) {
        return read(file, new HashSet<>());
    }

    /**
     * Reads and scans {@code file}. {@code defined} holds the macros defined before it
     * ({@code +define+} options and earlier files); it is updated with the file's own
     * {@code `define} and {@code `undef} directives, as the next file of a compilation sees them.
     */
    public static SvSource read(Path file, Set<String> defined) {
        try {
            return new SvSource(file, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), defined);
        } catch (IOException e) {
            throw new TandemException("cannot read RTL file " + file + ": " + e.getMessage());
        }
    }

    /** Scans {@code text} as if read from {@code file}. */
    public static SvSource of(Path file, String text) {
        return new SvSource(file, text, new HashSet<>());
    }

    /** The file scanned. */
    public Path file() {
        return file;
    }

    /** The file's text as read. */
    public String text() {
        return text;
    }

    /** Its comments in order. */
    public List<Comment> comments() {
        return comments;
    }

    /** Its {@code `timescale} directives in order. */
    public List<Timescale> timescales() {
        return timescales;
    }

    /** The modules and interfaces it declares, in order. */
    public List<SvModule> modules() {
        return modules;
    }

    /** The 1-based line of {@code offset}. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The offset where 1-based {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    /** The text with comments and attributes blanked to spaces (same offsets as {@link #text()}). */
    String code() {
        return code;
    }

    /** The {@code `timescale} in effect at {@code offset} in this file, or {@code null}. */
    public Timescale timescaleBefore(int offset) {
        Timescale last = null;
        for (Timescale t : timescales) {
            if (t.offset() < offset) {
                last = t;
            }
        }
        return last;
    }

    /** The module or interface whose text contains {@code offset}, or {@code null}. */
    public SvModule moduleAt(int offset) {
        for (SvModule m : modules) {
            int start = lineStarts[m.line() - 1];
            if (offset >= start && offset <= m.bodyEnd()) {
                return m;
            }
        }
        return null;
    }

    /**
     * The named connection of {@code pin} on 1-based {@code line} (the one nearest 1-based
     * column {@code column} if several), with the instance it belongs to; {@code null} if none
     * is written there.
     */
    public PinConnection pinConnection(int line, int column, String pin) {
        if (line < 1 || line > lineStarts.length) {
            return null;
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : code.length();
        Matcher m = Pattern.compile("\\.\\s*(" + Pattern.quote(pin) + ")\\s*\\(").matcher(code);
        m.region(start, end);
        int best = -1;
        int bestOpen = -1;
        while (m.find()) {
            if (best < 0 || Math.abs(m.start(1) - (start + column - 1)) < Math.abs(best - (start + column - 1))) {
                best = m.start(1);
                bestOpen = m.end() - 1;
            }
        }
        if (best < 0) {
            return null;
        }
        int dot = code.lastIndexOf('.', best);
        int close = matching(code, bestOpen);
        String expression = close < 0 ? "" : code.substring(bestOpen + 1, close).trim();
        int listOpen = enclosingOpen(code, best);
        if (listOpen < 0) {
            return null;
        }
        int i = skipBackSpaceAndDims(code, listOpen - 1);
        int nameEnd = i + 1;
        while (i >= 0 && isIdentChar(code.charAt(i))) {
            i--;
        }
        String instance = code.substring(i + 1, nameEnd);
        i = skipBackSpace(code, i);
        if (i >= 0 && code.charAt(i) == ')') {
            int open = matchingBack(code, i);
            i = skipBackSpace(code, open - 1);
            if (i >= 0 && code.charAt(i) == '#') {
                i = skipBackSpace(code, i - 1);
            }
        }
        int typeEnd = i + 1;
        while (i >= 0 && isIdentChar(code.charAt(i))) {
            i--;
        }
        return new PinConnection(code.substring(i + 1, typeEnd), instance, pin, expression, moduleAt(best), dot,
                close < 0 ? bestOpen + 1 : close + 1);
    }

    private SvModule declaration(Matcher m) {
        String kind = m.group(1).equals("interface") ? "interface" : "module";
        String name = m.group(2);
        int line = lineOf(m.start());
        int i = skipImports(m.end());
        String parameters = "";
        if (i < code.length() && code.charAt(i) == '#') {
            int open = skipSpace(code, i + 1);
            int close = requireMatching(open, name);
            parameters = code.substring(open + 1, close).trim();
            i = skipSpace(code, close + 1);
        }
        String header = null;
        if (i < code.length() && code.charAt(i) == '(') {
            int close = requireMatching(i, name);
            header = code.substring(i + 1, close);
            i = close + 1;
        }
        int semicolon = code.indexOf(';', i);
        int bodyStart = semicolon < 0 ? code.length() : semicolon + 1;
        Matcher end = Pattern.compile("\\bend" + kind + "\\b").matcher(code);
        int bodyEnd = end.find(bodyStart) ? end.start() : code.length();
        String body = blankSubroutines(code.substring(bodyStart, bodyEnd));
        List<SvPort> ports = new ArrayList<>();
        boolean ansi = header == null || parseAnsi(header, offsetOf(header, i), ports);
        if (!ansi) {
            parseNonAnsi(header, body, bodyStart, ports);
        }
        List<String> parameterNames = parameterNames(parameters);
        if (parameters.isEmpty() && kind.equals("module")) {
            parameters = bodyParameters(body, parameterNames);
        }
        List<String> modports = kind.equals("interface") ? modports(body) : List.of();
        return new SvModule(kind, name, file, line, parameters, List.copyOf(parameterNames), List.copyOf(ports), ansi,
                bodyStart, bodyEnd, modports);
    }

    private int offsetOf(String header, int afterClose) {
        return afterClose - 1 - header.length();
    }

    /** Reads an ANSI port list into {@code ports}; returns false when the header is a bare name list. */
    private boolean parseAnsi(String header, int headerOffset, List<SvPort> ports) {
        String direction = null;
        String type = "";
        String iface = null;
        String modport = null;
        boolean ansi = false;
        int itemStart = 0;
        for (String raw : splitTopLevel(header, ',')) {
            int itemOffset = headerOffset + itemStart;
            itemStart += raw.length() + 1;
            String item = stripDefault(raw).trim();
            if (item.isEmpty()) {
                continue;
            }
            Matcher nm = TRAILING_NAME.matcher(item);
            if (!nm.matches()) {
                continue;
            }
            String lead = nm.group(1).trim();
            String name = nm.group(2);
            String unpacked = nm.group(3).replaceAll("\\s+", "");
            String first = lead.isEmpty() ? "" : lead.split("[\\s\\[]+")[0];
            int line = lineOf(itemOffset + raw.indexOf(item) + nm.start(2));
            if (DIRECTIONS.contains(first)) {
                ansi = true;
                direction = first;
                type = lead.substring(first.length()).trim();
                iface = null;
                modport = null;
            } else if (!lead.isEmpty()) {
                Matcher it = INTERFACE_TYPE.matcher(lead);
                boolean keyword = DATA_KEYWORDS.contains(first) || lead.startsWith("[") || lead.contains("::");
                if (it.matches()) {
                    ansi = true;
                    direction = null;
                    type = "";
                    iface = it.group(1);
                    modport = it.group(2);
                } else if (!keyword && direction == null && lead.matches(IDENT)) {
                    ansi = true;
                    type = "";
                    iface = lead;
                    modport = null;
                } else {
                    ansi = true;
                    direction = direction == null ? "inout" : direction;
                    type = lead;
                    iface = null;
                    modport = null;
                }
            } else if (!ansi) {
                return false;
            }
            ports.add(new SvPort(name, iface == null ? direction : null, iface == null ? type : "", iface, modport,
                    unpacked, line));
        }
        return true;
    }

    private void parseNonAnsi(String header, String body, int bodyStart, List<SvPort> ports) {
        List<String> names = new ArrayList<>();
        for (String raw : splitTopLevel(header, ',')) {
            Matcher nm = Pattern.compile("(" + IDENT + ")\\s*$").matcher(raw.trim());
            if (nm.find()) {
                names.add(nm.group(1));
            }
        }
        Map<String, SvPort> found = new LinkedHashMap<>();
        Matcher d = DIRECTION_DECL.matcher(body);
        while (d.find()) {
            addDeclared(d.group(1), null, null, d.group(2), bodyStart + d.start(2), names, found);
        }
        Matcher i = Pattern.compile("(?<![\\w$.])(" + IDENT + ")\\s*\\.\\s*(" + IDENT + ")\\s+([^;]*);").matcher(body);
        while (i.find()) {
            addDeclared(null, i.group(1), i.group(2), i.group(3), bodyStart + i.start(3), names, found);
        }
        Matcher bare = Pattern.compile("(?<![\\w$.])(" + IDENT + ")\\s+(" + IDENT + ")\\s*((?:\\[[^\\]]*\\]\\s*)*);")
                .matcher(body);
        while (bare.find()) {
            String ifName = bare.group(1);
            if (!DATA_KEYWORDS.contains(ifName) && !DIRECTIONS.contains(ifName) && names.contains(bare.group(2))
                    && !found.containsKey(bare.group(2))) {
                found.put(bare.group(2), new SvPort(bare.group(2), null, "", ifName, null,
                        bare.group(3).replaceAll("\\s+", ""), lineOf(bodyStart + bare.start(2))));
            }
        }
        for (String n : names) {
            SvPort p = found.get(n);
            if (p == null) {
                throw new TandemException(file + ":" + lineOf(bodyStart) + ": port '" + n
                        + "' is listed in the module header but never declared input, output or inout");
            }
            if (!p.isInterface() && !p.type().contains("[")) {
                p = withNetRange(p, body);
            }
            ports.add(p);
        }
    }

    private void addDeclared(String direction, String iface, String modport, String decl, int declOffset,
                             List<String> names, Map<String, SvPort> found) {
        String type = null;
        for (String raw : splitTopLevel(decl, ',')) {
            String item = stripDefault(raw).trim();
            Matcher nm = TRAILING_NAME.matcher(item);
            if (!nm.matches()) {
                continue;
            }
            if (type == null) {
                type = nm.group(1).trim();
            }
            String name = nm.group(2);
            if (names.contains(name) && !found.containsKey(name)) {
                found.put(name, new SvPort(name, direction, iface == null ? type : "", iface, modport,
                        nm.group(3).replaceAll("\\s+", ""), lineOf(declOffset + decl.indexOf(name))));
            }
        }
    }

    /** Verilog-1995 style {@code output q; reg [7:0] q;}: take the range from the net declaration. */
    private static SvPort withNetRange(SvPort p, String body) {
        Matcher m = Pattern.compile("\\b(?:reg|wire|logic|var)\\b\\s*((?:signed\\s*)?\\[[^\\]]*\\])[^;]*?\\b"
                + Pattern.quote(p.name()) + "\\b[^;]*;").matcher(body);
        if (m.find()) {
            String type = (p.type() + " " + m.group(1)).trim();
            return new SvPort(p.name(), p.direction(), type, null, null, p.unpacked(), p.line());
        }
        return p;
    }

    private static List<String> parameterNames(String parameters) {
        List<String> names = new ArrayList<>();
        boolean local = false;
        for (String raw : splitTopLevel(parameters, ',')) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            if (item.startsWith("localparam")) {
                local = true;
            } else if (item.startsWith("parameter")) {
                local = false;
            }
            if (local) {
                continue;
            }
            int eq = topLevelEquals(item);
            String lhs = eq < 0 ? item : item.substring(0, eq);
            Matcher id = Pattern.compile("(" + IDENT + ")\\s*(?:\\[[^\\]]*\\]\\s*)*$").matcher(lhs.trim());
            if (id.find()) {
                names.add(id.group(1));
            }
        }
        return names;
    }

    /** Body-level {@code parameter} declarations of a module without a parameter header, as header text. */
    private static String bodyParameters(String body, List<String> names) {
        List<String> items = new ArrayList<>();
        Matcher p = BODY_PARAMETER.matcher(body);
        while (p.find()) {
            String decl = p.group(1).trim();
            for (String item : splitTopLevel(decl, ',')) {
                items.add("parameter " + item.trim());
            }
        }
        String text = String.join(", ", items);
        names.addAll(parameterNames(text));
        return text;
    }

    private static List<String> modports(String body) {
        List<String> names = new ArrayList<>();
        Matcher m = MODPORT.matcher(body);
        while (m.find()) {
            for (String item : splitTopLevel(m.group(1), ',')) {
                Matcher id = Pattern.compile("^\\s*(" + IDENT + ")\\s*\\(").matcher(item);
                if (id.find()) {
                    names.add(id.group(1));
                }
            }
        }
        return List.copyOf(names);
    }

    /** Replaces function and task bodies by spaces: their {@code input} declarations are not ports. */
    private static String blankSubroutines(String body) {
        StringBuilder sb = new StringBuilder(body);
        Matcher m = SUBROUTINE.matcher(body);
        int from = 0;
        while (m.find(from)) {
            if (m.start() > 0 && body.charAt(m.start() - 1) == '`') {
                from = m.end();
                continue;
            }
            Matcher end = Pattern.compile("\\bend" + m.group(1) + "\\b").matcher(body);
            int stop = end.find(m.end()) ? end.end() : body.length();
            for (int k = m.start(); k < stop; k++) {
                if (sb.charAt(k) != '\n') {
                    sb.setCharAt(k, ' ');
                }
            }
            from = stop;
        }
        return sb.toString();
    }

    private boolean isDirectiveArgument(int offset) {
        int ls = lineStarts[lineOf(offset) - 1];
        String before = code.substring(ls, offset).trim();
        return before.startsWith("`") || before.endsWith("virtual") || before.endsWith(".");
    }

    private int skipImports(int i) {
        i = skipSpace(code, i);
        while (code.startsWith("import", i) && i + 6 < code.length() && !isIdentChar(code.charAt(i + 6))) {
            int semi = code.indexOf(';', i);
            i = skipSpace(code, semi < 0 ? code.length() : semi + 1);
        }
        return i;
    }

    private int requireMatching(int open, String name) {
        int close = matching(code, open);
        if (close < 0) {
            throw new TandemException(file + ":" + lineOf(open) + ": the header of " + name + " is not closed");
        }
        return close;
    }

    private String blankComments(String s) {
        StringBuilder out = new StringBuilder(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                comments.add(new Comment(-1, i, s.substring(i + 2, end)));
                blank(out, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                comments.add(new Comment(-1, i, s.substring(i + 2, end < 0 ? n : end)));
                blank(out, i, stop);
                i = stop;
            } else if (c == '(' && i + 1 < n && s.charAt(i + 1) == '*' && i + 2 < n && s.charAt(i + 2) != ')') {
                int end = s.indexOf("*)", i + 2);
                int stop = end < 0 ? n : end + 2;
                blank(out, i, stop);
                i = stop;
            } else {
                i++;
            }
        }
        int[] starts = lineStarts(s);
        for (int k = 0; k < comments.size(); k++) {
            Comment c = comments.get(k);
            int idx = Arrays.binarySearch(starts, c.offset());
            comments.set(k, new Comment(idx >= 0 ? idx + 1 : -idx - 1, c.offset(), c.body()));
        }
        return out.toString();
    }

    /**
     * Blanks the text {@code `ifdef}/{@code `ifndef}/{@code `elsif}/{@code `else} leave out
     * with the macros in {@code defined}, and the conditional directives themselves, so a port
     * list with a conditional port reads as the compiler sees it. Tracks {@code `define} and
     * {@code `undef} in the text that stays.
     */
    private static String blankInactive(String code, Set<String> defined) {
        StringBuilder out = new StringBuilder(code);
        Deque<boolean[]> stack = new ArrayDeque<>();
        boolean active = true;
        Matcher d = CONDITIONAL.matcher(code);
        int regionStart = 0;
        while (d.find()) {
            if (!active) {
                blank(out, regionStart, d.start());
            }
            String directive = d.group(1);
            String name = d.group(2);
            switch (directive) {
                case "ifdef", "ifndef" -> {
                    stack.push(new boolean[] {active, false});
                    boolean taken = active && (defined.contains(name) == directive.equals("ifdef"));
                    stack.peek()[1] = taken;
                    active = taken;
                }
                case "elsif" -> {
                    boolean[] top = stack.isEmpty() ? new boolean[] {true, true} : stack.peek();
                    boolean taken = top[0] && !top[1] && defined.contains(name);
                    top[1] |= taken;
                    active = taken;
                }
                case "else" -> {
                    boolean[] top = stack.isEmpty() ? new boolean[] {true, true} : stack.peek();
                    active = top[0] && !top[1];
                    top[1] = true;
                }
                case "endif" -> active = stack.isEmpty() || stack.pop()[0];
                case "define" -> {
                    if (active) {
                        defined.add(name);
                    }
                }
                default -> {
                    if (active) {
                        defined.remove(name);
                    }
                }
            }
            boolean named = !directive.equals("else") && !directive.equals("endif");
            int end = named ? d.end() : d.start() + 1 + directive.length();
            if (!directive.equals("define") && !directive.equals("undef")) {
                blank(out, d.start(), end);
            }
            regionStart = end;
        }
        if (!active) {
            blank(out, regionStart, code.length());
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        int[] a = new int[starts.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = starts.get(i);
        }
        return a;
    }

    static List<String> splitTopLevel(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String stripDefault(String item) {
        int eq = topLevelEquals(item);
        return eq < 0 ? item : item.substring(0, eq);
    }

    private static int topLevelEquals(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '=' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int matchingBack(String s, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return 0;
    }

    /** The offset of the {@code (} that encloses {@code offset}, or -1. */
    private static int enclosingOpen(String s, int offset) {
        int depth = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ';' && depth == 0) {
                return -1;
            }
        }
        return -1;
    }

    private static int skipBackSpaceAndDims(String s, int i) {
        i = skipBackSpace(s, i);
        while (i >= 0 && s.charAt(i) == ']') {
            i = s.lastIndexOf('[', i);
            i = skipBackSpace(s, i - 1);
        }
        return i;
    }

    private static int skipBackSpace(String s, int i) {
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        return i;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
