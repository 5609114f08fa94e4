package tandem.dut;

/**
 * One instruction retired by the RTL, as the harness's probe saw it. A mutable holder that
 * {@link RetireBatch#read} refills, so the lockstep loop allocates nothing per instruction.
 */
public final class DutRetire {

    /** The instruction wrote a register ({@link #rdAddr} is not 0). */
    public static final int RD = 1;
    /** The instruction read memory. */
    public static final int MEM_READ = 2;
    /** The instruction wrote memory. */
    public static final int MEM_WRITE = 4;
    /** The instruction trapped (it did not retire normally). */
    public static final int TRAP = 8;
    /** An interrupt was taken at this boundary. */
    public static final int INTERRUPT = 16;
    /** The memory access went to a device outside RAM. */
    public static final int MMIO = 32;

    /** Index in the RTL's retire stream, from 0. */
    public long index;
    /** Clock cycle (from reset release) in which it retired. */
    public long cycle;
    /** Address of the instruction. */
    public int pc;
    /** Instruction bits as the RTL reports them. */
    public int insn;
    /** Destination register, 0 when none. */
    public int rdAddr;
    /** Value written to {@link #rdAddr}. */
    public int rdWdata;
    /** Combination of {@link #RD}, {@link #MEM_READ}, {@link #MEM_WRITE}, {@link #TRAP}, {@link #INTERRUPT}, {@link #MMIO}. */
    public int flags;
    /** Byte address of the data access. */
    public int memAddr;
    /** Data written (low {@link #memSize} bytes) or read. */
    public int memData;
    /** Access size in bytes. */
    public int memSize;
    /** Privilege the instruction ran in: 0 U, 1 S, 3 M. */
    public int priv;
    /** With {@link #INTERRUPT}: the xcause the RTL took, 0 when its probe cannot tell. */
    public int interruptCause;

    /** Whether {@code flag} is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Copies every field of {@code o} into this holder. */
    public void copyFrom(DutRetire o) {
        index = o.index;
        cycle = o.cycle;
        pc = o.pc;
        insn = o.insn;
        rdAddr = o.rdAddr;
        rdWdata = o.rdWdata;
        flags = o.flags;
        memAddr = o.memAddr;
        memData = o.memData;
        memSize = o.memSize;
        priv = o.priv;
        interruptCause = o.interruptCause;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("#%d @%d pc=%08x insn=%08x", index, cycle, pc, insn));
        if (has(RD)) {
            sb.append(String.format(" x%d=%08x", rdAddr, rdWdata));
        }
        if (has(MEM_WRITE)) {
            sb.append(String.format(" mem[%08x]<-%0" + (2 * Math.max(1, memSize)) + "x", memAddr, memData));
        } else if (has(MEM_READ)) {
            sb.append(String.format(" mem[%08x]->%08x", memAddr, memData));
        }
        return sb.toString();
    }
}
