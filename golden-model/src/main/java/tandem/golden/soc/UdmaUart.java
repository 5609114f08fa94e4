package tandem.golden.soc;


/**
 * A Baochip-1x UDMA UART (the loader and console UART, UART2 at 0x5010_3000), transmit path only.
 *
 * <p>Registers: RX_SADDR +0x00, RX_SIZE +0x04, RX_CFG +0x08, TX_SADDR +0x10, TX_SIZE +0x14, TX_CFG
 * +0x18, STATUS +0x20, UART_SETUP +0x24, ERROR +0x28, IRQ_EN +0x2C, VALID +0x30, DATA +0x34. Writing
 * TX_CFG with EN (bit 4) sends TX_SIZE bytes read from physical address TX_SADDR (normally in IFRAM)
 * at once; afterwards TX_SIZE reads 0 (nothing left) and TX_CFG.PENDING (bit 5) and STATUS.TX_BUSY
 * read 0. The receive side is stored but never fills (VALID reads 0).
 */
public final class UdmaUart extends SerialDevice {

    private static final int TX_SADDR = 0x10;
    private static final int TX_SIZE = 0x14;
    private static final int TX_CFG = 0x18;
    private static final int TX_EN = 0x10;

    private final DmaPort dma;
    private final int[] regs = new int[16];

    /** @param dma where transmit data is fetched from */
    public UdmaUart(String name, DmaPort dma) {
        super(name);
        this.dma = dma;
    }

    @Override
    public void receive(int b) {
        // Receive DMA is not modelled; typed input is dropped.
    }

    @Override
    public int load(int offset, int width) {
        int o = offset & ~3;
        if (o == 0x20 || o == 0x30 || o == 0x34) {
            return 0;
        }
        return o < 0x40 ? regs[o >>> 2] : 0;
    }

    @Override
    public void store(int offset, int value, int width) {
        int o = offset & ~3;
        if (o >= 0x40) {
            return;
        }
        regs[o >>> 2] = value;
        if (o == TX_CFG && (value & TX_EN) != 0) {
            long addr = Integer.toUnsignedLong(regs[TX_SADDR >>> 2]);
            int len = regs[TX_SIZE >>> 2] & 0xFFFF;
            for (int i = 0; i < len; i++) {
                transmit(dma.loadByte(addr + i));
            }
            regs[TX_SIZE >>> 2] = 0;
            regs[TX_CFG >>> 2] = value & ~(TX_EN | 0x20);
        }
    }
}
