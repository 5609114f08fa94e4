package tandem.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import tandem.golden.TandemException;
import tandem.golden.trap.Cause;
import tandem.vectors.asm.AsmException;
import tandem.vectors.asm.AssembledProgram;
import tandem.vectors.asm.Assembler;

/**
 * Reads a vector file, like Commons CSV's {@code CSVParser}: {@link Iterable} over the good
 * rows and {@link Closeable}. The header is checked when the reader opens; a header with an
 * unknown or missing column is a {@link TandemException} naming line 1 (nothing can run). A
 * bad row is recorded in {@link #errors()} with its line and column and skipped, so the rest
 * of the file still runs.
 *
 * <p>An instruction vector's {@code insn} cell holds hex words ({@code 00b50533 4585}; four
 * digits is a compressed instruction), assembly separated by {@code ;}
 * ({@code li a0, 5; add a0, a0, a1}), or {@code @file} naming a flat binary ({@code .bin}) or
 * an assembly file ({@code .S}) beside the vector file.
 */
public final class VectorReader implements Iterable<Vector>, Closeable {

    private final String source;
    private final Path directory;
    private final VectorFormat format;
    private final CSVParser parser;
    private final int[] lineStarts;
    private final VectorKind kind;
    private final List<String> columns;
    private final Assembler assembler;
    private final List<VectorError> errors = new ArrayList<>();
    private boolean iterated;

    private VectorReader(String source, Path directory, String text, VectorFormat format) {
        this.source = source;
        this.directory = directory;
        this.format = format;
        this.assembler = new Assembler(format.csrNames());
        this.lineStarts = lineStarts(text);
        CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(format.delimiter())
                .setCommentMarker(format.commentMarker()).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setTrim(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setAllowMissingColumnNames(false).get();
        try {
            this.parser = csv.parse(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new TandemException(source + ":" + headerLine(text) + ": bad header: " + e.getMessage(), e);
        }
        this.columns = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.kind = VectorKind.of(new LinkedHashSet<>(columns));
        long at = headerLine(text);
        if (kind == null) {
            throw new TandemException(source + ":" + at + ": header has neither an insn column (instruction "
                    + "vectors) nor a program column (BIO vectors)");
        }
        for (String c : columns) {
            if (!kind.knows(c)) {
                throw new TandemException(source + ":" + at + ": unknown column '" + c + "' for "
                        + kind.name().toLowerCase(Locale.ROOT) + " vectors (known: "
                        + String.join(", ", known(kind)) + ")");
            }
        }
        for (String c : kind.required()) {
            if (!columns.contains(c)) {
                throw new TandemException(source + ":" + at + ": missing column '" + c + "'");
            }
        }
    }

    /** Opens {@code file}; a missing file, unreadable file or bad header is a {@link TandemException}. */
    public static VectorReader open(Path file, VectorFormat format) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TandemException(file + ": cannot read: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new VectorReader(file.toString(), dir, text, format);
    }

    /** Reads vectors from {@code text}, named {@code source} in messages; {@code @file} cells resolve in {@code dir}. */
    public static VectorReader of(String source, String text, Path dir, VectorFormat format) {
        return new VectorReader(source, dir, text, format);
    }

    /** The kind of vectors in this file. */
    public VectorKind kind() {
        return kind;
    }

    /** The file name used in messages. */
    public String source() {
        return source;
    }

    /** Rows skipped so far, with why. Complete once iteration has finished. */
    public List<VectorError> errors() {
        return List.copyOf(errors);
    }

    /** The good rows, in file order; may be called once. */
    @Override
    public Iterator<Vector> iterator() {
        if (iterated) {
            throw new IllegalStateException("a VectorReader can be iterated once");
        }
        iterated = true;
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private Vector next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            return false;
                        }
                        r = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        // A broken quote ends the file for Commons CSV; report where the parser stopped.
                        errors.add(new VectorError(source, parser.getCurrentLineNumber(), null,
                                "malformed CSV, rest of file skipped: " + rootMessage(e)));
                        return false;
                    }
                    next = parse(r);
                }
                return true;
            }

            @Override
            public Vector next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Vector v = next;
                next = null;
                return v;
            }
        };
    }

    /** All good rows as a list (iterates the reader). */
    public List<Vector> readAll() {
        List<Vector> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Vector parse(CSVRecord r) {
        long line = lineOf(r.getCharacterPosition());
        if (r.size() != columns.size()) {
            errors.add(new VectorError(source, line, null, "expected " + columns.size() + " columns, found " + r.size()));
            return null;
        }
        String column = "name";
        try {
            String name = cell(r, "name");
            if (name.isEmpty()) {
                throw new CellException("empty");
            }
            if (kind == VectorKind.BIO) {
                column = "program";
                String program = cell(r, "program");
                List<Integer> words = bioWords(program);
                column = "cycles";
                long cycles = Cells.count(cell(r, "cycles"));
                column = "expect_edges";
                var edges = Cells.edges(cell(r, "expect_edges"));
                column = "inputs";
                var inputs = Cells.edges(cell(r, "inputs"));
                column = "qdiv";
                int qdiv = cell(r, "qdiv").isEmpty() ? 0 : (int) Cells.hex(cell(r, "qdiv"));
                return new Vector(source, line, name, new Vector.Bio(program, words, cycles, edges, inputs, qdiv));
            }
            column = "pc";
            long pc = cell(r, "pc").isEmpty() ? format.defaultPc() : Cells.hex(cell(r, "pc"));
            if ((pc & 1) != 0) {
                throw new CellException("pc must be even: " + cell(r, "pc"));
            }
            column = "priv";
            int priv = cell(r, "priv").isEmpty() ? 3 : Cells.privilege(cell(r, "priv"));
            column = "insn";
            AssembledProgram program = program(cell(r, "insn"), pc);
            column = "regs";
            SortedMap<Integer, Integer> regs = Cells.registers(cell(r, "regs"));
            column = "csrs";
            SortedMap<Integer, Integer> csrs = Cells.csrs(cell(r, "csrs"), format.csrNames());
            column = "mem";
            var mem = Cells.memory(cell(r, "mem"));
            column = "steps";
            long steps = cell(r, "steps").isEmpty() ? program.instructions().size() : Cells.count(cell(r, "steps"));
            column = "expect_pc";
            Long ePc = cell(r, "expect_pc").isEmpty() ? null : Cells.hex(cell(r, "expect_pc"));
            column = "expect_priv";
            Integer ePriv = cell(r, "expect_priv").isEmpty() ? null : Cells.privilege(cell(r, "expect_priv"));
            column = "expect_regs";
            SortedMap<Integer, Integer> eRegs = Cells.registers(cell(r, "expect_regs"));
            column = "expect_csrs";
            SortedMap<Integer, Integer> eCsrs = Cells.csrs(cell(r, "expect_csrs"), format.csrNames());
            column = "expect_mem";
            var eMem = Cells.memory(cell(r, "expect_mem"));
            column = "expect_trap";
            Cause trap = cell(r, "expect_trap").isEmpty() ? null : Cells.cause(cell(r, "expect_trap"));
            column = "expect_tval";
            Integer tval = cell(r, "expect_tval").isEmpty() ? null : (int) Cells.hex(cell(r, "expect_tval"));
            if (tval != null && trap == null) {
                throw new CellException("expect_tval needs an expect_trap");
            }
            column = "expect_trace";
            String trace = cell(r, "expect_trace").isEmpty() ? null : TraceSummary.parse(cell(r, "expect_trace")).toString();
            return new Vector(source, line, name, new Vector.Setup(pc, priv, program, regs, csrs, mem, steps),
                    new Vector.Expected(ePc, ePriv, eRegs, eCsrs, eMem, trap, tval, trace));
        } catch (CellException e) {
            errors.add(new VectorError(source, line, column, e.getMessage()));
            return null;
        }
    }

    private AssembledProgram program(String text, long pc) throws CellException {
        if (text.isEmpty()) {
            throw new CellException("empty");
        }
        try {
            if (text.startsWith("@")) {
                Path file = directory.resolve(text.substring(1).strip());
                if (file.toString().endsWith(".bin")) {
                    return binary(Files.readAllBytes(file), pc);
                }
                return assembler.assemble(pc, Files.readAllLines(file, StandardCharsets.UTF_8));
            }
            String[] tokens = text.strip().split("[\\s;]+");
            if (Arrays.stream(tokens).allMatch(t -> t.matches("(0[xX])?([0-9a-fA-F]{4}|[0-9a-fA-F]{8})"))) {
                List<String> lines = new ArrayList<>();
                lines.add(".option rvc");
                for (String t : tokens) {
                    String hex = t.replaceFirst("^0[xX]", "");
                    lines.add((hex.length() == 4 ? ".half 0x" : ".word 0x") + hex);
                }
                return withInstructions(assembler.assemble(pc, lines));
            }
            return assembler.assemble(pc, Arrays.asList(text.split(";")));
        } catch (AsmException e) {
            String where = text.startsWith("@") ? text.substring(1).strip() + ":" + e.line() + ": " : "";
            throw new CellException(where + e.getMessage());
        } catch (IOException e) {
            throw new CellException("cannot read " + text.substring(1).strip() + ": " + e.getMessage());
        }
    }

    /** A flat binary: instructions are found by walking it as RVC/32-bit parcels. */
    private static AssembledProgram binary(byte[] bytes, long pc) {
        return new AssembledProgram(pc, bytes, Map.of(), parcels(bytes, pc));
    }

    private static AssembledProgram withInstructions(AssembledProgram data) {
        return new AssembledProgram(data.base(), data.image(), data.labels(), parcels(data.image(), data.base()));
    }

    private static List<AssembledProgram.Placed> parcels(byte[] b, long pc) {
        List<AssembledProgram.Placed> out = new ArrayList<>();
        int i = 0;
        while (i + 1 < b.length) {
            int lo = (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
            if ((lo & 3) != 3) {
                out.add(new AssembledProgram.Placed(pc + i, lo, 2, 1));
                i += 2;
            } else if (i + 3 < b.length) {
                int bits = lo | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
                out.add(new AssembledProgram.Placed(pc + i, bits, 4, 1));
                i += 4;
            } else {
                break;
            }
        }
        return out;
    }

    private List<Integer> bioWords(String program) throws CellException {
        String text = program;
        if (program.startsWith("@")) {
            try {
                text = Files.readString(directory.resolve(program.substring(1).strip()));
            } catch (IOException e) {
                throw new CellException("cannot read " + program.substring(1).strip() + ": " + e.getMessage());
            }
        }
        List<Integer> words = new ArrayList<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String body = hash >= 0 ? line.substring(0, hash) : line;
            for (String t : body.strip().split("[\\s;]+")) {
                if (!t.isEmpty()) {
                    words.add((int) Cells.hex(t));
                }
            }
        }
        if (words.isEmpty()) {
            throw new CellException("empty program");
        }
        return words;
    }

    private String cell(CSVRecord r, String column) {
        int i = columns.indexOf(column);
        return i < 0 ? "" : r.get(i).strip();
    }

    private static List<String> known(VectorKind k) {
        List<String> all = new ArrayList<>(k.required());
        all.addAll(k.optional());
        return all;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private long lineOf(long charPosition) {
        int idx = Arrays.binarySearch(lineStarts, (int) charPosition);
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }

    /** Line of the header: the first line that is neither blank nor a comment. */
    private long headerLine(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && l.charAt(0) != format.commentMarker()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Columns of this file, lower case, in file order. */
    public Set<String> columns() {
        return new LinkedHashSet<>(columns);
    }
}
