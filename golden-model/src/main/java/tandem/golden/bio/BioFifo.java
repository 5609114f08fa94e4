package tandem.golden.bio;

/**
 * One of the four BIO FIFOs: LiteX's buffered synchronous FIFO, eight words of storage plus an
 * output register, so it holds nine words and a word written in cycle t is readable in t+2.
 * Reading an empty FIFO's output gives the last word that left it.
 */
final class BioFifo {

    private final int[] storage = new int[8];
    private int level0;
    private boolean readable;
    private int produce;
    private int consume;
    private int dout;

    /** The output register: the head while {@link #readable()}, else the last word popped. */
    int head() {
        return dout;
    }

    /** A word waits in the output register. */
    boolean readable() {
        return readable;
    }

    /** The storage has room (fewer than eight words behind the output register). */
    boolean writable() {
        return level0 != 8;
    }

    /** Words in the storage behind the output register, 0..8. */
    int storedWords() {
        return level0;
    }

    /** Words held, 0..9. */
    int level() {
        return readable ? level0 + 1 : level0;
    }

    /** A clock edge without a read or write changes nothing (no word waits to refill the output). */
    boolean settled() {
        return readable || level0 == 0;
    }

    /** One clock edge with write enable {@code we} and read (pop) enable {@code re}. */
    void clock(boolean we, int wdata, boolean re) {
        if (!we && !re && (readable || level0 == 0)) {
            return;
        }
        boolean refill = level0 != 0 && (!readable || re);
        boolean write = we && level0 != 8;
        if (refill) {
            dout = storage[consume];
            consume = (consume + 1) & 7;
            readable = true;
        } else if (re) {
            readable = false;
        }
        if (write) {
            storage[produce] = wdata;
            produce = (produce + 1) & 7;
            if (!refill) {
                level0++;
            }
        } else if (refill) {
            level0--;
        }
    }

    /** Empties the FIFO (pointers only; the output register keeps its value). */
    void reset() {
        level0 = 0;
        readable = false;
        produce = 0;
        consume = 0;
    }
}
