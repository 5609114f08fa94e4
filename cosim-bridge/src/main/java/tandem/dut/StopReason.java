package tandem.dut;

/** Why one {@link VerilatedDut#run} call returned; codes shared with the C++ harness. */
public enum StopReason {
    /** The cycle budget of the call is used up. */
    CYCLES,
    /** The retire batch is full. */
    BATCH_FULL,
    /** A data access outside RAM was served by the Java devices (already answered). */
    MMIO,
    /** No instruction retired for the stall limit. */
    STALL,
    /** The RTL called {@code $finish}. */
    FINISH,
    /** {@code $stop}, {@code $fatal}, a failed assertion or a Verilator runtime error. */
    FATAL,
    /** An instruction fetch outside RAM. */
    FETCH_FAULT;

    private static final StopReason[] BY_CODE = values();

    static StopReason of(int code) {
        return BY_CODE[code];
    }
}
