package tandem.golden.hart;

import tandem.golden.csr.CsrFile;
import tandem.golden.csr.Csrs;

/**
 * VexRiscv's ExternalInterruptArrayPlugin: 32 level-sensitive interrupt lines, a machine and
 * a supervisor mask (0xBC0, 0x9C0) and read-only pending views (0xFC0, 0xDC0) equal to
 * mask &amp; the latched lines. Any machine pending bit raises MEIP, any supervisor pending bit SEIP.
 *
 * <p>The RTL registers the lines before the pending CSRs see them (once in upstream
 * VexRiscv, twice on Baochip-1x). With a latency of N cycles a change of the lines becomes
 * visible N cycles later; with 0 it is visible at the next instruction.
 */
public final class IrqArray {
    private final Runnable onChange;
    private final Hart hart;
    private final int latency;
    private final java.util.ArrayDeque<long[]> inFlight = new java.util.ArrayDeque<>();
    private int driven;
    private int lines;
    private int machineMask;
    private int supervisorMask;

    /** An array of {@code hart} that calls {@code onChange} whenever pending state may have changed. */
    IrqArray(Hart hart, int latency, Runnable onChange) {
        this.hart = hart;
        this.latency = latency;
        this.onChange = onChange;
    }

    /** Registers the four CSRs. */
    void install(CsrFile csrs) {
        csrs.define(Csrs.VEX_MIRQ_MASK, "mirqmask", () -> machineMask, v -> {
            machineMask = v;
            onChange.run();
        });
        csrs.define(Csrs.VEX_MIRQ_PENDING, "mirqpending", this::machinePending, null);
        csrs.define(Csrs.VEX_SIRQ_MASK, "sirqmask", () -> supervisorMask, v -> {
            supervisorMask = v;
            onChange.run();
        });
        csrs.define(Csrs.VEX_SIRQ_PENDING, "sirqpending", this::supervisorPending, null);
    }

    /** Drives interrupt line {@code line} (0..31). */
    public void setLine(int line, boolean level) {
        int bit = 1 << line;
        drive(level ? driven | bit : driven & ~bit);
    }

    /** Drives all 32 lines at once: bit i is line i's level. */
    public void drive(int next) {
        if (next == driven) {
            return;
        }
        driven = next;
        if (latency == 0) {
            latch(next);
        } else {
            long due = hart.cycles() + latency;
            inFlight.add(new long[] {due, next});
            hart.wakeAt(due);
        }
    }

    /** Latches the changes whose latency has elapsed by cycle {@code now}. */
    void advance(long now) {
        while (!inFlight.isEmpty() && inFlight.peek()[0] <= now) {
            latch((int) inFlight.poll()[1]);
        }
        if (!inFlight.isEmpty()) {
            hart.wakeAt(inFlight.peek()[0]);
        }
    }

    private void latch(int value) {
        if (value != lines) {
            lines = value;
            onChange.run();
        }
    }

    /** The lines as driven by the devices, before the register stages. */
    public int driven() {
        return driven;
    }

    /** The latched lines. */
    public int lines() {
        return lines;
    }

    /** mask &amp; lines for the machine level (CSR 0xFC0). */
    public int machinePending() {
        return machineMask & lines;
    }

    /** mask &amp; lines for the supervisor level (CSR 0xDC0). */
    public int supervisorPending() {
        return supervisorMask & lines;
    }
}
