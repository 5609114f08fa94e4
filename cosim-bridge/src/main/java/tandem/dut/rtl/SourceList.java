package tandem.dut.rtl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * The RTL a user names with {@code --rtl}: Verilog / SystemVerilog files and {@code .f} lists
 * of them, as simulators read such lists. A list holds whitespace-separated entries;
 * {@code //} and {@code /* *}{@code /} comments, and lines starting with {@code #}, are
 * ignored; {@code $VAR} and {@code ${VAR}} are replaced from the environment. Entries:
 * <ul>
 *   <li>a file (relative to the list's directory, else to the working directory);</li>
 *   <li>{@code +incdir+a+b}, {@code -I dir}: include directories;</li>
 *   <li>{@code +define+A=1+B}, {@code -D A=1}: macro definitions;</li>
 *   <li>{@code -y dir}: a library directory searched for undefined modules;
 *       {@code -v file}: a library file; {@code +libext+.v+.sv}: library file extensions;</li>
 *   <li>{@code -f list}, {@code -F list}: a nested list;</li>
 *   <li>any other {@code +...} or {@code -...} entry: passed to Verilator unchanged.</li>
 * </ul>
 * Paths are made absolute so Verilator can run in any directory. An error names the list and
 * line it comes from.
 *
 * @param files             the source files, in order
 * @param includeDirs       {@code +incdir+} directories
 * @param defines           {@code NAME} or {@code NAME=value} definitions
 * @param libraryDirs       {@code -y} directories
 * @param libraryFiles      {@code -v} files
 * @param libraryExtensions {@code +libext+} extensions (Verilator's default {@code .v .sv} when empty)
 * @param otherFlags        entries passed to Verilator unchanged
 */
public record SourceList(List<Path> files, List<Path> includeDirs, List<String> defines, List<Path> libraryDirs,
                         List<Path> libraryFiles, List<String> libraryExtensions, List<String> otherFlags) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    /** Reads {@code args} with the process environment. */
    public static SourceList of(List<Path> args) {
        return of(args, System.getenv());
    }

    /**
     * Reads {@code args} (files or {@code .f} lists), checking that every file exists.
     *
     * @param env the variables {@code $VAR} may name
     * @throws TandemException naming the list and line of a missing file, an unknown variable or
     *                         an option without its argument; or when no source file is named
     */
    public static SourceList of(List<Path> args, Map<String, String> env) {
        Reader r = new Reader(env);
        for (Path p : args) {
            r.entry(p.toString(), Path.of("").toAbsolutePath(), null, 0, new LinkedHashSet<>());
        }
        if (r.files.isEmpty()) {
            throw new TandemException("no RTL source files given" + (args.isEmpty() ? "" : " in " + args));
        }
        return new SourceList(List.copyOf(r.files), List.copyOf(r.includeDirs), List.copyOf(r.defines),
                List.copyOf(r.libraryDirs), List.copyOf(r.libraryFiles), List.copyOf(r.libraryExtensions),
                List.copyOf(r.otherFlags));
    }

    /** The Verilator options these sources need besides the files themselves. */
    public List<String> verilatorArgs() {
        List<String> a = new ArrayList<>();
        for (Path d : includeDirs) {
            a.add("+incdir+" + d);
        }
        for (String d : defines) {
            a.add("+define+" + d);
        }
        for (Path d : libraryDirs) {
            a.add("-y");
            a.add(d.toString());
        }
        for (Path f : libraryFiles) {
            a.add("-v");
            a.add(f.toString());
        }
        if (!libraryExtensions.isEmpty()) {
            a.add("+libext+" + String.join("+", libraryExtensions));
        }
        a.addAll(otherFlags);
        return a;
    }

    /** Accumulates entries while lists are read. */
    private static final class Reader {
        final Map<String, String> env;
        final List<Path> files = new ArrayList<>();
        final List<Path> includeDirs = new ArrayList<>();
        final List<String> defines = new ArrayList<>();
        final List<Path> libraryDirs = new ArrayList<>();
        final List<Path> libraryFiles = new ArrayList<>();
        final List<String> libraryExtensions = new ArrayList<>();
        final List<String> otherFlags = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        /** One file or list entry, named at {@code from}:{@code line} (or on the command line). */
        void entry(String name, Path dir, Path from, int line, Set<Path> open) {
            Path p = resolve(name, dir, from, line, true);
            if (isList(p)) {
                readList(p, open, from, line);
            } else {
                files.add(p);
            }
        }

        private static boolean isList(Path p) {
            String n = p.getFileName().toString();
            return n.endsWith(".f") || n.endsWith(".vc");
        }

        private void readList(Path list, Set<Path> open, Path from, int fromLine) {
            if (!open.add(list)) {
                throw new TandemException(where(from, fromLine) + "file list " + list + " includes itself");
            }
            String text;
            try {
                text = Files.readString(list, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new TandemException(where(from, fromLine) + "cannot read file list " + list + ": " + e.getMessage());
            }
            List<String[]> tokens = tokens(text);
            Path dir = list.getParent();
            for (int i = 0; i < tokens.size(); i++) {
                int line = Integer.parseInt(tokens.get(i)[1]);
                String t = expand(tokens.get(i)[0], list, line);
                if (t.startsWith("+incdir+")) {
                    for (String d : plusList(t, "+incdir+")) {
                        includeDirs.add(resolve(d, dir, list, line, false));
                    }
                } else if (t.startsWith("+define+")) {
                    defines.addAll(plusList(t, "+define+"));
                } else if (t.startsWith("+libext+")) {
                    libraryExtensions.addAll(plusList(t, "+libext+"));
                } else if (t.equals("-y") || t.equals("-v") || t.equals("-f") || t.equals("-F") || t.equals("-I")
                        || t.equals("-D")) {
                    if (i + 1 >= tokens.size()) {
                        throw new TandemException(list + ":" + line + ": " + t + " needs an argument");
                    }
                    String arg = expand(tokens.get(++i)[0], list, Integer.parseInt(tokens.get(i)[1]));
                    option(t, arg, dir, list, line, open);
                } else if (t.startsWith("-I") || t.startsWith("-D")) {
                    option(t.substring(0, 2), t.substring(2), dir, list, line, open);
                } else if (t.startsWith("+") || t.startsWith("-")) {
                    otherFlags.add(t);
                } else {
                    entry(t, dir, list, line, open);
                }
            }
            open.remove(list);
        }

        private void option(String opt, String arg, Path dir, Path list, int line, Set<Path> open) {
            switch (opt) {
                case "-y" -> libraryDirs.add(resolve(arg, dir, list, line, false));
                case "-v" -> libraryFiles.add(resolve(arg, dir, list, line, true));
                case "-I" -> includeDirs.add(resolve(arg, dir, list, line, false));
                case "-D" -> defines.add(arg);
                default -> readList(resolve(arg, dir, list, line, true), open, list, line);
            }
        }

        private static List<String> plusList(String t, String prefix) {
            List<String> out = new ArrayList<>();
            for (String s : t.substring(prefix.length()).split("\\+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
            return out;
        }

        private String expand(String token, Path list, int line) {
            Matcher m = VARIABLE.matcher(token);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String value = env.get(name);
                if (value == null) {
                    throw new TandemException(list + ":" + line + ": environment variable $" + name + " is not set");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        /** A path relative to the list's directory, else to the working directory. */
        private static Path resolve(String name, Path dir, Path from, int line, boolean file) {
            Path own = dir.resolve(name).normalize();
            Path cwd = Path.of(name).toAbsolutePath().normalize();
            for (Path p : List.of(own, cwd)) {
                if (file ? Files.isRegularFile(p) : Files.isDirectory(p)) {
                    return p;
                }
            }
            throw new TandemException(where(from, line) + (file ? "RTL file not found: " : "directory not found: ")
                    + (from == null ? name : own));
        }

        private static String where(Path from, int line) {
            return from == null ? "" : from + ":" + line + ": ";
        }

        /** Whitespace-separated tokens of a list with their 1-based line, comments removed. */
        private static List<String[]> tokens(String text) {
            List<String[]> out = new ArrayList<>();
            int line = 1;
            int n = text.length();
            int i = 0;
            StringBuilder cur = new StringBuilder();
            int curLine = 1;
            boolean lineStart = true;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/' || lineStart && c == '#') {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                    continue;
                }
                if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                    int end = text.indexOf("*/", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    for (int k = i; k < stop; k++) {
                        if (text.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    i = stop;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    if (cur.length() > 0) {
                        out.add(new String[] {cur.toString(), Integer.toString(curLine)});
                        cur.setLength(0);
                    }
                    if (c == '\n') {
                        line++;
                        lineStart = true;
                    }
                    i++;
                    continue;
                }
                if (cur.length() == 0) {
                    curLine = line;
                }
                lineStart = false;
                cur.append(c);
                i++;
            }
            if (cur.length() > 0) {
                out.add(new String[] {cur.toString(), Integer.toString(curLine)});
            }
            return out;
        }
    }
}
