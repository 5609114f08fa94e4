package tandem.golden.platform;

import tandem.golden.TandemException;
import tandem.golden.bus.BusDevice;
import tandem.golden.soc.Clint;
import tandem.golden.soc.Ns16550;
import tandem.golden.soc.TestFinisher;

/**
 * The device types a platform description may name, and how each is built from its
 * {@link DeviceSpec}. Adding a SoC adds a description; adding a kind of device adds a case here.
 */
public final class DeviceCatalog {
    private DeviceCatalog() {
    }

    /** Builds the device {@code spec} describes. */
    public static BusDevice create(DeviceSpec spec, DeviceContext ctx) {
        switch (spec.type()) {
            case "ns16550":
                return new Ns16550(spec.name(), ctx.console());
            case "sifive-test":
                return new TestFinisher(spec.name(), ctx);
            case "clint":
                return new Clint(spec.name(), ctx.hart(), spec.number("cycles-per-tick", 10));
            default:
                throw new TandemException(spec.source() + ": unknown device type '" + spec.type() + "'");
        }
    }
}
