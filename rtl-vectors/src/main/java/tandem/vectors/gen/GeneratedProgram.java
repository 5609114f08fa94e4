package tandem.vectors.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The {@code .S} text. */
    public String source() {
        return String.join("\n", lines()) + "\n";
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
