package tandem.vectors.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.vectors.asm.AsmException;
import tandem.vectors.asm.AssembledProgram;
import tandem.vectors.asm.Assembler;

/**
 * A generated program as assembly: a fixed prologue (trap handler, register set-up), a body
 * of independent units the {@link Shrinker} may drop, and a fixed epilogue (the end loop, data
 * and page tables). Every unit keeps the program runnable on its own: it starts and ends in
 * M-mode with translation off and its traps resume inside it.
 *
 * @param name     file stem ({@code gen-42-0003})
 * @param seed     the seed it was generated from
 * @param prologue lines before the body
 * @param body     the units, each a list of lines
 * @param epilogue lines after the body
 */
public record GeneratedProgram(String name, long seed, List<String> prologue, List<List<String>> body,
                               List<String> epilogue) {

    /** Load address of every generated program. */
    public static final long BASE = 0x8000_0000L;
    /** Label of the final self-loop; reaching it ends the program. */
    public static final String END = "end";
    /** The comment line before each body unit in a {@code .S} file. */
    public static final String UNIT_MARK = "# --- unit";
    /** The comment line before the epilogue in a {@code .S} file. */
    public static final String EPILOGUE_MARK = "# --- end of body";

    /** Copies the lists. */
    public GeneratedProgram {
        prologue = List.copyOf(prologue);
        body = body.stream().map(List::copyOf).toList();
        epilogue = List.copyOf(epilogue);
    }

    /** The same program with only {@code units} in its body. */
    public GeneratedProgram withBody(List<List<String>> units) {
        return new GeneratedProgram(name, seed, prologue, units, epilogue);
    }

    /** All lines, as written to the {@code .S} file. */
    public List<String> lines() {
        List<String> all = new ArrayList<>(prologue);
        body.forEach(all::addAll);
        all.addAll(epilogue);
        return all;
    }

    /**
     * The {@code .S} text: the lines, with a {@value #UNIT_MARK} comment before each body unit
     * and a {@value #EPILOGUE_MARK} comment before the epilogue, so {@link #parse} can split
     * the file into the same parts again.
     */
    public String source() {
        List<String> all = new ArrayList<>(prologue);
        for (List<String> unit : body) {
            all.add(UNIT_MARK);
            all.addAll(unit);
        }
        all.add(EPILOGUE_MARK);
        all.addAll(epilogue);
        return String.join("\n", all) + "\n";
    }

    /**
     * Reads back a program {@link #source()} wrote: prologue up to the first marker, one unit
     * per {@value #UNIT_MARK}, epilogue after {@value #EPILOGUE_MARK}. The seed is read from the
     * first line's {@code --seed S} when present.
     *
     * @throws IllegalArgumentException when the text has no epilogue marker (not a generated program)
     */
    public static GeneratedProgram parse(String name, String text) {
        List<String> prologue = new ArrayList<>();
        List<List<String>> body = new ArrayList<>();
        List<String> epilogue = new ArrayList<>();
        List<String> into = prologue;
        boolean sawEpilogue = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals(UNIT_MARK) && !sawEpilogue) {
                into = new ArrayList<>();
                body.add(into);
            } else if (line.equals(EPILOGUE_MARK) && !sawEpilogue) {
                into = epilogue;
                sawEpilogue = true;
            } else {
                into.add(line);
            }
        }
        if (!sawEpilogue) {
            throw new IllegalArgumentException("not a generated program: no '" + EPILOGUE_MARK + "' line");
        }
        while (!epilogue.isEmpty() && epilogue.get(epilogue.size() - 1).isEmpty()) {
            epilogue.remove(epilogue.size() - 1);
        }
        long seed = 0;
        Matcher m = Pattern.compile("--seed (-?[0-9]+)")
                .matcher(prologue.isEmpty() ? "" : prologue.get(0));
        if (m.find()) {
            seed = Long.parseLong(m.group(1));
        }
        return new GeneratedProgram(name, seed, prologue, body, epilogue);
    }

    /** Assembles the program at {@link #BASE}. */
    public AssembledProgram assemble(Map<String, Integer> csrNames) {
        try {
            return new Assembler(csrNames).assemble(BASE, lines());
        } catch (AsmException e) {
            throw new IllegalStateException(name + ".S:" + e.line() + ": " + e.getMessage(), e);
        }
    }
}
