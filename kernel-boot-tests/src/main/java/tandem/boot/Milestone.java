package tandem.boot;

import java.util.List;

/**
 * A console line that marks progress through a boot: the first line on any UART containing
 * {@code text} reaches it.
 *
 * @param name short name for reports
 * @param text the text to find in a console line
 */
public record Milestone(String name, String text) {

    /** Xous kernel: the argument listing (also printed by the xabi test kernel). */
    public static final Milestone KERNEL_ARGUMENTS = new Milestone("kernel-arguments", "Kernel arguments:");
    /** Xous kernel: kmain reached in S-mode. */
    public static final Milestone XOUS_KMAIN = new Milestone("xous-kmain",
            "KMAIN (clean boot): Supervisor mode started...");
    /** Xous log server: the first user process talking. */
    public static final Milestone XOUS_LOG = new Milestone("xous-log", "LOG: Xous Logging Server starting up...");
    /** xabi test kernel: kernel initialised, processes created. */
    public static final Milestone XABI_KERNEL = new Milestone("xabi-kernel", "XABI KERNEL: supervisor mode started");
    /** xabi test kernel: its log server owns the console. */
    public static final Milestone XABI_LOG = new Milestone("xabi-log", "XABI LOG: log server started");
    /** xabi test kernel: the driver starts its scenario. */
    public static final Milestone XABI_SCENARIO_START = new Milestone("xabi-scenario-start",
            "XABI DRIVER: scenario start");
    /** xabi test kernel: the driver finished its scenario. */
    public static final Milestone XABI_SCENARIO_DONE = new Milestone("xabi-scenario-done",
            "XABI DRIVER: scenario complete");
    /** xabi test kernel: nothing left to run, final check counts printed. */
    public static final Milestone XABI_HALT = new Milestone("xabi-halt", "XABI KERNEL: halt:");

    /** The milestones of a real Xous boot, in order. */
    public static final List<Milestone> XOUS = List.of(KERNEL_ARGUMENTS, XOUS_KMAIN, XOUS_LOG);
    /** The milestones of the xabi test kernel, in order. */
    public static final List<Milestone> XABI = List.of(KERNEL_ARGUMENTS, XABI_KERNEL, XABI_LOG, XABI_SCENARIO_START,
            XABI_SCENARIO_DONE, XABI_HALT);
}
