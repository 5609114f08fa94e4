package tandem.lockstep;

import java.util.ArrayList;
import java.util.List;

/**
 * The last K retires of one side, in primitive ring arrays so recording costs a few stores per
 * instruction; turned into {@link RetireView}s only when a report needs them.
 */
final class RetireHistory {

    private final int depth;
    private final int mask;
    private final long[] index;
    private final long[] cycle;
    private final int[] pc;
    private final int[] insn;
    private final int[] rdAddr;
    private final int[] rdWdata;
    private final boolean[] memWrite;
    private final int[] memAddr;
    private final int[] memData;
    private final int[] memSize;
    private final int[] priv;
    private final int[] noteKind;
    private final int[] noteValue;
    private long count;

    /** Keeps the last {@code requested} retires (rounded up to a power of two for a cheap index). */
    RetireHistory(int requested) {
        int depth = Integer.highestOneBit(Math.max(1, requested - 1)) << 1;
        this.depth = depth;
        this.mask = depth - 1;
        index = new long[depth];
        cycle = new long[depth];
        pc = new int[depth];
        insn = new int[depth];
        rdAddr = new int[depth];
        rdWdata = new int[depth];
        memWrite = new boolean[depth];
        memAddr = new int[depth];
        memData = new int[depth];
        memSize = new int[depth];
        priv = new int[depth];
        noteKind = new int[depth];
        noteValue = new int[depth];
    }

    /** No note. */
    static final int NOTE_NONE = 0;
    /** A golden trap record; the value is the cause. */
    static final int NOTE_TRAP = 1;
    /** An interrupt taken; the value is the cause. */
    static final int NOTE_INTERRUPT = 2;
    /** An RTL access to a device (outside RAM). */
    static final int NOTE_DEVICE = 3;

    void add(long idx, long cyc, int p, int bits, int rd, int rdData, boolean write, int addr, int data, int size,
             int privilege, int what, int whatValue) {
        int s = (int) count & mask;
        index[s] = idx;
        cycle[s] = cyc;
        pc[s] = p;
        insn[s] = bits;
        rdAddr[s] = rd;
        rdWdata[s] = rdData;
        memWrite[s] = write;
        memAddr[s] = addr;
        memData[s] = data;
        memSize[s] = size;
        priv[s] = privilege;
        noteKind[s] = what;
        noteValue[s] = whatValue;
        count++;
    }

    private static String note(int kind, int value) {
        return switch (kind) {
            case NOTE_TRAP -> String.format("trap cause 0x%08x", value);
            case NOTE_INTERRUPT -> String.format("interrupt 0x%08x", value);
            case NOTE_DEVICE -> "device";
            default -> "";
        };
    }

    /** The kept retires, oldest first. */
    List<RetireView> views() {
        List<RetireView> out = new ArrayList<>();
        long first = Math.max(0, count - depth);
        for (long i = first; i < count; i++) {
            int s = (int) i & mask;
            out.add(new RetireView(index[s], cycle[s], pc[s], insn[s], rdAddr[s], rdWdata[s], memWrite[s],
                    memAddr[s], memData[s], memSize[s], priv[s], note(noteKind[s], noteValue[s])));
        }
        return out;
    }
}
