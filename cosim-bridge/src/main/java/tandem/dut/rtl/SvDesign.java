package tandem.dut.rtl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tandem.golden.TandemException;

/**
 * Every file of a {@link SourceList}, scanned by {@link SvSource}, with lookups by module and
 * interface name. Library directories ({@code -y}) are searched the way Verilator searches
 * them: for a file named after the module with one of the library extensions.
 */
public final class SvDesign {

    private final SourceList sources;
    private final List<SvSource> scanned = new ArrayList<>();
    private final Map<String, SvModule> declarations = new LinkedHashMap<>();
    /** Macros defined so far, in compilation order, for the conditionals of the next file. */
    private final Set<String> defined = new HashSet<>();

    private SvDesign(SourceList sources) {
        this.sources = sources;
        for (String d : sources.defines()) {
            defined.add(d.contains("=") ? d.substring(0, d.indexOf('=')) : d);
        }
        for (Path f : sources.files()) {
            add(SvSource.read(f, defined));
        }
        for (Path f : sources.libraryFiles()) {
            add(SvSource.read(f, defined));
        }
    }

    /** Scans every file of {@code sources}. */
    public static SvDesign scan(SourceList sources) {
        return new SvDesign(sources);
    }

    private void add(SvSource s) {
        scanned.add(s);
        for (SvModule m : s.modules()) {
            declarations.putIfAbsent(m.name(), m);
        }
    }

    /** The scanned files in command-line order (library files last). */
    public List<SvSource> sources() {
        return scanned;
    }

    /** The scanned source of {@code file}, or {@code null}. */
    public SvSource source(Path file) {
        for (SvSource s : scanned) {
            if (s.file().equals(file)) {
                return s;
            }
        }
        return null;
    }

    /** The module or interface called {@code name}, looking in library directories too; or {@code null}. */
    public SvModule find(String name) {
        SvModule m = declarations.get(name);
        if (m != null) {
            return m;
        }
        List<String> extensions = sources.libraryExtensions().isEmpty() ? List.of(".v", ".sv")
                : sources.libraryExtensions();
        for (Path dir : sources.libraryDirs()) {
            for (String ext : extensions) {
                Path f = dir.resolve(name + ext);
                if (Files.isRegularFile(f)) {
                    add(SvSource.read(f, new HashSet<>(defined)));
                    return declarations.get(name);
                }
            }
        }
        return null;
    }

    /**
     * The module {@code top}.
     *
     * @throws TandemException listing the modules declared when there is none of that name
     */
    public SvModule top(String top) {
        SvModule m = find(top);
        if (m != null && m.kind().equals("module")) {
            return m;
        }
        List<String> names = new ArrayList<>();
        for (SvModule d : declarations.values()) {
            if (d.kind().equals("module")) {
                names.add(d.name());
            }
        }
        throw new TandemException("top module '" + top + "' is not declared in the RTL given"
                + (names.isEmpty() ? " (no modules found)" : "; modules found: " + shortList(names)));
    }

    /**
     * The {@code `timescale} in effect where {@code module} is declared: the last directive
     * before it in its file, else the last one in the files before it (a directive stays in
     * effect across files); {@code null} when none of the RTL has one.
     */
    public String timescaleOf(SvModule module) {
        String last = null;
        for (SvSource s : scanned) {
            if (s.file().equals(module.file())) {
                SvSource.Timescale t = s.timescaleBefore(s.lineStart(module.line()));
                return t != null ? t.value() : last;
            }
            if (!s.timescales().isEmpty()) {
                last = s.timescales().get(s.timescales().size() - 1).value();
            }
        }
        return last;
    }

    /** Whether any file of the RTL has a {@code `timescale} directive. */
    public boolean hasTimescale() {
        for (SvSource s : scanned) {
            if (!s.timescales().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code `timescale} value in the RTL, or {@code null}. */
    public String firstTimescale() {
        for (SvSource s : scanned) {
            if (!s.timescales().isEmpty()) {
                return s.timescales().get(0).value();
            }
        }
        return null;
    }

    static String shortList(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more";
    }
}
