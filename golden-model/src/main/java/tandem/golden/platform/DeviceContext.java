package tandem.golden.platform;

import tandem.golden.bus.IrqLine;
import tandem.golden.hart.Hart;

/** What a device may reach when the {@link DeviceCatalog} builds it. */
public interface DeviceContext {

    /** The hart (for CLINT-style lines and the time source). */
    Hart hart();

    /** Line {@code n} of the hart's external interrupt array. */
    IrqLine irqLine(int n);

    /** The console the UARTs write to. */
    Console console();

    /** Ends the run with {@code reason} at the next instruction boundary. */
    void finish(StopReason reason);

    /** Warns once per key (e.g. an unmodelled address); repeated warnings are dropped. */
    void warnOnce(String key, String message);

    /** Seed for devices with randomness (TRNG), fixed per run for reproducibility. */
    long seed();
}
