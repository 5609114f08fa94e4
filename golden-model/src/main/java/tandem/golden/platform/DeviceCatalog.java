package tandem.golden.platform;

import tandem.golden.TandemException;
import tandem.golden.bus.BusDevice;
import tandem.golden.bus.IrqLine;
import tandem.golden.bus.WiredOrIrq;
import tandem.golden.bio.Bio;
import tandem.golden.bio.BioConfig;
import tandem.golden.soc.Clint;
import tandem.golden.soc.DUart;
import tandem.golden.soc.LitexTimer;
import tandem.golden.soc.LitexUart;
import tandem.golden.soc.Ns16550;
import tandem.golden.soc.RegisterBank;
import tandem.golden.soc.SignatureHardware;
import tandem.golden.soc.TestFinisher;
import tandem.golden.soc.TickTimer;
import tandem.golden.soc.Trng;
import tandem.golden.soc.UdmaUart;
import tandem.golden.soc.UnmodelledRegion;

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
            case "litex-uart": {
                LitexUart u = new LitexUart(spec.name(), irq(spec, ctx));
                u.connect(b -> ctx.console().write(spec.name(), b));
                return u;
            }
            case "duart": {
                DUart u = new DUart(spec.name());
                u.connect(b -> ctx.console().write(spec.name(), b));
                return u;
            }
            case "udma-uart": {
                UdmaUart u = new UdmaUart(spec.name(), paddr -> ctx.hart().bus().load(paddr, 1));
                u.connect(b -> ctx.console().write(spec.name(), b));
                return u;
            }
            case "litex-timer":
                return new LitexTimer(spec.name(), LitexTimer.Layout.valueOf(
                        spec.text("layout", "litex").toUpperCase(java.util.Locale.ROOT)), irq(spec, ctx));
            case "ticktimer":
                return new TickTimer(spec.name(), spec.number("clock-hz", 100_000_000L), irq(spec, ctx));
            case "trng":
                return new Trng(spec.name(), ctx.seed() ^ spec.base());
            case "registers":
                return new RegisterBank(spec.name(), spec.size(), resetValues(spec));
            case "unmodelled":
                return new UnmodelledRegion(spec.name(), spec.base(), spec.size(), (int) spec.number("reads", 0),
                        message -> ctx.warnOnce(message, message));
            case "bio": {
                // BIO clocks per CPU clock as "num/den" (FCLK 700 MHz against the CPU's 350 MHz: 2/1).
                String[] ratio = spec.text("clock-ratio", "1/1").split("/");
                BioConfig config = BioConfig.DEFAULT.withClockRatio(Integer.parseInt(ratio[0]),
                        ratio.length > 1 ? Integer.parseInt(ratio[1]) : 1).withApbWriteTiming(true);
                Bio bio = new Bio(config, new WiredOrIrq(irq(spec, ctx)).inputs(4));
                // Host accesses meet the BIO at the CPU's time, not at the last periodic tick.
                bio.followCpuClock(ctx.hart()::cycles);
                return bio;
            }
            case "signature-hardware":
                return new SignatureHardware(spec.name(), spec.base(), spec.size(),
                        message -> ctx.warnOnce(spec.name() + ":signature", message));
            default:
                throw new TandemException(spec.source() + ": unknown device type '" + spec.type() + "'");
        }
    }

    private static IrqLine irq(DeviceSpec spec, DeviceContext ctx) {
        return spec.irq().isPresent() ? ctx.irqLine(spec.irq().getAsInt()) : IrqLine.NONE;
    }

    /** {@code reset.<offset>=<value>} parameters of a {@code registers} device. */
    private static java.util.Map<Integer, Integer> resetValues(DeviceSpec spec) {
        java.util.Map<Integer, Integer> values = new java.util.HashMap<>();
        for (String key : spec.params().keySet()) {
            if (key.startsWith("reset.")) {
                values.put((int) Platform.parseNumber(key.substring(6)), (int) spec.number(key, 0));
            }
        }
        return values;
    }
}
