package tandem.boot.load;

import tandem.golden.TandemException;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.platform.Machine;

/**
 * A machine's physical memory for loaders: writes go straight into the RAM/ROM backing arrays,
 * bypassing the hart. Call {@link #done()} afterwards so the hart drops decoded instructions.
 */
public final class MachineMemory implements PhysicalMemory {

    private final Machine machine;

    /** @param machine the machine whose memory is written */
    public MachineMemory(Machine machine) {
        this.machine = machine;
    }

    private Bus.Mapping memory(long paddr, int len) {
        Bus.Mapping m = machine.bus().findMemory(paddr);
        if (m == null || paddr + len > m.end()) {
            throw new TandemException(String.format("loader: 0x%08x..0x%08x is not in RAM or ROM of platform %s",
                    paddr, paddr + len, machine.platform().name()));
        }
        return m;
    }

    @Override
    public void write(long paddr, byte[] src, int off, int len) {
        Bus.Mapping m = memory(paddr, len);
        System.arraycopy(src, off, ((Ram) m.device()).bytes(), (int) (paddr - m.base()), len);
    }

    @Override
    public int readWord(long paddr) {
        Bus.Mapping m = memory(paddr, 4);
        return Ram.getInt(((Ram) m.device()).bytes(), (int) (paddr - m.base()));
    }

    @Override
    public void writeWord(long paddr, int value) {
        Bus.Mapping m = memory(paddr, 4);
        Ram.putInt(((Ram) m.device()).bytes(), (int) (paddr - m.base()), value);
    }

    /** Tells the hart memory changed behind its back. */
    public void done() {
        machine.hart().invalidateCode();
    }
}
