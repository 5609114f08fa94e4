package tandem.vectors;

import java.util.List;
import java.util.Set;

/**
 * The two kinds of vector file, told apart by their header: instruction vectors have an
 * {@code insn} column, BIO vectors a {@code program} and a {@code cycles} column. Each kind
 * lists the columns it knows; any other column is an error at the header line.
 */
public enum VectorKind {
    /** Directed CPU vectors: initial state, instructions, expected effects. */
    INSTRUCTION(List.of("name", "insn"),
            List.of("pc", "priv", "regs", "csrs", "mem", "steps", "expect_pc", "expect_priv", "expect_regs",
                    "expect_csrs", "expect_mem", "expect_trap", "expect_tval", "expect_trace")),
    /** BIO vectors: a program, a cycle count, the pin edges expected. */
    BIO(List.of("name", "program", "cycles"), List.of("expect_edges", "inputs", "qdiv"));

    private final List<String> required;
    private final List<String> optional;

    VectorKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** Columns every row of this kind has. */
    public List<String> required() {
        return required;
    }

    /** Columns a file may add. */
    public List<String> optional() {
        return optional;
    }

    /** Whether {@code column} belongs to this kind. */
    public boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }

    /** The kind a header describes, or null when it has neither {@code insn} nor {@code program}. */
    static VectorKind of(Set<String> header) {
        if (header.contains("insn")) {
            return INSTRUCTION;
        }
        if (header.contains("program")) {
            return BIO;
        }
        return null;
    }
}
