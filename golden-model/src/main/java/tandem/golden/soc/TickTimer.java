package tandem.golden.soc;

import tandem.golden.bus.IrqLine;
import tandem.golden.bus.Ticking;

/**
 * The Xous {@code ticktimer}: a 64-bit millisecond counter with one alarm.
 *
 * <p>Registers: CONTROL +0 (bit 0 RESET: zeroes the count), TIME1 +4 (high word), TIME0 +8 (low
 * word), MSLEEP_TARGET1 +0xC, MSLEEP_TARGET0 +0x10, EV_STATUS +0x14, EV_PENDING +0x18 (write 1 to
 * clear), EV_ENABLE +0x1C, and on Baochip-1x CLOCKS_PER_TICK +0x20. One tick = {@code clockHz/1000}
 * CPU cycles (CLOCKS_PER_TICK overrides it when written). Writing MSLEEP_TARGET0 arms the alarm;
 * the alarm event becomes pending when the count reaches the target. Unlike Renode's model the
 * counter runs from reset (the Renode one starts paused), so guests need not unpause it.
 */
public final class TickTimer extends MmioDevice implements Ticking {

    private final IrqLine irq;
    private long clocksPerTick;
    private long cycleRemainder;
    private long time;
    private long target;
    private boolean armed;
    private boolean pending;
    private boolean irqEnabled;

    /** @param clockHz the CPU clock, which sets how many cycles make one millisecond */
    public TickTimer(String name, long clockHz, IrqLine irq) {
        super(name, 0x1000);
        this.irq = irq;
        this.clocksPerTick = Math.max(1, clockHz / 1000);
    }

    /** Milliseconds counted since reset. */
    public long millis() {
        return time;
    }

    @Override
    public void tick(long cycles) {
        long total = cycleRemainder + cycles;
        time += total / clocksPerTick;
        cycleRemainder = total % clocksPerTick;
        checkAlarm();
    }

    @Override
    public int load(int offset, int width) {
        switch (offset & ~3) {
            case 0x04: return (int) (time >>> 32);
            case 0x08: return (int) time;
            case 0x0C: return (int) (target >>> 32);
            case 0x10: return (int) target;
            case 0x14: return armed || pending ? 1 : 0;
            case 0x18: return pending ? 1 : 0;
            case 0x1C: return irqEnabled ? 1 : 0;
            case 0x20: return (int) clocksPerTick;
            default: return 0;
        }
    }

    @Override
    public void store(int offset, int v, int width) {
        long u = Integer.toUnsignedLong(v);
        switch (offset & ~3) {
            case 0x00:
                if ((v & 1) != 0) {
                    time = 0;
                    cycleRemainder = 0;
                }
                break;
            case 0x0C:
                target = (u << 32) | (target & 0xFFFF_FFFFL);
                break;
            case 0x10:
                target = (target & ~0xFFFF_FFFFL) | u;
                armed = true;
                break;
            case 0x18:
                if ((v & 1) != 0) {
                    pending = false;
                }
                break;
            case 0x1C:
                irqEnabled = (v & 1) != 0;
                break;
            case 0x20:
                clocksPerTick = Math.max(1, u);
                break;
            default:
                break;
        }
        checkAlarm();
    }

    private void checkAlarm() {
        if (armed && time >= target) {
            armed = false;
            pending = true;
        }
        irq.set(pending && irqEnabled);
    }
}
