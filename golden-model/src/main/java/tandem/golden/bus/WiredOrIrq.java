package tandem.golden.bus;

/**
 * Several device interrupt outputs sharing one interrupt-controller line, OR-ed as the SoC's
 * event aggregator does (Baochip-1x's BIO raises four lines into one IRQ array bank).
 */
public final class WiredOrIrq {
    private final IrqLine target;
    private int levels;

    /** Inputs OR-ed onto {@code target}. */
    public WiredOrIrq(IrqLine target) {
        this.target = target;
    }

    /** Input {@code i} (0..31) of the OR. */
    public IrqLine input(int i) {
        int bit = 1 << i;
        return level -> {
            levels = level ? levels | bit : levels & ~bit;
            target.set(levels != 0);
        };
    }

    /** The first {@code n} inputs. */
    public IrqLine[] inputs(int n) {
        IrqLine[] lines = new IrqLine[n];
        for (int i = 0; i < n; i++) {
            lines[i] = input(i);
        }
        return lines;
    }
}
