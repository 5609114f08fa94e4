package tandem.golden.soc;

import tandem.golden.bus.Ticking;
import tandem.golden.hart.Hart;

/**
 * The core-local interruptor of QEMU's {@code virt} and SiFive parts: msip at 0x0 drives MSIP,
 * mtimecmp at 0x4000 and mtime at 0xBFF8 drive MTIP (mtime &gt;= mtimecmp). mtime advances one
 * tick per {@code cyclesPerTick} CPU cycles, deterministically.
 */
public final class Clint extends MmioDevice implements Ticking {
    private static final int MSIP = 0x0;
    private static final int MTIMECMP = 0x4000;
    private static final int MTIME = 0xBFF8;

    private final Hart hart;
    private final long cyclesPerTick;
    private long cycles;
    private long mtimeOffset;
    private long mtimecmp = -1L;
    private int msip;

    /** A CLINT for {@code hart}. */
    public Clint(String name, Hart hart, long cyclesPerTick) {
        super(name, 0x10000);
        this.hart = hart;
        this.cyclesPerTick = Math.max(1, cyclesPerTick);
    }

    /** mtime now. */
    public long mtime() {
        return cycles / cyclesPerTick + mtimeOffset;
    }

    @Override
    public void tick(long elapsed) {
        cycles += elapsed;
        update();
    }

    private void update() {
        hart.setMachineTimerPending(Long.compareUnsigned(mtime(), mtimecmp) >= 0);
        hart.setMachineSoftwarePending((msip & 1) != 0);
    }

    @Override
    public int load(int offset, int width) {
        switch (offset) {
            case MSIP: return msip;
            case MTIMECMP: return (int) mtimecmp;
            case MTIMECMP + 4: return (int) (mtimecmp >>> 32);
            case MTIME: return (int) mtime();
            case MTIME + 4: return (int) (mtime() >>> 32);
            default: return 0;
        }
    }

    @Override
    public void store(int offset, int value, int width) {
        long v = value & 0xFFFF_FFFFL;
        switch (offset) {
            case MSIP: msip = value & 1; break;
            case MTIMECMP: mtimecmp = (mtimecmp & ~0xFFFF_FFFFL) | v; break;
            case MTIMECMP + 4: mtimecmp = (mtimecmp & 0xFFFF_FFFFL) | (v << 32); break;
            case MTIME: mtimeOffset += ((mtime() & ~0xFFFF_FFFFL) | v) - mtime(); break;
            case MTIME + 4: mtimeOffset += ((mtime() & 0xFFFF_FFFFL) | (v << 32)) - mtime(); break;
            default: break;
        }
        update();
    }
}
