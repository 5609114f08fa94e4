package tandem.dut;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The retire records one {@link VerilatedDut#run} call produced, in native memory written by
 * the harness: 32-byte little-endian records (cycle u64, pc, insn, rd data, mem address,
 * mem data (the xcause for an interrupt record), then rd address, flags, mem size, privilege
 * as bytes). Read through a direct
 * {@link ByteBuffer} view: one bounds-checked load per field, no JNI call per field.
 */
public final class RetireBatch {

    /** Bytes per record; the layout is fixed by {@code harness.cpp}. */
    public static final int RECORD_BYTES = 32;

    private final Memory memory;
    private final ByteBuffer view;
    private final int capacity;
    private int count;
    private long firstIndex;

    /** A batch of {@code capacity} records. */
    public RetireBatch(int capacity) {
        this.capacity = capacity;
        this.memory = new Memory((long) capacity * RECORD_BYTES);
        this.view = memory.getByteBuffer(0, (long) capacity * RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    Memory memory() {
        return memory;
    }

    /** Records the batch can hold. */
    public int capacity() {
        return capacity;
    }

    /** Records the last run produced. */
    public int count() {
        return count;
    }

    /** The RTL retire index of record 0. */
    public long firstIndex() {
        return firstIndex;
    }

    void filled(int count, long firstIndex) {
        this.count = count;
        this.firstIndex = firstIndex;
    }

    /** The {@link DutRetire} flags of record {@code i}, without reading the rest. */
    public int flags(int i) {
        return view.get(i * RECORD_BYTES + 29) & 0xFF;
    }

    /** The instruction word (32-bit form) of record {@code i}, without reading the rest. */
    public int insn(int i) {
        return view.getInt(i * RECORD_BYTES + 12);
    }

    /** Fills {@code into} with record {@code i} (0 .. {@link #count()}-1) and returns it. */
    public DutRetire read(int i, DutRetire into) {
        int o = i * RECORD_BYTES;
        ByteBuffer b = view;
        into.index = firstIndex + i;
        into.cycle = b.getLong(o);
        into.pc = b.getInt(o + 8);
        into.insn = b.getInt(o + 12);
        into.rdWdata = b.getInt(o + 16);
        into.memAddr = b.getInt(o + 20);
        into.rdAddr = b.get(o + 28);
        into.flags = b.get(o + 29) & 0xFF;
        into.memSize = b.get(o + 30);
        into.priv = b.get(o + 31);
        if ((into.flags & DutRetire.INTERRUPT) != 0) {
            into.interruptCause = b.getInt(o + 24);
            into.memData = 0;
        } else {
            into.interruptCause = 0;
            into.memData = b.getInt(o + 24);
        }
        return into;
    }
}
