package tandem.report.model;

/** One axis along which the retire stream is counted. */
public enum CoverageDimension {
    /** Mnemonics executed (retired or trapped), by the golden model's opcode names. */
    INSTRUCTIONS("instructions", "Instructions"),
    /** CSRs read by a CSR instruction, by name. */
    CSRS_READ("csrsRead", "CSRs read"),
    /** CSRs written, by an instruction or by trap entry and return, by name. */
    CSRS_WRITTEN("csrsWritten", "CSRs written"),
    /** Synchronous exception causes taken. */
    EXCEPTIONS("exceptions", "Exception causes"),
    /** Interrupt causes taken. */
    INTERRUPTS("interrupts", "Interrupt causes"),
    /** Privilege changes, written {@code M>S}. */
    PRIVILEGE_TRANSITIONS("privilegeTransitions", "Privilege transitions"),
    /** MMU faults, written {@code <access> <kind>} such as {@code load page-fault}. */
    MMU_FAULTS("mmuFaults", "MMU fault kinds");

    private final String key;
    private final String title;

    CoverageDimension(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** Name of the dimension in {@code tandem-result.json}. */
    public String key() {
        return key;
    }

    /** Heading used in reports. */
    public String title() {
        return title;
    }
}
