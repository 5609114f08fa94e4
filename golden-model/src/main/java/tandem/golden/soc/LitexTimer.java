package tandem.golden.soc;

import tandem.golden.bus.IrqLine;
import tandem.golden.bus.Ticking;

/**
 * LiteX {@code timer0}: a 32-bit down-counter clocked by the CPU clock with one "zero" event.
 *
 * <p>While EN=1 the value counts down one per cycle; on the cycle after it reaches 0 it reloads
 * RELOAD (or stays at 0 if RELOAD is 0). The zero event becomes pending when the value reaches 0.
 * While EN=0 the value holds LOAD. Two register layouts exist:
 * <ul>
 *   <li>{@link Layout#RENODE} (Precursor utralib / Renode): LOAD +0, RELOAD +4, EN +8, EV_STATUS +0xC,
 *       EV_PENDING +0x10, EV_ENABLE +0x14;</li>
 *   <li>{@link Layout#LITEX} (Baochip-1x, stock LiteX): LOAD +0, RELOAD +4, EN +8, UPDATE_VALUE +0xC,
 *       VALUE +0x10 (latched by writing UPDATE_VALUE), EV_STATUS +0x14, EV_PENDING +0x18, EV_ENABLE +0x1C.</li>
 * </ul>
 * The interrupt line is {@code EV_PENDING & EV_ENABLE}; EV_PENDING is write-1-to-clear.
 */
public final class LitexTimer extends MmioDevice implements Ticking {

    /** Which CSR layout the SoC generator produced. */
    public enum Layout { RENODE, LITEX }

    private final IrqLine irq;
    private final int evBase;
    private final boolean hasValueRegs;
    private long load;
    private long reload;
    private boolean enabled;
    private long value;
    private long latchedValue;
    private boolean pending;
    private boolean irqEnabled;

    /** @param layout the register layout; {@code irq} the line into the interrupt array */
    public LitexTimer(String name, Layout layout, IrqLine irq) {
        super(name, 0x1000);
        this.irq = irq;
        this.hasValueRegs = layout == Layout.LITEX;
        this.evBase = hasValueRegs ? 0x14 : 0x0C;
    }

    /** The current counter value (for tests and trace). */
    public long value() {
        return value;
    }

    @Override
    public void tick(long cycles) {
        if (!enabled) {
            return;
        }
        long c = cycles;
        while (c > 0) {
            if (value == 0) {
                if (reload == 0) {
                    return;
                }
                value = reload;
                c--;
                continue;
            }
            long step = Math.min(c, value);
            value -= step;
            c -= step;
            if (value == 0) {
                pending = true;
                updateIrq();
            }
        }
    }

    @Override
    public int load(int offset, int width) {
        int o = offset & ~3;
        if (o == 0) {
            return (int) load;
        } else if (o == 4) {
            return (int) reload;
        } else if (o == 8) {
            return enabled ? 1 : 0;
        } else if (hasValueRegs && o == 0x10) {
            return (int) latchedValue;
        } else if (o == evBase) {
            return value == 0 ? 1 : 0;
        } else if (o == evBase + 4) {
            return pending ? 1 : 0;
        } else if (o == evBase + 8) {
            return irqEnabled ? 1 : 0;
        }
        return 0;
    }

    @Override
    public void store(int offset, int v, int width) {
        int o = offset & ~3;
        long u = Integer.toUnsignedLong(v);
        if (o == 0) {
            load = u;
            if (!enabled) {
                value = load;
            }
        } else if (o == 4) {
            reload = u;
        } else if (o == 8) {
            enabled = (v & 1) != 0;
            if (!enabled) {
                value = load;
            }
        } else if (hasValueRegs && o == 0x0C) {
            latchedValue = value;
        } else if (o == evBase + 4) {
            if ((v & 1) != 0) {
                pending = false;
            }
        } else if (o == evBase + 8) {
            irqEnabled = (v & 1) != 0;
        }
        updateIrq();
    }

    private void updateIrq() {
        irq.set(pending && irqEnabled);
    }
}
