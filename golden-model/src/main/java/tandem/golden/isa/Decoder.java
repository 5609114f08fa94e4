package tandem.golden.isa;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@link Opcode} of a 32-bit encoding among the rows a profile enables, and
 * extracts operand fields. Candidates are bucketed by the 7-bit major opcode so a lookup
 * scans a handful of rows; the hart calls it only when its decode cache misses.
 */
public final class Decoder {
    private final Opcode[][] byMajor = new Opcode[128][];
    private final Set<Extension> extensions;

    /** A decoder for the instructions of {@code extensions}. */
    public Decoder(Set<Extension> extensions) {
        this.extensions = EnumSet.copyOf(extensions);
        List<List<Opcode>> buckets = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            buckets.add(new ArrayList<>());
        }
        for (Opcode op : Opcode.values()) {
            if (extensions.contains(op.extension())) {
                buckets.get(op.match() & 0x7F).add(op);
            }
        }
        for (int i = 0; i < 128; i++) {
            byMajor[i] = buckets.get(i).toArray(new Opcode[0]);
        }
    }

    /** Whether compressed instructions are legal. */
    public boolean compressed() {
        return extensions.contains(Extension.C);
    }

    /** The enabled extensions. */
    public Set<Extension> extensions() {
        return EnumSet.copyOf(extensions);
    }

    /** The opcode of a 32-bit encoding, or {@code null} when it is illegal in this profile. */
    public Opcode decode(int bits) {
        for (Opcode op : byMajor[bits & 0x7F]) {
            if ((bits & op.mask()) == op.match()) {
                return op;
            }
        }
        return null;
    }

    /** Destination register field, or 0 for formats that write no register. */
    public static int rd(Opcode op, int bits) {
        switch (op.format()) {
            case S: case B: case FENCE: case SFENCE: case NONE:
                return 0;
            default:
                return (bits >>> 7) & 0x1F;
        }
    }

    /** First source register field (for CSRI the 5-bit immediate). */
    public static int rs1(int bits) {
        return (bits >>> 15) & 0x1F;
    }

    /** Second source register field. */
    public static int rs2(int bits) {
        return (bits >>> 20) & 0x1F;
    }

    /** The immediate of {@code op}'s format, sign-extended where the spec says so. */
    public static int imm(Opcode op, int bits) {
        switch (op.format()) {
            case I: case LOAD:
                return bits >> 20;
            case SHIFT:
                return (bits >>> 20) & 0x1F;
            case S:
                return ((bits >> 20) & ~0x1F) | ((bits >>> 7) & 0x1F);
            case B:
                return ((bits >> 19) & ~0xFFF) | ((bits << 4) & 0x800)
                        | ((bits >>> 20) & 0x7E0) | ((bits >>> 7) & 0x1E);
            case U:
                return bits & 0xFFFFF000;
            case J:
                return ((bits >> 11) & ~0xFFFFF) | (bits & 0xFF000)
                        | ((bits >>> 9) & 0x800) | ((bits >>> 20) & 0x7FE);
            case CSR: case CSRI:
                return bits >>> 20;
            case FENCE:
                return (bits >>> 20) & 0xFFF;
            case AES:
                return bits >>> 30;
            case AMO: case LR:
                return (bits >>> 25) & 3;
            default:
                return 0;
        }
    }
}
