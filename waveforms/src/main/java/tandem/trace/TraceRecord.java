package tandem.trace;

import java.util.Arrays;
import tandem.golden.retire.RetireBuffer;

/**
 * One record of a retire stream read back from a trace file: the fields of
 * {@link RetireBuffer} plus which of them the source actually recorded ({@link #known}), since
 * a Spike commit log has no next pc and an RVFI dump no trap cause. Readers fill one instance
 * over and over; {@link #copy} keeps one.
 */
public final class TraceRecord {

    /** {@link #order} is known. */
    public static final int ORDER = 1;
    /** {@link #pc} is known. */
    public static final int PC = 1 << 1;
    /** {@link #nextPc} is known. */
    public static final int NEXT_PC = 1 << 2;
    /** {@link #insn} is known. */
    public static final int INSN = 1 << 3;
    /** {@link #privBefore} is known. */
    public static final int PRIV = 1 << 4;
    /** {@link #privAfter} is known. */
    public static final int PRIV_AFTER = 1 << 5;
    /** The register write ({@link #rdAddr}, {@link #rdWdata}; none when rdAddr is 0) is known. */
    public static final int RD = 1 << 6;
    /** Whether and where memory was accessed ({@link #memFlags}, {@link #memVaddr}) is known. */
    public static final int MEM = 1 << 7;
    /** {@link #memWidth} is known. */
    public static final int MEM_WIDTH = 1 << 8;
    /** {@link #memPaddr} is known. */
    public static final int MEM_PADDR = 1 << 9;
    /** {@link #memRdata} is known. */
    public static final int MEM_RDATA = 1 << 10;
    /** {@link #memWdata} is known. */
    public static final int MEM_WDATA = 1 << 11;
    /** The CSR writes are known. */
    public static final int CSR = 1 << 12;
    /** {@link #cause} is known. */
    public static final int CAUSE = 1 << 13;
    /** {@link #tval} is known. */
    public static final int TVAL = 1 << 14;
    /** {@link #mmuFailure} is known. */
    public static final int MMU_FAILURE = 1 << 15;
    /** Everything: what the golden model's own traces record. */
    public static final int ALL = (1 << 16) - 1;

    /** Fields the source recorded: an OR of the constants above. */
    public int known;
    /** Position in the stream (RVFI {@code order}). */
    public long order;
    /** {@link RetireBuffer#KIND_RETIRE}, {@link RetireBuffer#KIND_TRAP} or {@link RetireBuffer#KIND_INTERRUPT}. */
    public byte kind;
    /** Address of the instruction. */
    public int pc;
    /** Address the hart continues at. */
    public int nextPc;
    /** Instruction bits, 16 for a compressed instruction. */
    public int insn;
    /** Privilege before: 0 U, 1 S, 3 M. */
    public int privBefore;
    /** Privilege after. */
    public int privAfter;
    /** Register written, 0 for none. */
    public int rdAddr;
    /** Value written to {@link #rdAddr}. */
    public int rdWdata;
    /** {@link RetireBuffer#MEM_READ} | {@link RetireBuffer#MEM_WRITE}. */
    public int memFlags;
    /** Access width in bytes. */
    public int memWidth;
    /** Virtual address accessed. */
    public int memVaddr;
    /** Physical address accessed. */
    public int memPaddr;
    /** Data read, zero-extended. */
    public int memRdata;
    /** Data written. */
    public int memWdata;
    /** xcause of a trap or interrupt. */
    public int cause;
    /** xtval of a trap or interrupt. */
    public int tval;
    /**
     * For a trap caused by a failed Sv32 translation, the golden model's
     * {@code TranslationFailure} ordinal plus one; 0 otherwise.
     */
    public int mmuFailure;
    /** Number of CSR writes. */
    public int csrCount;
    /** Addresses of the CSR writes. */
    public final int[] csrAddr = new int[RetireBuffer.MAX_CSR_WRITES];
    /** Values of the CSR writes. */
    public final int[] csrValue = new int[RetireBuffer.MAX_CSR_WRITES];
    /** Where the record was read: {@code file:line} or {@code file@offset}. */
    public String where = "";

    /** Clears every field. */
    public void clear() {
        known = 0;
        order = 0;
        kind = RetireBuffer.KIND_RETIRE;
        pc = nextPc = insn = 0;
        privBefore = privAfter = 0;
        rdAddr = rdWdata = 0;
        memFlags = memWidth = memVaddr = memPaddr = memRdata = memWdata = 0;
        cause = tval = mmuFailure = 0;
        csrCount = 0;
        where = "";
    }

    /** Fills this record from {@code slot} of a retire buffer; every field is known. */
    public void copyFrom(RetireBuffer b, int slot) {
        known = ALL;
        order = b.order(slot);
        kind = b.kind(slot);
        pc = b.pc(slot);
        nextPc = b.nextPc(slot);
        insn = b.insn(slot);
        privBefore = b.privBefore(slot);
        privAfter = b.privAfter(slot);
        rdAddr = b.rdAddr(slot);
        rdWdata = rdAddr == 0 ? 0 : b.rdWdata(slot);
        memFlags = b.memFlags(slot);
        if (memFlags != 0) {
            memWidth = b.memWidth(slot);
            memVaddr = b.memVaddr(slot);
            memPaddr = b.memPaddr(slot);
            memRdata = (memFlags & RetireBuffer.MEM_READ) != 0 ? b.memRdata(slot) : 0;
            memWdata = (memFlags & RetireBuffer.MEM_WRITE) != 0 ? b.memWdata(slot) : 0;
        } else {
            memWidth = memVaddr = memPaddr = memRdata = memWdata = 0;
        }
        boolean trap = kind != RetireBuffer.KIND_RETIRE;
        cause = trap ? b.cause(slot) : 0;
        tval = trap ? b.tval(slot) : 0;
        mmuFailure = trap ? b.mmuFailure(slot) : 0;
        csrCount = b.csrCount(slot);
        for (int i = 0; i < csrCount; i++) {
            csrAddr[i] = b.csrAddr(slot, i);
            csrValue[i] = b.csrValue(slot, i);
        }
    }

    /**
     * Writes this record into {@code slot} of a retire buffer, so a trace read back can feed any
     * {@link tandem.golden.retire.RetireListener}; unknown fields are written as they are held (0).
     */
    public void copyTo(RetireBuffer b, int slot) {
        b.begin(slot, order, kind, pc, insn, privBefore);
        b.rd(slot, rdAddr, rdWdata);
        if ((memFlags & RetireBuffer.MEM_READ) != 0) {
            b.memRead(slot, memVaddr, memPaddr, memWidth, memRdata);
        }
        if ((memFlags & RetireBuffer.MEM_WRITE) != 0) {
            b.memWrite(slot, memVaddr, memPaddr, memWidth, memWdata);
        }
        for (int i = 0; i < csrCount; i++) {
            b.csr(slot, csrAddr[i], csrValue[i]);
        }
        if (kind != RetireBuffer.KIND_RETIRE) {
            b.trap(slot, kind, cause, tval);
            b.mmuFailure(slot, mmuFailure);
        }
        b.end(slot, nextPc, privAfter);
    }

    /** Instruction length in bytes, 2 or 4. */
    public int insnLength() {
        return (insn & 3) == 3 ? 4 : 2;
    }

    /** Whether the record is known to carry field group {@code flag}. */
    public boolean has(int flag) {
        return (known & flag) == flag;
    }

    /** Adds a CSR write; writes beyond {@link RetireBuffer#MAX_CSR_WRITES} are dropped. */
    public void addCsr(int addr, int value) {
        if (csrCount < csrAddr.length) {
            csrAddr[csrCount] = addr;
            csrValue[csrCount] = value;
            csrCount++;
        }
    }

    /** An independent copy. */
    public TraceRecord copy() {
        TraceRecord r = new TraceRecord();
        r.known = known;
        r.order = order;
        r.kind = kind;
        r.pc = pc;
        r.nextPc = nextPc;
        r.insn = insn;
        r.privBefore = privBefore;
        r.privAfter = privAfter;
        r.rdAddr = rdAddr;
        r.rdWdata = rdWdata;
        r.memFlags = memFlags;
        r.memWidth = memWidth;
        r.memVaddr = memVaddr;
        r.memPaddr = memPaddr;
        r.memRdata = memRdata;
        r.memWdata = memWdata;
        r.cause = cause;
        r.tval = tval;
        r.mmuFailure = mmuFailure;
        r.csrCount = csrCount;
        System.arraycopy(csrAddr, 0, r.csrAddr, 0, csrCount);
        System.arraycopy(csrValue, 0, r.csrValue, 0, csrCount);
        r.where = where;
        return r;
    }

    @Override
    public String toString() {
        return TextTraceWriter.format(this, null) + " @" + where + " known=" + Integer.toBinaryString(known)
                + " csr=" + Arrays.toString(Arrays.copyOf(csrAddr, csrCount));
    }
}
