package tandem.golden.soc;


/**
 * The Baochip-1x debug UART (DUART, 0x4004_2000), transmit only: SFR_TXD +0 (write a byte), SFR_CR
 * +4 (enable, stored), SFR_SR +8 (bit 0 busy: always 0, transmission is instantaneous), SFR_ETUC
 * +0xC (baud divider, stored). It has no receiver and no interrupt.
 */
public final class DUart extends SerialDevice {

    private int control;
    private int etuc;

    /** @param name the UART's platform name */
    public DUart(String name) {
        super(name);
    }

    @Override
    public void receive(int b) {
        // The DUART has no receiver; typed input is dropped.
    }

    @Override
    public int load(int offset, int width) {
        switch (offset & ~3) {
            case 0x4: return control;
            case 0xC: return etuc;
            default: return 0;
        }
    }

    @Override
    public void store(int offset, int value, int width) {
        switch (offset & ~3) {
            case 0x0: transmit(value); break;
            case 0x4: control = value & 1; break;
            case 0xC: etuc = value & 0xFFFF; break;
            default: break;
        }
    }
}
