package tandem.golden.soc;

import java.util.ArrayDeque;
import tandem.golden.bus.IrqLine;

/**
 * The LiteX UART CSR block as Xous on Precursor drives it (utralib {@code uart}, {@code console}).
 *
 * <p>Registers, one per word: RXTX +0x00 (write = transmit, read = pop receive FIFO), TXFULL +0x04
 * (always 0: transmission is instantaneous), RXEMPTY +0x08, EV_STATUS +0x0C, EV_PENDING +0x10
 * (write 1 to clear), EV_ENABLE +0x14, TXEMPTY +0x18 (always 1), RXFULL +0x1C. Event bit 0 is TX
 * ("ready to send", edge-triggered, pending after each transmitted byte), bit 1 is RX (pending while
 * the receive FIFO is not empty). The interrupt line is {@code (EV_PENDING & EV_ENABLE) != 0}.
 */
public final class LitexUart extends SerialDevice {

    private static final int RXTX = 0x00;
    private static final int TXFULL = 0x04;
    private static final int RXEMPTY = 0x08;
    private static final int EV_STATUS = 0x0C;
    private static final int EV_PENDING = 0x10;
    private static final int EV_ENABLE = 0x14;
    private static final int TXEMPTY = 0x18;
    private static final int RXFULL = 0x1C;
    private static final int EV_TX = 1;
    private static final int EV_RX = 2;
    private static final int RX_DEPTH = 16;

    private final IrqLine irq;
    private final ArrayDeque<Integer> rx = new ArrayDeque<>();
    private int pending;
    private int enable;

    /** @param name the UART's platform name; {@code irq} its line into the interrupt array */
    public LitexUart(String name, IrqLine irq) {
        super(name);
        this.irq = irq;
    }

    @Override
    public void receive(int b) {
        if (rx.size() < RX_DEPTH) {
            rx.add(b & 0xFF);
        }
        pending |= EV_RX;
        updateIrq();
    }

    @Override
    public int load(int offset, int width) {
        switch (offset & ~3) {
            case RXTX:
                Integer b = rx.poll();
                if (rx.isEmpty()) {
                    pending &= ~EV_RX;
                    updateIrq();
                }
                return b == null ? 0 : b;
            case TXFULL:
                return 0;
            case RXEMPTY:
                return rx.isEmpty() ? 1 : 0;
            case EV_STATUS:
                return (rx.isEmpty() ? 0 : EV_RX) | EV_TX;
            case EV_PENDING:
                return pending;
            case EV_ENABLE:
                return enable;
            case TXEMPTY:
                return 1;
            case RXFULL:
                return rx.size() >= RX_DEPTH ? 1 : 0;
            default:
                return 0;
        }
    }

    @Override
    public void store(int offset, int value, int width) {
        switch (offset & ~3) {
            case RXTX:
                transmit(value);
                pending |= EV_TX;
                break;
            case EV_PENDING:
                pending &= ~(value & EV_TX);
                // RX stays pending while data is waiting, as LiteX's level-sensitive RX event does.
                if ((value & EV_RX) != 0 && rx.isEmpty()) {
                    pending &= ~EV_RX;
                }
                break;
            case EV_ENABLE:
                enable = value & (EV_TX | EV_RX);
                break;
            default:
                break;
        }
        updateIrq();
    }

    private void updateIrq() {
        irq.set((pending & enable) != 0);
    }
}
