package tandem.golden.platform;

/**
 * Why a machine run ended.
 *
 * @param kind the category
 * @param exitCode 0 for a pass, else the guest's failure code or a tool code
 * @param pc the pc when it stopped
 * @param detail one line for the user
 */
public record StopReason(Kind kind, int exitCode, int pc, String detail) {

    /** Categories of stop. */
    public enum Kind {
        /** The program wrote its result to {@code tohost}. */
        TOHOST,
        /** The program wrote the SiFive test finisher (or a platform's equivalent). */
        FINISHER,
        /** The program made the bare-metal exit ECALL (a7 = 93). */
        ECALL_EXIT,
        /** The instruction budget ran out. */
        BUDGET,
        /** WFI with nothing that could ever wake the hart. */
        IDLE,
        /** A trap loop: exceptions keep firing without an instruction retiring. */
        FATAL,
        /** Stopped from outside (a tool, a milestone). */
        STOPPED
    }

    /** Whether the program reported success. */
    public boolean passed() {
        return exitCode == 0 && (kind == Kind.TOHOST || kind == Kind.FINISHER || kind == Kind.ECALL_EXIT);
    }

    /** One line for the console. */
    public String describe() {
        return String.format("%s at pc 0x%08x: %s", kind.name().toLowerCase(java.util.Locale.ROOT), pc, detail);
    }
}
