package tandem.golden.soc;

import java.util.function.IntConsumer;

/**
 * What every UART model shares: its platform name, one 4 KiB register page, and the sink
 * that transmitted bytes go to. Subclasses give the register layout.
 */
abstract class SerialDevice extends MmioDevice implements SerialPort {
    private IntConsumer sink = b -> { };

    SerialDevice(String name) {
        super(name, 0x1000);
    }

    @Override
    public final void connect(IntConsumer sink) {
        this.sink = sink;
    }

    /** Hands one transmitted byte to the sink. */
    protected final void transmit(int b) {
        sink.accept(b & 0xFF);
    }
}
