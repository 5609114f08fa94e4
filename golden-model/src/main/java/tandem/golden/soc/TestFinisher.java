package tandem.golden.soc;

import tandem.golden.hart.Hart;
import tandem.golden.platform.DeviceContext;
import tandem.golden.platform.StopReason;

/**
 * QEMU's {@code sifive_test} finisher: a 32-bit write of {@code 0x5555} ends the run passing,
 * {@code code << 16 | 0x3333} ends it failing with {@code code}, {@code 0x7777} (reset) stops.
 */
public final class TestFinisher extends MmioDevice {
    private final DeviceContext context;

    /** A finisher that stops the machine through {@code context}. */
    public TestFinisher(String name, DeviceContext context) {
        super(name, 0x1000);
        this.context = context;
    }

    @Override
    public int load(int offset, int width) {
        return 0;
    }

    @Override
    public void store(int offset, int value, int width) {
        if (offset != 0) {
            return;
        }
        Hart h = context.hart();
        switch (value & 0xFFFF) {
            case 0x5555:
                context.finish(new StopReason(StopReason.Kind.FINISHER, 0, h.pc(), "finisher: pass"));
                break;
            case 0x3333:
                int code = value >>> 16;
                context.finish(new StopReason(StopReason.Kind.FINISHER, code == 0 ? 1 : code, h.pc(),
                        "finisher: fail, code " + code));
                break;
            case 0x7777:
                context.finish(new StopReason(StopReason.Kind.STOPPED, 0, h.pc(), "finisher: reset requested"));
                break;
            default:
                break;
        }
    }
}
