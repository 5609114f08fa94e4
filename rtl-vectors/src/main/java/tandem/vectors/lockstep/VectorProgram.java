package tandem.vectors.lockstep;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tandem.golden.csr.Csrs;
import tandem.golden.csr.Mstatus;
import tandem.golden.isa.Opcode;
import tandem.golden.platform.Machine;
import tandem.lockstep.LockstepSession;
import tandem.vectors.MemoryWord;
import tandem.vectors.Vector;
import tandem.vectors.asm.Encoder;

/**
 * A directed vector turned into a program both sides of a lockstep run can execute from reset:
 * <ol>
 * <li>at the reset vector, <em>setup code</em> that stores the vector's memory cells, on a CPU
 * with CSRs points mtvec/stvec at the trap sink and writes the row's CSRs, loads its registers
 * with {@code lui}/{@code addi} and jumps to the vector's code, or enters S or U mode there
 * with MRET (left out when there is nothing to set up and the code starts at the reset vector);</li>
 * <li>the vector's own code at its pc, or {@link #delta()} bytes further when it would overlap
 * the setup code and does not depend on its own address (no {@code auipc}, no link register);</li>
 * <li>at the pc where the golden model ended the vector, the <em>finisher</em>: a store of
 * {@code 0x5555} to the platform's SiFive test finisher and a self-loop, which ends the run.</li>
 * </ol>
 * Without CSRs the scaffolding is plain RV32I, so any RV32 CPU runs it. The registers the
 * vector leaves are those retired before the first finisher instruction; the finisher then
 * overwrites {@code t0} and {@code t1}.
 */
public final class VectorProgram implements LockstepSession.Program {

    private static final int T0 = 5;
    private static final int T1 = 6;
    private static final int FINISHER_PASS = 0x5555;
    private static final int J_SELF = 0x0000006F;
    /** Bytes of the finisher sequence. */
    static final int FINISHER_BYTES = 5 * 4;

    private final long resetVector;
    private final long vectorPc;
    private final long codeAt;
    private final long endAt;
    private final long endShift;
    private final byte[] setup;
    private final byte[] code;
    private final List<MemoryWord> memory;
    private final byte[] finisher;

    private VectorProgram(long resetVector, long vectorPc, long codeAt, long endAt, long endShift, byte[] setup, byte[] code,
                          List<MemoryWord> memory, byte[] finisher) {
        this.resetVector = resetVector;
        this.vectorPc = vectorPc;
        this.codeAt = codeAt;
        this.endAt = endAt;
        this.endShift = endShift;
        this.setup = setup;
        this.code = code;
        this.memory = memory;
        this.finisher = finisher;
    }

    /**
     * Lays out {@code v} for a CPU resetting at {@code resetVector}.
     *
     * @param endPc      where the golden model's run of the vector ended (its next pc; the trap sink
     *                   when a trap ended it)
     * @param finisher   address of the SiFive test finisher
     * @param privileged what the CPU has for CSRs, or null for none (then the vector must need none)
     * @throws NotApplicableException when the layout cannot be made (address clash, jump out of reach)
     */
    public static VectorProgram of(Vector v, long resetVector, long endPc, long finisher, Privileged privileged)
            throws NotApplicableException {
        Vector.Setup s = v.setup();
        byte[] code = s.program().image();
        // a vector that needs no CSR of its own and never reaches the trap sink runs from the CPU's reset
        // state, so a generated program (which installs its own trap handler) can start at the reset vector
        boolean sinks = privileged != null && endPc == privileged.trapSink();
        Privileged csrs = privileged != null && (sinks || !s.csrs().isEmpty() || s.privilege() != 3) ? privileged : null;
        byte[] setupProbe = setupCode(s, resetVector, s.pc(), csrs);
        boolean needsSetup = setupProbe.length > 0;
        long codeAt = s.pc();
        if (needsSetup && overlaps(s.pc(), code.length, resetVector, setupProbe.length + 8)) {
            String why = addressDependence(code);
            if (why != null) {
                throw new NotApplicableException("its code at 0x" + Long.toHexString(s.pc())
                        + " overlaps the set-up code at the reset vector, and it cannot move: " + why);
            }
            codeAt = align(resetVector + setupProbe.length + 8, 0x100);
        }
        long delta = codeAt - s.pc();
        // an end inside or just after the code moves with it; the trap sink and other fixed places do not
        boolean endMoves = endPc >= s.pc() && endPc <= s.pc() + code.length;
        long end = endMoves ? endPc + delta : endPc;
        byte[] setupBytes = needsSetup ? setupCode(s, resetVector, codeAt, csrs) : new byte[0];
        if (setupBytes.length != setupProbe.length && needsSetup) {
            throw new IllegalStateException("set-up code changed length when relocated");
        }
        long codeEnd = codeAt + code.length;
        if (end >= codeAt && end < codeEnd && !isEndLoop(code, (int) (end - codeAt))) {
            throw new NotApplicableException(String.format("it ends at 0x%08x, inside its own code (after 'steps'"
                    + " instructions), where the finisher cannot go", end));
        }
        if (overlaps(end, FINISHER_BYTES, resetVector, setupBytes.length)) {
            throw new NotApplicableException(String.format("it ends at 0x%08x, on the set-up code", end));
        }
        for (MemoryWord m : s.memory()) {
            if (overlaps(m.address(), m.width(), end, FINISHER_BYTES)
                    || overlaps(m.address(), m.width(), codeAt, code.length)
                    || overlaps(m.address(), m.width(), resetVector, setupBytes.length)) {
                throw new NotApplicableException(String.format("its memory cell at 0x%08x lies on code "
                        + "(its own, the set-up or the finisher)", m.address()));
            }
        }
        return new VectorProgram(resetVector, s.pc(), codeAt, end, endMoves ? delta : 0, setupBytes, code, s.memory(),
                finisherCode(finisher));
    }

    /**
     * What the CPU has for the privileged set-up: the trap vector every trap of the vector goes
     * to (the finisher is placed there when a trap ends the vector), and whether it has
     * supervisor CSRs (stvec).
     *
     * @param trapSink   where mtvec (and stvec) point before the vector's own CSRs are written
     * @param supervisor whether stvec exists
     */
    public record Privileged(long trapSink, boolean supervisor) {
    }

    /** How far the end moved with the code: {@link #delta()} when the vector ends in or after its code, else 0. */
    public long endShift() {
        return endShift;
    }

    /** Where the vector's code was placed minus where the vector put it (0 unless it had to move). */
    public long delta() {
        return codeAt - vectorPc;
    }

    /** Address of the vector's first instruction in this program. */
    public long codeAt() {
        return codeAt;
    }

    /** Address of the finisher: the vector is done when the pc gets here. */
    public long endAt() {
        return endAt;
    }

    /** Bytes of set-up code at the reset vector (0 when there is none). */
    public int setupBytes() {
        return setup.length;
    }

    @Override
    public List<LockstepSession.Segment> loadInto(Machine machine) {
        List<LockstepSession.Segment> out = new ArrayList<>();
        for (MemoryWord m : memory) {
            byte[] b = new byte[m.width()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (m.value() >>> (8 * i));
            }
            out.add(segment(machine, m.address(), b, "memory cell"));
        }
        if (setup.length > 0) {
            out.add(segment(machine, resetVector, setup, "register set-up"));
        }
        out.add(segment(machine, codeAt, code, "vector code"));
        out.add(segment(machine, endAt, finisher, "finisher"));
        machine.hart().setPc((int) resetVector);
        return out;
    }

    private static LockstepSession.Segment segment(Machine machine, long address, byte[] data, String what) {
        machine.poke(address, data, what);
        return new LockstepSession.Segment(address, data, data.length);
    }

    /**
     * The set-up code for {@code s}, entering {@code target}; empty when there is nothing to do.
     * In order: memory cells; with CSRs, mtvec/stvec to the trap sink, the row's CSRs in address
     * order, and mepc/MPP for a start below M; the registers (last, as t0/t1 serve the steps
     * before); then a jump, or an MRET into S or U.
     */
    private static byte[] setupCode(Vector.Setup s, long at, long target, Privileged privileged)
            throws NotApplicableException {
        Words w = new Words();
        for (MemoryWord m : s.memory()) {
            w.li(T0, (int) m.address());
            w.li(T1, m.value());
            Opcode store = m.width() == 1 ? Opcode.SB : m.width() == 2 ? Opcode.SH : Opcode.SW;
            w.add(Encoder.encode(store, 0, T0, T1, 0));
        }
        boolean below = s.privilege() != 3;
        if (privileged != null) {
            w.li(T0, (int) privileged.trapSink());
            w.csrw(Csrs.MTVEC, T0);
            if (privileged.supervisor()) {
                w.csrw(Csrs.STVEC, T0);
            }
            for (Map.Entry<Integer, Integer> c : s.csrs().entrySet()) {
                w.li(T0, c.getValue());
                w.csrw(c.getKey(), T0);
            }
            if (below) {
                w.li(T0, Mstatus.MPP);
                w.add(Encoder.encode(Opcode.CSRRC, 0, T0, 0, Csrs.MSTATUS));
                w.li(T0, s.privilege() << Mstatus.MPP_SHIFT);
                w.add(Encoder.encode(Opcode.CSRRS, 0, T0, 0, Csrs.MSTATUS));
                w.li(T0, (int) target);
                w.csrw(Csrs.MEPC, T0);
            }
        } else if (below || !s.csrs().isEmpty()) {
            throw new NotApplicableException("it needs CSRs to start");
        }
        boolean scratched = w.size() > 0;
        for (Map.Entry<Integer, Integer> r : s.regs().entrySet()) {
            if (r.getKey() != 0) {
                w.li(r.getKey(), r.getValue());
            }
        }
        // the vector starts with every register it does not set at zero, as on the golden model
        for (int scratch : new int[] {T0, T1}) {
            if (scratched && !s.regs().containsKey(scratch)) {
                w.add(Encoder.encode(Opcode.ADDI, scratch, 0, 0, 0));
            }
        }
        if (privileged != null && below) {
            w.add(Opcode.MRET.match());
            return w.bytes();
        }
        if (w.size() == 0 && target == at) {
            return new byte[0];
        }
        long offset = target - (at + 4L * w.size());
        if (offset < -(1 << 20) || offset >= (1 << 20)) {
            throw new NotApplicableException(String.format("its code at 0x%08x is beyond a jump's reach (1 MiB)"
                    + " from the reset vector 0x%08x", target, at));
        }
        w.add(Encoder.encode(Opcode.JAL, 0, 0, 0, (int) offset));
        return w.bytes();
    }

    private static byte[] finisherCode(long finisher) {
        Words w = new Words();
        w.add(Encoder.encode(Opcode.LUI, T0, 0, 0, (int) (finisher & ~0xFFFL)));
        w.add(Encoder.encode(Opcode.LUI, T1, 0, 0, FINISHER_PASS & ~0xFFF));
        w.add(Encoder.encode(Opcode.ADDI, T1, T1, 0, FINISHER_PASS & 0xFFF));
        w.add(Encoder.encode(Opcode.SW, 0, T0, T1, (int) (finisher & 0xFFF)));
        w.add(J_SELF);
        return w.bytes();
    }

    /**
     * Why {@code code} depends on its own address (an {@code auipc}, or a {@code jal}/{@code jalr}
     * that writes a link register), or null when it may run anywhere.
     */
    static String addressDependence(byte[] code) {
        for (int i = 0; i + 4 <= code.length; i += 4) {
            int insn = word(code, i);
            int opcode = insn & 0x7F;
            int rd = (insn >>> 7) & 0x1F;
            if (opcode == 0x17) {
                return "it uses auipc";
            }
            if ((opcode == 0x6F || opcode == 0x67) && rd != 0) {
                return "it writes a return address";
            }
        }
        return null;
    }

    /** Whether the word at {@code offset} is a self-loop ({@code j .}) followed only by zeros for the finisher. */
    private static boolean isEndLoop(byte[] code, int offset) {
        if (offset + 4 > code.length || word(code, offset) != J_SELF) {
            return false;
        }
        for (int i = offset + 4; i < Math.min(code.length, offset + FINISHER_BYTES); i++) {
            if (code[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int word(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }

    private static boolean overlaps(long a, long aLen, long b, long bLen) {
        return a < b + bLen && b < a + aLen;
    }

    private static long align(long v, long to) {
        return (v + to - 1) / to * to;
    }

    /** Little-endian instruction words. */
    private static final class Words {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void add(int insn) {
            for (int i = 0; i < 4; i++) {
                out.write(insn >>> (8 * i));
            }
        }

        void li(int rd, int value) {
            int upper = (value + 0x800) & 0xFFFF_F000;
            add(Encoder.encode(Opcode.LUI, rd, 0, 0, upper));
            add(Encoder.encode(Opcode.ADDI, rd, rd, 0, value - upper));
        }

        void csrw(int csr, int rs1) {
            add(Encoder.encode(Opcode.CSRRW, 0, rs1, 0, csr));
        }

        int size() {
            return out.size() / 4;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
