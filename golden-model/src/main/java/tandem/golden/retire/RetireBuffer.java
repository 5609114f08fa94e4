package tandem.golden.retire;

/**
 * The retire stream: one record per retired instruction, trapping instruction or taken
 * interrupt, stored in a reusable ring of primitive arrays so the hot path never allocates.
 *
 * <p>Field names follow RVFI where a field has an RVFI twin ({@code order}, {@code insn},
 * {@code pc_rdata} = {@link #pc}, {@code pc_wdata} = {@link #nextPc}, {@code rd_addr},
 * {@code rd_wdata}, {@code mode}, {@code mem_addr}, {@code mem_rmask}/{@code wmask},
 * {@code mem_rdata}/{@code wdata}). Unlike VexRiscv's RVFI port, a trapping instruction gets a
 * record of its own ({@link #KIND_TRAP}) and an interrupt gets one ({@link #KIND_INTERRUPT})
 * whose pc is the interrupted instruction's.
 *
 * <p>Records are addressed by slot ({@code 0 .. capacity-1}); the producer fills a batch of
 * slots, hands them to listeners, and reuses the slots afterwards. Listeners must copy what
 * they keep.
 */
public final class RetireBuffer {

    /** The instruction executed and retired. */
    public static final byte KIND_RETIRE = 0;
    /** The instruction raised an exception; it did not retire; the trap was taken. */
    public static final byte KIND_TRAP = 1;
    /** An interrupt was taken before the instruction at {@code pc}; nothing executed. */
    public static final byte KIND_INTERRUPT = 2;

    /** Memory access flag: the instruction read memory. */
    public static final byte MEM_READ = 1;
    /** Memory access flag: the instruction wrote memory. */
    public static final byte MEM_WRITE = 2;

    /** CSR writes kept per record; a trap entry writes at most five. */
    public static final int MAX_CSR_WRITES = 8;

    private final int capacity;
    private final long[] order;
    private final byte[] kind;
    private final int[] pc;
    private final int[] nextPc;
    private final int[] insn;
    /** privBefore | privAfter &lt;&lt; 2, one store per record. */
    private final byte[] priv;
    private final byte[] rdAddr;
    private final int[] rdWdata;
    /** memFlags | csrCount &lt;&lt; 2, cleared with one store per record. */
    private final byte[] extra;
    private final byte[] memWidth;
    private final int[] memVaddr;
    private final int[] memPaddr;
    private final int[] memRdata;
    private final int[] memWdata;
    private final int[] cause;
    private final int[] tval;
    private final byte[] mmuFailure;
    private final short[] csrAddr;
    private final int[] csrValue;

    /** Creates a buffer of {@code capacity} slots. */
    public RetireBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        order = new long[capacity];
        kind = new byte[capacity];
        pc = new int[capacity];
        nextPc = new int[capacity];
        insn = new int[capacity];
        priv = new byte[capacity];
        rdAddr = new byte[capacity];
        rdWdata = new int[capacity];
        extra = new byte[capacity];
        memWidth = new byte[capacity];
        memVaddr = new int[capacity];
        memPaddr = new int[capacity];
        memRdata = new int[capacity];
        memWdata = new int[capacity];
        cause = new int[capacity];
        tval = new int[capacity];
        mmuFailure = new byte[capacity];
        csrAddr = new short[capacity * MAX_CSR_WRITES];
        csrValue = new int[capacity * MAX_CSR_WRITES];
    }

    /** Number of slots. */
    public int capacity() {
        return capacity;
    }

    // ---- producer side -------------------------------------------------------------------

    /** Starts a record in {@code slot}, clearing its optional fields. */
    public void begin(int slot, long order, byte kind, int pc, int insn, int privBefore) {
        this.order[slot] = order;
        this.kind[slot] = kind;
        this.pc[slot] = pc;
        this.insn[slot] = insn;
        this.priv[slot] = (byte) (privBefore | privBefore << 2);
        this.rdAddr[slot] = 0;
        this.extra[slot] = 0;
    }

    /** Records the register write of the instruction in {@code slot}; x0 is never recorded. */
    public void rd(int slot, int addr, int value) {
        if (addr != 0) {
            rdAddr[slot] = (byte) addr;
            rdWdata[slot] = value;
        }
    }

    /** Records a memory read (an AMO records a read and then a write at the same address). */
    public void memRead(int slot, int vaddr, int paddr, int width, int data) {
        extra[slot] |= MEM_READ;
        memWidth[slot] = (byte) width;
        memVaddr[slot] = vaddr;
        memPaddr[slot] = paddr;
        memRdata[slot] = data;
    }

    /** Records a memory write. */
    public void memWrite(int slot, int vaddr, int paddr, int width, int data) {
        extra[slot] |= MEM_WRITE;
        memWidth[slot] = (byte) width;
        memVaddr[slot] = vaddr;
        memPaddr[slot] = paddr;
        memWdata[slot] = data;
    }

    /** Records a CSR write; writes past {@link #MAX_CSR_WRITES} are dropped. */
    public void csr(int slot, int addr, int value) {
        int n = csrCount(slot);
        if (n < MAX_CSR_WRITES) {
            csrAddr[slot * MAX_CSR_WRITES + n] = (short) addr;
            csrValue[slot * MAX_CSR_WRITES + n] = value;
            extra[slot] = (byte) ((extra[slot] & 3) | (n + 1) << 2);
        }
    }

    /**
     * Marks the record as a trap ({@link #KIND_TRAP}) or interrupt ({@link #KIND_INTERRUPT})
     * with the xcause and xtval the hart wrote.
     */
    public void trap(int slot, byte kind, int cause, int tval) {
        this.kind[slot] = kind;
        this.cause[slot] = cause;
        this.tval[slot] = tval;
        this.mmuFailure[slot] = 0;
    }

    /**
     * Records why the address translation of a trapping access failed: the ordinal of the
     * golden model's {@code TranslationFailure} plus one.
     */
    public void mmuFailure(int slot, int failureOrdinalPlusOne) {
        mmuFailure[slot] = (byte) failureOrdinalPlusOne;
    }

    /** Closes the record with the pc and privilege the hart continues with. */
    public void end(int slot, int nextPc, int privAfter) {
        this.nextPc[slot] = nextPc;
        if (privAfter != (priv[slot] & 3)) {
            priv[slot] = (byte) ((priv[slot] & 3) | privAfter << 2);
        }
    }

    // ---- consumer side -------------------------------------------------------------------

    /** Position in the whole stream, from 0 (RVFI {@code order}). */
    public long order(int slot) { return order[slot]; }
    /** {@link #KIND_RETIRE}, {@link #KIND_TRAP} or {@link #KIND_INTERRUPT}. */
    public byte kind(int slot) { return kind[slot]; }
    /** Address of the instruction (RVFI {@code pc_rdata}). */
    public int pc(int slot) { return pc[slot]; }
    /** Address the hart goes on at (RVFI {@code pc_wdata}); the handler for a trap. */
    public int nextPc(int slot) { return nextPc[slot]; }
    /** Raw instruction bits; 16 bits (upper half zero) for a compressed instruction. */
    public int insn(int slot) { return insn[slot]; }
    /** Instruction length in bytes, 2 or 4. */
    public int insnLength(int slot) { return (insn[slot] & 3) == 3 ? 4 : 2; }
    /** Privilege before the instruction: 0 U, 1 S, 3 M (RVFI {@code mode}). */
    public int privBefore(int slot) { return priv[slot] & 3; }
    /** Privilege after the instruction or trap. */
    public int privAfter(int slot) { return (priv[slot] >> 2) & 3; }
    /** Destination register written, 0 when none (RVFI {@code rd_addr}). */
    public int rdAddr(int slot) { return rdAddr[slot]; }
    /** Value written to {@link #rdAddr} (RVFI {@code rd_wdata}). */
    public int rdWdata(int slot) { return rdAddr[slot] == 0 ? 0 : rdWdata[slot]; }
    /** {@link #MEM_READ} | {@link #MEM_WRITE}, 0 when the instruction touched no memory. */
    public int memFlags(int slot) { return extra[slot] & 3; }
    /** Access width in bytes (1, 2, 4). */
    public int memWidth(int slot) { return memWidth[slot]; }
    /** Virtual address of the access. */
    public int memVaddr(int slot) { return memVaddr[slot]; }
    /** Physical address of the access (RVFI {@code mem_addr} before word alignment). */
    public int memPaddr(int slot) { return memPaddr[slot]; }
    /** Data read, zero-extended to the access width (RVFI {@code mem_rdata} shifted down). */
    public int memRdata(int slot) { return memRdata[slot]; }
    /** Data written, in the low {@link #memWidth} bytes. */
    public int memWdata(int slot) { return memWdata[slot]; }
    /** xcause of the trap (interrupt bit 31 set for interrupts); 0 for a retire. */
    public int cause(int slot) { return kind[slot] == KIND_RETIRE ? 0 : cause[slot]; }
    /** xtval of the trap. */
    public int tval(int slot) { return kind[slot] == KIND_RETIRE ? 0 : tval[slot]; }
    /**
     * For a trap caused by a failed Sv32 translation, {@code TranslationFailure.ordinal() + 1}
     * (which check of the walk failed); 0 otherwise.
     */
    public int mmuFailure(int slot) { return kind[slot] == KIND_RETIRE ? 0 : mmuFailure[slot]; }
    /** Number of CSR writes recorded. */
    public int csrCount(int slot) { return (extra[slot] >> 2) & 0xF; }
    /** Address of the {@code i}-th CSR written. */
    public int csrAddr(int slot, int i) { return csrAddr[slot * MAX_CSR_WRITES + i] & 0xFFF; }
    /** Value of the {@code i}-th CSR written. */
    public int csrValue(int slot, int i) { return csrValue[slot * MAX_CSR_WRITES + i]; }
}
