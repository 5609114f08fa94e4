package tandem.boot.xabi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import tandem.golden.TandemException;

/**
 * What the xabi driver process does: a list of steps written into its {@code xabi_scenario}
 * table (64 entries of four words: op, a, b, c). Operation codes match {@code user/scenario.h}.
 * Each step makes the driver (and the servers it talks to) print CHECK lines.
 */
public final class XabiScenario {

    /** Entries in the driver's table (the last one must stay OP_END). */
    public static final int CAPACITY = 64;
    /** Message kinds as SendMessage takes them. */
    public static final int MUTABLE_BORROW = 1, BORROW = 2, MOVE = 3;

    private final List<int[]> steps = new ArrayList<>();

    private XabiScenario add(int op, int a, int b) {
        if (steps.size() >= CAPACITY - 1) {
            throw new TandemException("xabi scenario: more than " + (CAPACITY - 1) + " steps");
        }
        steps.add(new int[] {op, a, b, 0});
        return this;
    }

    /** A Scalar message with id {@code id} (args id*16+1..4) to the echo server. */
    public XabiScenario scalar(int id) {
        return add(1, id, 0);
    }

    /** A BlockingScalar answered by ReturnScalar1 ({@code words}=1), ReturnScalar2 (2) or ReturnScalar5 (5). */
    public XabiScenario blockingScalar(int words) {
        if (words != 1 && words != 2 && words != 5) {
            throw new TandemException("xabi scenario: blocking scalar reply must have 1, 2 or 5 words, not " + words);
        }
        return add(2, words, 0);
    }

    /** Borrow {@code pages} heap pages to the echo server as message {@code id}. */
    public XabiScenario borrow(int id, int pages) {
        return add(3, id, pages);
    }

    /** MutableBorrow {@code pages} heap pages; the server rewrites them. */
    public XabiScenario mutableBorrow(int id, int pages) {
        return add(4, id, pages);
    }

    /** Move {@code pages} heap pages, then touch the first (the exception handler maps a fresh page). */
    public XabiScenario move(int id, int pages) {
        return add(5, id, pages);
    }

    /** Lend ({@link #BORROW}, {@link #MUTABLE_BORROW}) or {@link #MOVE} a buffer that is not page-aligned. */
    public XabiScenario unaligned(int kind) {
        return add(6, kind, 0);
    }

    /** TryConnect to a server nobody created. */
    public XabiScenario connectUnknown() {
        return add(7, 0, 0);
    }

    /** TrySendMessage to a server that never receives until its queue is full. */
    public XabiScenario queueFull() {
        return add(8, 0, 0);
    }

    /**
     * Load from (or store to) an unmapped user address; the driver's exception handler maps it and the
     * access resumes. The address must be below 0xFF00_0000 (a kernel address cannot be mapped by the
     * handler, so the fault would repeat; use {@link #victim} for kernel-page accesses).
     */
    public XabiScenario handledFault(long address, boolean store) {
        if (address < 0 || address >= 0xFF00_0000L) {
            throw new TandemException(String.format("xabi scenario: handled fault address 0x%x is not a user "
                    + "address below 0xff000000", address));
        }
        return add(9, (int) address, store ? 1 : 0);
    }

    /** A second driver thread loads from a buffer while it is lent (message {@code id}). */
    public XabiScenario lentAccess(int id) {
        return add(10, id, 0);
    }

    /** IncreaseHeap by {@code pages} and touch each page. */
    public XabiScenario heapTouch(int pages) {
        return add(11, pages, 0);
    }

    /** MapMemory {@code pages} (reserved), touch them, UnmapMemory. */
    public XabiScenario mapTouch(int pages) {
        return add(12, pages, 0);
    }

    /** Ask the spinner to spin 12 ms in two threads that never yield, so the timer tick must preempt one. */
    public XabiScenario spin() {
        return add(13, 0, 0);
    }

    /**
     * Ask the victim process to fault: 1 load from a kernel page, 2 store to its read-only text,
     * 3 load from an unmapped address, 4 jump into a kernel page, 5 illegal instruction.
     */
    public XabiScenario victim(int kind) {
        if (kind < 1 || kind > 5) {
            throw new TandemException("xabi scenario: victim fault kind must be 1..5, not " + kind);
        }
        return add(14, kind, 0);
    }

    /** A BlockingScalar to the echo server, to show it still runs. */
    public XabiScenario alive() {
        return add(15, 0, 0);
    }

    /** Number of steps. */
    public int size() {
        return steps.size();
    }

    /** The table as it is stored in the driver's data: CAPACITY entries, little-endian, zero-padded. */
    public byte[] table() {
        ByteBuffer b = ByteBuffer.allocate(CAPACITY * 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] s : steps) {
            for (int w : s) {
                b.putInt(w);
            }
        }
        return b.array();
    }
}
