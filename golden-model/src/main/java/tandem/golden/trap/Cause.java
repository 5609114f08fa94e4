package tandem.golden.trap;

/**
 * Exception and interrupt causes of the privileged spec (xcause values). Interrupt causes
 * have {@link #isInterrupt()} set; {@link #xcause()} adds bit 31 for them.
 */
public enum Cause {
    INSTRUCTION_ADDRESS_MISALIGNED(0, false, "instruction address misaligned"),
    INSTRUCTION_ACCESS_FAULT(1, false, "instruction access fault"),
    ILLEGAL_INSTRUCTION(2, false, "illegal instruction"),
    BREAKPOINT(3, false, "breakpoint"),
    LOAD_ADDRESS_MISALIGNED(4, false, "load address misaligned"),
    LOAD_ACCESS_FAULT(5, false, "load access fault"),
    STORE_ADDRESS_MISALIGNED(6, false, "store/AMO address misaligned"),
    STORE_ACCESS_FAULT(7, false, "store/AMO access fault"),
    ECALL_FROM_U(8, false, "environment call from U-mode"),
    ECALL_FROM_S(9, false, "environment call from S-mode"),
    ECALL_FROM_M(11, false, "environment call from M-mode"),
    INSTRUCTION_PAGE_FAULT(12, false, "instruction page fault"),
    LOAD_PAGE_FAULT(13, false, "load page fault"),
    STORE_PAGE_FAULT(15, false, "store/AMO page fault"),
    SUPERVISOR_SOFTWARE_INTERRUPT(1, true, "supervisor software interrupt"),
    MACHINE_SOFTWARE_INTERRUPT(3, true, "machine software interrupt"),
    SUPERVISOR_TIMER_INTERRUPT(5, true, "supervisor timer interrupt"),
    MACHINE_TIMER_INTERRUPT(7, true, "machine timer interrupt"),
    SUPERVISOR_EXTERNAL_INTERRUPT(9, true, "supervisor external interrupt"),
    MACHINE_EXTERNAL_INTERRUPT(11, true, "machine external interrupt");

    private static final Cause[] EXCEPTIONS = new Cause[16];
    private static final Cause[] INTERRUPTS = new Cause[16];

    static {
        for (Cause c : values()) {
            (c.interrupt ? INTERRUPTS : EXCEPTIONS)[c.code] = c;
        }
    }

    private final int code;
    private final boolean interrupt;
    private final String description;

    Cause(int code, boolean interrupt, String description) {
        this.code = code;
        this.interrupt = interrupt;
        this.description = description;
    }

    /** The exception or interrupt code (without the interrupt bit). */
    public int code() { return code; }
    /** Whether this is an interrupt cause. */
    public boolean isInterrupt() { return interrupt; }
    /** The value written to xcause. */
    public int xcause() { return interrupt ? code | 0x8000_0000 : code; }
    /** The spec's name for the cause. */
    public String description() { return description; }

    /** The cause an xcause value stands for, or {@code null} when none. */
    public static Cause ofXcause(int xcause) {
        int code = xcause & 0x7FFF_FFFF;
        if (code >= 16) {
            return null;
        }
        return (xcause < 0 ? INTERRUPTS : EXCEPTIONS)[code];
    }
}
