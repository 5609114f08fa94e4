package tandem.vectors;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import tandem.golden.trap.Cause;
import tandem.vectors.asm.AssembledProgram;

/**
 * One row of a vector file, parsed and checked: like Commons CSV's {@code CSVRecord} it knows
 * the file and line it came from, so every message about it can name them. An instruction
 * vector carries {@link #setup()} and {@link #expected()}; a BIO vector {@link #bio()}.
 */
public final class Vector {

    /**
     * Architectural state before a vector runs.
     *
     * @param pc        start address, where the program is placed
     * @param privilege 3 M, 1 S, 0 U
     * @param program   the instructions, assembled at {@code pc}
     * @param regs      register number to initial value
     * @param csrs      CSR address to initial value, written in address order through WARL rules
     * @param memory    memory cells written before the run
     * @param steps     instructions to retire; a trap taken to the default handler ends the run earlier
     */
    public record Setup(long pc, int privilege, AssembledProgram program, SortedMap<Integer, Integer> regs,
                        SortedMap<Integer, Integer> csrs, List<MemoryWord> memory, long steps) {
        /** Copies the collections. */
        public Setup {
            regs = Collections.unmodifiableSortedMap(new TreeMap<>(regs));
            csrs = Collections.unmodifiableSortedMap(new TreeMap<>(csrs));
            memory = List.copyOf(memory);
        }
    }

    /**
     * What must hold after the run; absent parts are not checked.
     *
     * @param pc        pc after the run, or null
     * @param privilege privilege after the run, or null
     * @param regs      registers to check
     * @param csrs      CSRs to check
     * @param memory    memory cells to check
     * @param trap      the trap that ends the run; null when no trap may end it
     * @param tval      the trap's tval, or null
     * @param trace     retire-stream summary to match ({@code retires=N traps=K hash=H}), or null
     */
    public record Expected(Long pc, Integer privilege, SortedMap<Integer, Integer> regs,
                           SortedMap<Integer, Integer> csrs, List<MemoryWord> memory, Cause trap, Integer tval,
                           String trace) {
        /** Copies the collections. */
        public Expected {
            regs = Collections.unmodifiableSortedMap(new TreeMap<>(regs));
            csrs = Collections.unmodifiableSortedMap(new TreeMap<>(csrs));
            memory = List.copyOf(memory);
        }
    }

    /**
     * A BIO vector.
     *
     * @param program the program's words, or the file it names
     * @param words   the program, one 32-bit word per instruction
     * @param cycles  cycles to run
     * @param edges   pin edges expected, in cycle order
     * @param inputs  input pin edges to apply, same spelling
     * @param qdiv    core 0's quantum divider register value (0 runs at full speed)
     */
    public record Bio(String program, List<Integer> words, long cycles, List<PinEdge> edges, List<PinEdge> inputs,
                      int qdiv) {
        /** Copies the lists. */
        public Bio {
            words = List.copyOf(words);
            edges = List.copyOf(edges);
            inputs = List.copyOf(inputs);
        }
    }

    private final String source;
    private final long line;
    private final String name;
    private final VectorKind kind;
    private final Setup setup;
    private final Expected expected;
    private final Bio bio;

    Vector(String source, long line, String name, Setup setup, Expected expected) {
        this.source = source;
        this.line = line;
        this.name = Objects.requireNonNull(name);
        this.kind = VectorKind.INSTRUCTION;
        this.setup = Objects.requireNonNull(setup);
        this.expected = Objects.requireNonNull(expected);
        this.bio = null;
    }

    Vector(String source, long line, String name, Bio bio) {
        this.source = source;
        this.line = line;
        this.name = Objects.requireNonNull(name);
        this.kind = VectorKind.BIO;
        this.setup = null;
        this.expected = null;
        this.bio = Objects.requireNonNull(bio);
    }

    /** The file the vector came from, as given to the reader. */
    public String source() {
        return source;
    }

    /** Its 1-based line in that file. */
    public long line() {
        return line;
    }

    /** {@code file:line}, the prefix of every message about this vector. */
    public String location() {
        return source + ":" + line;
    }

    /** The vector's name. */
    public String name() {
        return name;
    }

    /** Instruction or BIO. */
    public VectorKind kind() {
        return kind;
    }

    /** Initial state; instruction vectors only. */
    public Setup setup() {
        if (setup == null) {
            throw new IllegalStateException(location() + " is a BIO vector");
        }
        return setup;
    }

    /** Expected effects; instruction vectors only. */
    public Expected expected() {
        if (expected == null) {
            throw new IllegalStateException(location() + " is a BIO vector");
        }
        return expected;
    }

    /** The BIO part; BIO vectors only. */
    public Bio bio() {
        if (bio == null) {
            throw new IllegalStateException(location() + " is an instruction vector");
        }
        return bio;
    }

    @Override
    public String toString() {
        return location() + " " + name;
    }
}
