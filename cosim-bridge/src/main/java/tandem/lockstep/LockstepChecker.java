package tandem.lockstep;

import java.util.List;
import tandem.dut.DutRetire;

/**
 * Compares the RTL's retire stream with the golden model's, one retire at a time, in the
 * manner of Ibex's cosim interface: the RTL decides timing (when interrupts are taken, what
 * devices return), the golden model decides architecture, and every call says when it takes
 * effect.
 */
public interface LockstepChecker {

    /**
     * Checks one retire of the RTL. The golden model executes up to and including the
     * matching instruction (taking, first, an interrupt the RTL flagged on this record, after
     * checking it was pending and enabled) and every field is compared. Effective immediately.
     *
     * @return {@code true} when they agree; {@code false} at a divergence, which is then in
     *         {@link #divergences()} (the checker stops comparing after the first)
     */
    boolean step(DutRetire retire);

    /**
     * The interrupt inputs as the RTL sees them (bit n = external line n; the machine timer and
     * software lines are bits 7 and 3 of {@code mipLevels}, as in mip). Takes effect at the next
     * interrupt the RTL takes: the golden model judges that interrupt's legality (pending and
     * enabled) with these levels, since the devices themselves may have moved on. The golden
     * model never takes an interrupt by itself — only when the RTL flags one.
     */
    void setInterruptPending(int externalLines, int mipLevels);

    /**
     * A device access the RTL made (outside RAM). Loads are queued and replayed, in order, as
     * the values of the golden model's device loads: each golden load takes the next queued
     * RTL load covering its address (a cache-line refill's other beats are skipped) or, when the
     * RTL hit its cache, the last value it read there; a golden device load with neither is a
     * divergence at that instruction. Stores are not replayed: the device
     * already saw the RTL's, and the store itself is compared at its retire. Call before the
     * {@link #step} of the instruction that made the access (the bus access precedes its
     * retire, so a batched runner naturally does).
     */
    void notifyDataAccess(DataAccess access);

    /**
     * Sets a golden CSR the model cannot predict (mcycle, a device-driven counter) to the RTL's
     * value. Takes effect before the next {@link #step}.
     */
    void overrideCsr(int csr, int value);

    /** Divergences found so far (at most one: checking stops at the first). */
    List<Divergence> divergences();

    /** Retires compared and found equal. */
    long matchedRetires();
}
