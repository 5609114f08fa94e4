package tandem.golden.soc;

import java.util.ArrayDeque;
import tandem.golden.platform.Console;

/**
 * A 16550-compatible UART as QEMU's {@code virt} machine has it (byte registers, no
 * register shift): transmit writes go to the {@link Console}; the line status always reports
 * the transmitter empty; received bytes come from {@link #receive}.
 */
public final class Ns16550 extends MmioDevice {
    private static final int RBR_THR = 0;
    private static final int IER = 1;
    private static final int IIR_FCR = 2;
    private static final int LCR = 3;
    private static final int MCR = 4;
    private static final int LSR = 5;
    private static final int SCR = 7;
    private static final int LSR_DATA_READY = 0x01;
    private static final int LSR_THR_EMPTY = 0x20;
    private static final int LSR_TX_IDLE = 0x40;

    private final Console console;
    private final ArrayDeque<Integer> input = new ArrayDeque<>();
    private int ier;
    private int lcr;
    private int mcr;
    private int scr;
    private int divisor;

    /** A UART called {@code name} printing to {@code console}. */
    public Ns16550(String name, Console console) {
        super(name, 0x100);
        this.console = console;
    }

    /** Queues a byte for the guest to read. */
    public void receive(int b) {
        input.add(b & 0xFF);
    }

    private boolean dlab() {
        return (lcr & 0x80) != 0;
    }

    @Override
    public int load(int offset, int width) {
        switch (offset) {
            case RBR_THR:
                if (dlab()) {
                    return divisor & 0xFF;
                }
                return input.isEmpty() ? 0 : input.poll();
            case IER: return dlab() ? (divisor >>> 8) & 0xFF : ier;
            case IIR_FCR: return 0x01; // no interrupt pending
            case LCR: return lcr;
            case MCR: return mcr;
            case LSR: return LSR_THR_EMPTY | LSR_TX_IDLE | (input.isEmpty() ? 0 : LSR_DATA_READY);
            case SCR: return scr;
            default: return 0;
        }
    }

    @Override
    public void store(int offset, int value, int width) {
        value &= 0xFF;
        switch (offset) {
            case RBR_THR:
                if (dlab()) {
                    divisor = (divisor & 0xFF00) | value;
                } else {
                    console.write(name(), value);
                }
                break;
            case IER:
                if (dlab()) {
                    divisor = (divisor & 0xFF) | (value << 8);
                } else {
                    ier = value & 0x0F;
                }
                break;
            case LCR: lcr = value; break;
            case MCR: mcr = value; break;
            case SCR: scr = value; break;
            default: break;
        }
    }
}
