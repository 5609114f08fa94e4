package tandem.dut;

/**
 * Serves the RTL's data accesses outside RAM from the Java SoC devices, so the RTL and the
 * golden model share one set of peripherals. Called on the thread that runs the RTL, between
 * two clock cycles; the answer reaches the RTL with the bus's normal latency.
 */
public interface MmioHandler {

    /** A read of {@code size} bytes at {@code address}; returns the value zero-extended. */
    int load(int address, int size);

    /** A write of the low {@code size} bytes of {@code value} at {@code address}. */
    void store(int address, int value, int size);

    /** A handler for RTL with no devices: reads return 0, writes are dropped. */
    MmioHandler NONE = new MmioHandler() {
        @Override
        public int load(int address, int size) {
            return 0;
        }

        @Override
        public void store(int address, int value, int size) {
        }
    };
}
