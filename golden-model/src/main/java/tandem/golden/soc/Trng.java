package tandem.golden.soc;


/**
 * The Precursor TRNG CSR block ({@code trng_kernel}, {@code trng_server}), made deterministic:
 * every DATA or URANDOM read returns the next word of a SplitMix64 stream from a fixed seed, so
 * two runs (and the golden model and RTL in lockstep, where reads are replayed) agree.
 *
 * <p>Registers: STATUS +0 (reads 1: data available), DATA +4, URANDOM +8, URANDOM_VALID +0xC (reads
 * 1, as Renode's model does), EV_STATUS/EV_PENDING/EV_ENABLE +0x10/+0x14/+0x18 (read 0, no interrupt).
 */
public final class Trng extends MmioDevice {

    private long state;

    /** @param seed the stream's seed; the same seed gives the same words */
    public Trng(String name, long seed) {
        super(name, 0x1000);
        this.state = seed;
    }

    @Override
    public int load(int offset, int width) {
        switch (offset & ~3) {
            case 0x00:
            case 0x0C:
                return 1;
            case 0x04:
            case 0x08:
                return next();
            default:
                return 0;
        }
    }

    @Override
    public void store(int offset, int value, int width) {
        // Configuration writes (CONTROL, EV_ENABLE) have no effect on a deterministic source.
    }

    private int next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
