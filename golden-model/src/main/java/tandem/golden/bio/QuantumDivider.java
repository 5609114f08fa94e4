package tandem.golden.bio;

/**
 * A core's quantum clock divider: a fractional divider by {@code DIV_INT + DIV_FRAC/256} giving
 * one single-cycle {@link #penable()} pulse per period, the fractional part dithering the period
 * between the two neighbouring integers. DIV 0.0 and DIV 1.x pulse every cycle. The divisor is
 * registered once before use, as in the RTL, so a new QDIV value takes effect a cycle late.
 */
final class QuantumDivider {

    private int divInt;
    private int divFrac;
    private int divIntR;
    private int divFracR;
    private int counter;
    private boolean pen = true;
    private boolean oldPen;
    private boolean penable;

    /** Sets DIV_INT (16 bits) and DIV_FRAC (8 bits) as written to QDIVn. */
    void configure(int divInt, int divFrac) {
        this.divInt = divInt & 0xFFFF;
        this.divFrac = divFrac & 0xFF;
    }

    /** No divisor is set or registered: the pulse comes every clock. */
    boolean alwaysPulsing() {
        return penable && divInt == 0 && divFrac == 0 && divIntR == 0 && divFracR == 0;
    }

    /** The pulse register's current value. */
    boolean penable() {
        return penable;
    }

    /**
     * Clocks (without reset) until {@link #penable()} reads true: 0 when it does now, at most
     * {@code max + 1} (no pulse within {@code max} clocks). The divider itself does not change.
     */
    long clocksUntilPulse(long max) {
        if (penable) {
            return 0;
        }
        boolean useDivider = divInt != 0 || divFrac != 0;
        boolean int1 = divInt == 1;
        if (!useDivider) {
            return max >= 1 ? 1 : max + 1;
        }
        int div = divIntR << 8 | divFracR;
        if (!int1 && div == (divInt << 8 | divFrac) && div >= 512 && div <= 0xFFFF00 && counter < div) {
            return pulseInSteadyState(max, div);
        }
        int c = counter;
        boolean p = pen;
        boolean old = oldPen;
        for (long i = 1; i <= max; i++) {
            boolean pulse = (p && !old) ^ int1;
            long wrapAt = ((long) div - 256) & 0xFFFF_FFFFL;
            int next = c >= wrapAt ? (c - (div - 256)) & 0xFF_FFFF : (c + 256) & 0xFF_FFFF;
            old = p;
            p = c < (div >>> 1);
            c = next;
            div = divInt << 8 | divFrac;
            if (pulse) {
                return i;
            }
        }
        return max + 1;
    }

    /**
     * {@link #clocksUntilPulse} for a settled divisor of at least 2.0 with the counter below it: the
     * counter adds 256 a clock and wraps at {@code div - 256}, {@code pen} (counter below half the
     * divisor) rises only right after a wrap, and the pulse follows its rise by two clocks.
     */
    private long pulseInSteadyState(long max, int div) {
        if (max >= 1 && pen && !oldPen) {
            return 1;
        }
        if (max >= 2 && counter < (div >>> 1) && !pen) {
            return 2;
        }
        long wrap = counter >= div - 256 ? 0 : (div - 256 - counter + 255) / 256;
        return Math.min(wrap + 3, max + 1);
    }

    /** {@code n} clocks without reset, as {@code n} calls of {@code clock(false)} would give. */
    void advance(long n) {
        if (n <= 0) {
            return;
        }
        clock(false);
        if (divInt == 0 && divFrac == 0) {
            // No divider: penable is steady and the counter does not move.
            return;
        }
        boolean int1 = divInt == 1;
        int div = divIntR << 8 | divFracR;
        long steps = n - 1;
        if (steps >= 3 && div >= 256 && div <= 0xFFFF00 && counter < div) {
            // The counter steps by 256 modulo the divisor; the flags follow its last three values.
            int half = div >>> 1;
            long c0 = counter;
            boolean p1 = (c0 + 256 * (steps - 1)) % div < half;
            boolean p2 = (c0 + 256 * (steps - 2)) % div < half;
            boolean p3 = (c0 + 256 * (steps - 3)) % div < half;
            counter = (int) ((c0 + 256 * steps) % div);
            pen = p1;
            oldPen = p2;
            penable = (p2 && !p3) ^ int1;
            return;
        }
        long wrapAt = ((long) div - 256) & 0xFFFF_FFFFL;
        int c = counter;
        boolean p = pen;
        boolean old = oldPen;
        boolean pulse = penable;
        for (long i = 1; i < n; i++) {
            pulse = (p && !old) ^ int1;
            int next = c >= wrapAt ? (c - (div - 256)) & 0xFF_FFFF : (c + 256) & 0xFF_FFFF;
            old = p;
            p = c < (div >>> 1);
            c = next;
        }
        counter = c;
        pen = p;
        oldPen = old;
        penable = pulse;
    }

    /** One BIO clock edge; {@code reset} is the global reset or CLKDIV_RESTART. */
    void clock(boolean reset) {
        boolean useDivider = divInt != 0 || divFrac != 0;
        boolean int1 = divInt == 1;
        int div = divIntR << 8 | divFracR;
        if (reset) {
            counter = 0;
            pen = true;
            oldPen = false;
            penable = false;
        } else {
            penable = ((pen && !oldPen) || !useDivider) ^ int1;
            if (useDivider) {
                oldPen = pen;
                // The RTL compares at 32 bits: for a divisor below 1.0 the wrap never happens.
                long wrapAt = ((long) div - 256) & 0xFFFF_FFFFL;
                int next = counter >= wrapAt ? (counter - (div - 256)) & 0xFF_FFFF : (counter + 256) & 0xFF_FFFF;
                pen = counter < (div >>> 1);
                counter = next;
            }
        }
        divIntR = divInt;
        divFracR = divFrac;
    }
}
