package tandem.boot.load;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Our own M-mode loader stage: a few instructions that put the hart in the state the Xous loader's
 * {@code start_kernel} leaves it in and {@code mret} into the kernel. With it a {@code --direct} boot
 * starts from reset in M-mode, as hardware does, so the RTL and the golden model can run it in
 * lockstep from the first instruction.
 *
 * <p>Sequence: medeleg = mideleg = 0xFFFF_FFFF; mstatus = the entry value (MPP=S, SUM with DEBUG);
 * satp; sfence.vma; mepc = kernel entry; sp, a0–a3, a7; mret.
 */
public final class BootStub {

    private static final int T0 = 5;
    private static final int CSR_MSTATUS = 0x300;
    private static final int CSR_MEDELEG = 0x302;
    private static final int CSR_MIDELEG = 0x303;
    private static final int CSR_MEPC = 0x341;
    private static final int CSR_SATP = 0x180;
    private static final int SFENCE_VMA = 0x1200_0073;
    private static final int MRET = 0x3020_0073;

    private BootStub() {
    }

    /** The stub's machine code (little-endian, 4-byte instructions, under 128 bytes). */
    public static byte[] code(EntryState e) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        li(b, T0, -1);
        b.putInt(csrw(CSR_MEDELEG, T0));
        b.putInt(csrw(CSR_MIDELEG, T0));
        li(b, T0, (int) e.mstatus());
        b.putInt(csrw(CSR_MSTATUS, T0));
        li(b, T0, (int) e.satp());
        b.putInt(csrw(CSR_SATP, T0));
        b.putInt(SFENCE_VMA);
        li(b, T0, (int) e.pc());
        b.putInt(csrw(CSR_MEPC, T0));
        li(b, 2, (int) e.sp());
        li(b, 10, (int) e.a0());
        li(b, 11, (int) e.a1());
        li(b, 12, (int) e.a2());
        li(b, 13, (int) e.a3());
        li(b, 17, (int) e.a7());
        li(b, T0, 0);
        b.putInt(MRET);
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** lui + addi: any 32-bit constant in two instructions. */
    private static void li(ByteBuffer b, int rd, int value) {
        int lo = (value << 20) >> 20;
        int hi = (value - lo) >>> 12;
        b.putInt(hi << 12 | rd << 7 | 0x37);
        b.putInt((lo & 0xFFF) << 20 | rd << 15 | rd << 7 | 0x13);
    }

    /** csrrw x0, csr, rs. */
    private static int csrw(int csr, int rs) {
        return csr << 20 | rs << 15 | 1 << 12 | 0x73;
    }
}
