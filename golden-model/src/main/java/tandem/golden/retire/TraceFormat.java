package tandem.golden.retire;

/**
 * Constants of the binary retire-trace format, shared by the trace writer and reader (module
 * {@code waveforms}, {@code tandem.trace}) and the hart's compiled code, which encodes common
 * records itself ({@link EncodedRetireListener}). The format is described on
 * {@code tandem.trace.TraceWriter}.
 */
public final class TraceFormat {
    /** Header byte h0: a register write follows (u8 rd, u32 value). */
    public static final int H_RD = 1 << 2;
    /** Header byte h0: a memory access follows. */
    public static final int H_MEM = 1 << 3;
    /** Header byte h0: CSR writes follow. */
    public static final int H_CSR = 1 << 4;
    /** Header byte h0: u32 pc follows. */
    public static final int H_PC = 1 << 5;
    /** Header byte h0: u32 next pc follows. */
    public static final int H_NEXT = 1 << 6;
    /** Header byte h0: a second header byte follows. */
    public static final int H_EXT = 1 << 7;
    /** Memory flags: the physical address differs from the virtual one and follows it. */
    public static final int M_PADDR = 1 << 2;
    /**
     * Largest plain retire in bytes: h0, 32-bit instruction, next pc, rd, memory access with
     * physical address and data.
     */
    public static final int MAX_PLAIN_RECORD = 1 + 4 + 4 + 5 + 14;

    private TraceFormat() {
    }
}
