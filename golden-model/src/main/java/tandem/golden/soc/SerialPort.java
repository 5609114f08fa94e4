package tandem.golden.soc;

import java.util.function.IntConsumer;

/**
 * A UART as the platform sees it: bytes the guest transmits go to one sink (console capture),
 * bytes a user types are queued for the guest to receive.
 */
public interface SerialPort {

    /** The UART's name in the platform description, used to prefix captured console lines. */
    String name();

    /** Sends every byte the guest transmits (0..255) to {@code sink}; replaces any earlier sink. */
    void connect(IntConsumer sink);

    /** Queues one byte for the guest to read; raises the receive interrupt if enabled. */
    void receive(int b);
}
