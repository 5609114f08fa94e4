package tandem.dut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * The top module chosen among a set of Verilog / SystemVerilog files and its port list, read
 * straight from the source (ANSI headers as SpinalHDL and most tools emit, and the older
 * non-ANSI style). Reading the header ourselves takes milliseconds where
 * {@code verilator --xml-only} re-parses the whole design; Verilator still checks everything
 * when it builds.
 */
public final class TopModule {

    private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+(?:automatic\\s+|static\\s+)?([A-Za-z_][A-Za-z0-9_$]*)");
    private static final Pattern RANGE = Pattern.compile("\\[\\s*(\\d+)\\s*:\\s*(\\d+)\\s*\\]");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final String name;
    private final Path file;
    private final List<Port> ports;

    private TopModule(String name, Path file, List<Port> ports) {
        this.name = name;
        this.file = file;
        this.ports = List.copyOf(ports);
    }

    /** The module's name. */
    public String name() {
        return name;
    }

    /** The file that declares it. */
    public Path file() {
        return file;
    }

    /** Its ports in declaration order. */
    public List<Port> ports() {
        return ports;
    }

    /** Whether a port of that name exists. */
    public boolean hasPort(String portName) {
        for (Port p : ports) {
            if (p.name().equals(portName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds {@code top} in {@code files}.
     *
     * @throws TandemException naming the modules that were found when {@code top} is not among them
     */
    public static TopModule find(List<Path> files, String top) {
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path f : files) {
            String text = stripComments(read(f));
            Matcher m = MODULE.matcher(text);
            while (m.find()) {
                seen.putIfAbsent(m.group(1), f);
                if (m.group(1).equals(top)) {
                    return new TopModule(top, f, parsePorts(text, m.end(), f, top));
                }
            }
        }
        throw new TandemException("top module '" + top + "' is not declared in " + names(files)
                + (seen.isEmpty() ? " (no modules found)" : "; modules found: " + String.join(", ", seen.keySet())));
    }

    private static String names(List<Path> files) {
        List<String> n = new ArrayList<>();
        for (Path f : files) {
            n.add(f.toString());
        }
        return n.size() <= 3 ? String.join(", ", n) : n.get(0) + " and " + (n.size() - 1) + " other files";
    }

    static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes comments, keeping newlines so offsets still map to lines roughly. */
    static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(s, i, Math.min(n, j + 1));
                i = j + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (s.charAt(k) == '\n') {
                        out.append('\n');
                    }
                }
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<Port> parsePorts(String text, int afterName, Path file, String top) {
        int i = skipSpace(text, afterName);
        if (i < text.length() && text.charAt(i) == '#') {
            i = skipSpace(text, i + 1);
            i = matchingParen(text, i, file, top) + 1;
            i = skipSpace(text, i);
        }
        if (i >= text.length() || text.charAt(i) != '(') {
            return List.of();
        }
        int close = matchingParen(text, i, file, top);
        String header = text.substring(i + 1, close);
        List<Port> ports = new ArrayList<>();
        String direction = null;
        int width = 1;
        boolean ansi = false;
        List<String> bareNames = new ArrayList<>();
        for (String item : splitTopLevel(header)) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            String first = t.split("\\s+")[0];
            String name = lastIdentifier(t.replaceAll("\\[[^\\]]*\\]\\s*$", ""));
            if (first.equals("input") || first.equals("output") || first.equals("inout")) {
                ansi = true;
                direction = first;
                width = widthOf(t);
            } else if (!first.equals(name) && !first.startsWith("[")) {
                // "iface.modport name" or "iface name": a SystemVerilog interface port
                ansi = true;
                direction = "interface";
                width = -1;
            }
            if (ansi) {
                ports.add(new Port(name, direction, width));
            } else {
                bareNames.add(name);
            }
        }
        if (!ansi) {
            String body = text.substring(close);
            for (String n : bareNames) {
                Matcher m = Pattern.compile("\\b(input|output|inout)\\b([^;]*?)\\b" + Pattern.quote(n) + "\\b").matcher(body);
                ports.add(m.find() ? new Port(n, m.group(1), widthOf(m.group(2))) : new Port(n, "unknown", -1));
            }
        }
        return ports;
    }

    private static int widthOf(String decl) {
        Matcher r = RANGE.matcher(decl);
        if (r.find()) {
            return Math.abs(Integer.parseInt(r.group(1)) - Integer.parseInt(r.group(2))) + 1;
        }
        return decl.contains("[") ? -1 : 1;
    }

    private static String lastIdentifier(String s) {
        Matcher m = IDENT.matcher(s);
        String last = s;
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int matchingParen(String s, int open, Path file, String top) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new TandemException(file + ": the port list of module " + top + " is not closed");
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
