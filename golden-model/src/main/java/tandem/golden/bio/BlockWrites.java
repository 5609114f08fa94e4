package tandem.golden.bio;

/**
 * A replaying core's writes to block registers (FIFO pushes, pins, directions, events), queued in
 * clock order by the spans it has replayed ahead of the block and applied by {@link Bio} when the
 * block reaches their clocks.
 */
final class BlockWrites {

    private static final int CAPACITY = 32;

    private final long[] at = new long[CAPACITY];
    private final int[] reg = new int[CAPACITY];
    private final int[] data = new int[CAPACITY];
    private final int[] mask = new int[CAPACITY];
    private int head;
    private int count;
    /** Queued writes that are not to pin or direction registers. */
    private int nonPin;

    boolean isEmpty() {
        return count == 0;
    }

    boolean isFull() {
        return count == CAPACITY;
    }

    /** The clock of the oldest write, or {@link Long#MAX_VALUE} when none waits. */
    long nextAt() {
        return count == 0 ? Long.MAX_VALUE : at[head];
    }

    int nextReg() {
        return reg[head];
    }

    int nextData() {
        return data[head];
    }

    /** The writing core's GPIO mask (x26) when the write was replayed. */
    int nextMask() {
        return mask[head];
    }

    /** The clock of the oldest write that is not to a pin or direction register, or {@link Long#MAX_VALUE}. */
    long nextNonPinAt() {
        if (nonPin == 0) {
            return Long.MAX_VALUE;
        }
        for (int i = 0; i < count; i++) {
            int j = (head + i) & (CAPACITY - 1);
            if (!PinStrobes.isPinRegister(reg[j])) {
                return at[j];
            }
        }
        return Long.MAX_VALUE;
    }

    void pop() {
        if (!PinStrobes.isPinRegister(reg[head])) {
            nonPin--;
        }
        head = (head + 1) & (CAPACITY - 1);
        count--;
    }

    void add(long clock, int register, int value, int gpioMask) {
        int j = (head + count) & (CAPACITY - 1);
        at[j] = clock;
        reg[j] = register;
        data[j] = value;
        mask[j] = gpioMask;
        count++;
        if (!PinStrobes.isPinRegister(register)) {
            nonPin++;
        }
    }
}
