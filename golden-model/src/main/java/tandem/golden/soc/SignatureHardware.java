package tandem.golden.soc;

import java.util.function.Consumer;

/**
 * Stand-in for the Precursor secure-boot hardware the real Xous loader uses to check image
 * signatures: the SHA-512 block (CSR 0xF001_F000, FIFO 0xE000_2000), the Curve25519 engine (CSR
 * 0xF002_0000, window 0xE002_0000) and the keyrom (0xF001_A000). None of them is modelled: loads
 * return 0 (an all-zero key, an idle engine) and stores are ignored, so a signed boot cannot pass.
 * The first access prints one console-visible notice and is remembered, so the boot report can say
 * the boot stopped in signature checking rather than just "hung". Images built with the loader's
 * {@code renode-bypass} feature never touch these blocks.
 */
public final class SignatureHardware extends MmioDevice {

    private final long base;
    private final Consumer<String> notices;
    private long firstAccess = -1;

    /** @param notices receives one line at the first access */
    public SignatureHardware(String name, long base, int size, Consumer<String> notices) {
        super(name, size);
        this.base = base;
        this.notices = notices;
    }

    /** Whether the guest has touched this block, i.e. started signature checking. */
    public boolean accessed() {
        return firstAccess >= 0;
    }

    /** The physical address of the first access, or -1. */
    public long firstAccess() {
        return firstAccess;
    }

    @Override
    public int load(int offset, int width) {
        touch(offset);
        return 0;
    }

    @Override
    public void store(int offset, int value, int width) {
        touch(offset);
    }

    private void touch(int offset) {
        if (firstAccess < 0) {
            firstAccess = base + Integer.toUnsignedLong(offset);
            notices.accept(String.format("boot entered signature checking: %s accessed at 0x%08x; signature "
                    + "hardware is not modelled, so a signed boot stops here (build the image with the loader's "
                    + "renode-bypass feature or use --direct)", name(), firstAccess));
        }
    }
}
