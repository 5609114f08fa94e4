package tandem.golden.hart;

import tandem.golden.csr.CsrFile;
import tandem.golden.csr.Csrs;

/**
 * VexRiscv's ExternalInterruptArrayPlugin: 32 level-sensitive interrupt lines, a machine and
 * a supervisor mask (0xBC0, 0x9C0) and read-only pending views (0xFC0, 0xDC0) equal to
 * mask &amp; the latched lines. Any machine pending bit raises MEIP, any supervisor pending bit SEIP.
 *
 * <p>The RTL registers the lines once before the pending CSRs see them; the golden model
 * latches a line when it changes, so pending reflects the line at the next instruction.
 */
public final class IrqArray {
    private final Runnable onChange;
    private int lines;
    private int machineMask;
    private int supervisorMask;

    /** An array that calls {@code onChange} whenever pending state may have changed. */
    IrqArray(Runnable onChange) {
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
        int next = level ? lines | bit : lines & ~bit;
        if (next != lines) {
            lines = next;
            onChange.run();
        }
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
