package tandem.lockstep;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The lockstep benchmark's workload, encoded here so the benchmark needs no toolchain: an
 * RV32IM loop of loads, stores, ALU and multiply operations (the mix of research figures:
 * "10-instruction ALU/MUL/LW/SW/BNE loop"), run for a chosen number of iterations, then a
 * pass to the test finisher at 0x0010_0000.
 */
public final class BenchProgram implements LockstepSession.Program {

    private static final int S0 = 8;
    private static final int S1 = 9;
    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int T2 = 7;
    private static final int T5 = 30;
    private static final int T6 = 31;

    private final long base;
    private final int iterations;

    /** {@code iterations} loop passes (9 instructions each) at {@code base} (the RAM start). */
    public BenchProgram(long base, int iterations) {
        this.base = base;
        this.iterations = iterations;
    }

    /** The program bytes. */
    public byte[] image() {
        int[] code = {
            lui(S0, (int) (base + 0x1_0000) >>> 12),      // data area 64 KiB above the code
            lui(T0, hi(iterations)), addi(T0, T0, lo(iterations)),
            addi(S1, 0, 0),
            // loop:
            lw(T1, S0, 0),
            addi(T1, T1, 1),
            rtype(1, T0, T1, 0, T2, 0x33),                 // mul t2, t1, t0
            rtype(0, T2, S1, 0, S1, 0x33),                 // add s1, s1, t2
            rtype(0, T1, S1, 4, S1, 0x33),                 // xor s1, s1, t1
            sw(T1, S0, 0),
            sw(S1, S0, 4),
            addi(T0, T0, -1),
            bne(T0, 0, -8 * 4),                            // back to lw
            lui(T6, 0x100),
            lui(T5, hi(0x5555)), addi(T5, T5, lo(0x5555)),
            sw(T5, T6, 0),
            jal(0, 0),                                     // spin until the run stops
        };
        ByteBuffer b = ByteBuffer.allocate(code.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c : code) {
            b.putInt(c);
        }
        return b.array();
    }

    @Override
    public List<LockstepSession.Segment> loadInto(tandem.golden.platform.Machine machine) {
        byte[] img = image();
        machine.poke(base, img, "benchmark program");
        machine.hart().setPc((int) base);
        return List.of(new LockstepSession.Segment(base, img, img.length));
    }

    private static int hi(int v) {
        return (v + 0x800) >>> 12;
    }

    private static int lo(int v) {
        return (v << 20) >> 20;
    }

    private static int lui(int rd, int imm20) {
        return (imm20 << 12) | (rd << 7) | 0x37;
    }

    private static int addi(int rd, int rs1, int imm) {
        return ((imm & 0xFFF) << 20) | (rs1 << 15) | (rd << 7) | 0x13;
    }

    private static int lw(int rd, int rs1, int imm) {
        return ((imm & 0xFFF) << 20) | (rs1 << 15) | (2 << 12) | (rd << 7) | 0x03;
    }

    private static int sw(int rs2, int rs1, int imm) {
        return (((imm >> 5) & 0x7F) << 25) | (rs2 << 20) | (rs1 << 15) | (2 << 12) | ((imm & 0x1F) << 7) | 0x23;
    }

    private static int rtype(int funct7, int rs2, int rs1, int funct3, int rd, int opcode) {
        return (funct7 << 25) | (rs2 << 20) | (rs1 << 15) | (funct3 << 12) | (rd << 7) | opcode;
    }

    private static int bne(int rs1, int rs2, int off) {
        return (((off >> 12) & 1) << 31) | (((off >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15) | (1 << 12)
                | (((off >> 1) & 0xF) << 8) | (((off >> 11) & 1) << 7) | 0x63;
    }

    private static int jal(int rd, int off) {
        return (((off >> 20) & 1) << 31) | (((off >> 1) & 0x3FF) << 21) | (((off >> 11) & 1) << 20)
                | (((off >> 12) & 0xFF) << 12) | (rd << 7) | 0x6F;
    }
}
