package tandem.vectors.asm;

import java.util.List;
import java.util.Map;

/**
 * The output of the {@link Assembler}: a flat image loaded at {@link #base}, the address of
 * each label, and where each source line's instruction landed.
 *
 * @param base         load address of {@code image[0]}
 * @param image        the bytes, little-endian
 * @param labels       label name to address
 * @param instructions the instructions in address order (data directives are not listed)
 */
public record AssembledProgram(long base, byte[] image, Map<String, Long> labels, List<Placed> instructions) {

    /** Copies the collections; the image is shared, callers must not change it. */
    public AssembledProgram {
        labels = Map.copyOf(labels);
        instructions = List.copyOf(instructions);
    }

    /**
     * One instruction.
     *
     * @param address where it is
     * @param bits    its encoding (16 bits for a compressed one)
     * @param length  2 or 4
     * @param line    1-based source line it came from (a pseudo-instruction gives several)
     */
    public record Placed(long address, int bits, int length, int line) {
    }

    /** The address of {@code label}; the label must exist. */
    public long label(String label) {
        Long a = labels.get(label);
        if (a == null) {
            throw new IllegalArgumentException("no label " + label);
        }
        return a;
    }
}
