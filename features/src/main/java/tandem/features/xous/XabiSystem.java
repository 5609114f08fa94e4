package tandem.features.xous;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tandem.boot.BootReport;
import tandem.boot.Milestone;
import tandem.boot.XousBoot;
import tandem.boot.xabi.XabiImage;
import tandem.boot.xabi.XabiScenario;
import tandem.features.lockstep.LockstepRun;
import tandem.golden.TandemException;
import tandem.golden.bus.BusError;
import tandem.golden.hart.Hart;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Walk;
import tandem.golden.retire.RetireBuffer;

/**
 * A system-level scenario's world: the Xous-ABI test kernel (kernel-boot-tests' xabi image)
 * booted with a driver scenario table the steps build, and a timeline of what its processes
 * did, observed architecturally on the golden hart.
 *
 * <p>The boot runs at full speed to the driver's "scenario start", then one instruction at a
 * time so that every user {@code ecall} (with the caller's a0..a7, caught before the trap),
 * every return to U-mode (with the registers the kernel handed back), every user trap and the
 * process each belongs to (the satp ASID, which the kernel sets to the PID) are recorded
 * exactly. Watchers registered by steps look at the machine at those moments (for example the
 * lender's PTE while a buffer is lent). Nothing is read from the console. In lockstep mode the
 * same image is then booted again from reset with the RTL in lockstep.
 */
public final class XabiSystem implements AutoCloseable {
    /** Instructions the whole boot may take. */
    public static final long BUDGET = 10_000_000;
    private static final int SYS_SEND_MESSAGE = 16;
    private static final int SYS_TRY_SEND_MESSAGE = 24;

    /**
     * A system call as the caller made it and, once the kernel returned to the process, its result.
     *
     * @param pid calling process
     * @param instret instructions retired when it was made
     * @param args a0..a7 at the ecall (a0 = number)
     * @param satp the caller's satp
     */
    public record Syscall(int pid, long instret, int[] args, int satp, int[][] result) {
        /** The syscall number. */
        public int number() {
            return args[0];
        }

        /** a0..a7 the kernel returned to the process, or {@code null} if it never returned. */
        public int[] returned() {
            return result[0];
        }
    }

    /**
     * A return to U-mode.
     *
     * @param pid the process entered
     * @param instret instructions retired at that point
     * @param pc where it resumes
     * @param regs a0..a7
     * @param ra the return address register
     */
    public record Entry(int pid, long instret, int pc, int[] regs, int ra) {
    }

    /**
     * An exception raised by user code.
     *
     * @param pid the faulting process
     * @param instret instructions retired when it happened
     * @param cause scause
     * @param tval stval
     * @param pc the faulting instruction
     */
    public record UserTrap(int pid, long instret, int cause, int tval, int pc) {
    }

    private String platform;
    private final XabiScenario table = new XabiScenario();
    private final List<Consumer<Syscall>> syscallWatchers = new ArrayList<>();
    private final List<Consumer<Entry>> entryWatchers = new ArrayList<>();
    private final List<Syscall> syscalls = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private final List<UserTrap> traps = new ArrayList<>();
    private final Map<Integer, Long> lastUserRetire = new HashMap<>();
    private final Map<Integer, Syscall> open = new HashMap<>();
    private final LockstepRun lockstep;
    private XousBoot boot;
    private boolean ran;
    private String endedBy;

    /** A test kernel whose boot is also run in lockstep when lockstep mode is on. */
    public XabiSystem(LockstepRun lockstep) {
        this.lockstep = lockstep;
    }

    /** Chooses the platform profile; an unknown one is a user error. */
    public void boot(String name) {
        if (!name.equals("precursor") && !name.equals("baochip-1x")) {
            throw new TandemException("unknown platform '" + name + "' for the Xous-ABI test kernel (use precursor or baochip-1x)");
        }
        platform = name;
    }

    /** The driver's scenario table, to which When steps add operations. */
    public XabiScenario table() {
        requireBooted();
        if (ran) {
            throw new TandemException("the kernel has already run: put every When step before the Then steps");
        }
        return table;
    }

    private void requireBooted() {
        if (platform == null) {
            throw new TandemException("no kernel: start with 'Given the Xous-ABI kernel is booted on the \"precursor\" platform'");
        }
    }

    /** Calls {@code w} at every user ecall, before the trap, with the hart as the caller left it. */
    public void onSyscall(Consumer<Syscall> w) {
        syscallWatchers.add(w);
    }

    /** Calls {@code w} at every return to U-mode, before the first user instruction runs. */
    public void onEntry(Consumer<Entry> w) {
        entryWatchers.add(w);
    }

    /** The PID of a test-kernel process by name; an unknown name is a user error. */
    public static int pid(String name) {
        int i = XabiImage.PROCESSES.indexOf(name);
        if (i < 0) {
            throw new TandemException("unknown process '" + name + "' (the Xous-ABI test kernel runs "
                    + String.join(", ", XabiImage.PROCESSES) + ")");
        }
        return i + 2;
    }

    /**
     * Checks that {@code name} is the test kernel's client process ("driver", the only one that
     * sends) and returns its PID.
     */
    public static int client(String name) {
        int pid = pid(name);
        if (!name.equals("driver")) {
            throw new TandemException("process '" + name + "' does not send messages in the Xous-ABI test kernel: "
                    + "its client is process \"driver\"");
        }
        return pid;
    }

    /** Checks that {@code name} is the test kernel's echo server and returns its PID. */
    public static int echo(String name) {
        int pid = pid(name);
        if (!name.equals("echo")) {
            throw new TandemException("process '" + name + "' is not the server the driver lends to: use server \"echo\"");
        }
        return pid;
    }

    /** Builds the image with the table, boots it, and records the run to the kernel's halt. */
    public void run() {
        requireBooted();
        if (ran) {
            return;
        }
        ran = true;
        XabiImage image = XabiImage.build(platform, table);
        boot = XousBoot.direct(platform, image.argumentBlock(), "xabi test kernel")
                .milestones(Milestone.XABI).stopAt(Milestone.XABI_SCENARIO_START).budget(BUDGET);
        BootReport start = boot.run();
        if (!start.reached(Milestone.XABI_SCENARIO_START)) {
            throw new AssertionError("the Xous-ABI test kernel did not reach its scenario: " + start.stop().describe());
        }
        Hart h = hart();
        h.setEcallHook(this::ecall);
        h.addRetireListener(this::retired);
        while (true) {
            if (h.instret() >= BUDGET) {
                throw new AssertionError(String.format("the Xous-ABI test kernel did not halt within %,d instructions "
                        + "(pc 0x%08x)", BUDGET, h.pc()));
            }
            int before = h.privilege();
            Hart.Exit exit = h.step();
            if (before != Hart.U && h.privilege() == Hart.U) {
                entered(h);
            }
            if (exit == Hart.Exit.IDLE || exit == Hart.Exit.TRAP_LOOP) {
                endedBy = exit.name().toLowerCase();
                break;
            }
        }
        lockstep.checkKernel(platform, image.argumentBlock());
    }

    private boolean ecall(Hart h) {
        if (h.privilege() != Hart.U) {
            return false;
        }
        int[] a = new int[8];
        for (int i = 0; i < 8; i++) {
            a[i] = h.x(10 + i);
        }
        Syscall s = new Syscall(pidOf(h.satp()), h.instret(), a, h.satp(), new int[1][]);
        syscalls.add(s);
        open.put(s.pid(), s);
        for (Consumer<Syscall> w : syscallWatchers) {
            w.accept(s);
        }
        return false;
    }

    private void entered(Hart h) {
        int[] r = new int[8];
        for (int i = 0; i < 8; i++) {
            r[i] = h.x(10 + i);
        }
        Entry e = new Entry(pidOf(h.satp()), h.instret(), h.pc(), r, h.x(1));
        entries.add(e);
        Syscall s = open.remove(e.pid());
        if (s != null && s.result()[0] == null) {
            s.result()[0] = r;
        }
        for (Consumer<Entry> w : entryWatchers) {
            w.accept(e);
        }
    }

    private void retired(RetireBuffer b, int from, int count) {
        // One step per call: the hart's instruction count stands for the record's moment, in the
        // same units as the syscall and entry timestamps (the record's order also counts traps).
        int pid = pidOf(hart().satp());
        long now = hart().instret();
        for (int i = from; i < from + count; i++) {
            if (b.privBefore(i) != Hart.U) {
                continue;
            }
            if (b.kind(i) == RetireBuffer.KIND_TRAP && (b.cause(i) != 8)) {
                traps.add(new UserTrap(pid, now, b.cause(i), b.tval(i), b.pc(i)));
            } else if (b.kind(i) == RetireBuffer.KIND_RETIRE) {
                lastUserRetire.put(pid, now);
            }
        }
    }

    /** The PID the kernel encodes in satp's ASID field. */
    public static int pidOf(int satp) {
        return (satp >>> 22) & 0x1FF;
    }

    /** The hart. */
    public Hart hart() {
        if (boot == null) {
            throw new IllegalStateException("not booted");
        }
        return boot.machine().hart();
    }

    /** satp of process {@code pid} as the loader built it. */
    public int satp(int pid) {
        return (int) boot.satp(pid);
    }

    /** Every user syscall of the run, in order. */
    public List<Syscall> syscalls() {
        run();
        return syscalls;
    }

    /** The syscalls recorded so far, for watchers that run during the boot. */
    public List<Syscall> syscallsSoFar() {
        return syscalls;
    }

    /** Every return to U-mode, in order. */
    public List<Entry> entries() {
        run();
        return entries;
    }

    /** Every exception raised by user code other than ecall, in order. */
    public List<UserTrap> traps() {
        run();
        return traps;
    }

    /** The instruction count when process {@code pid} last retired an instruction in U-mode, or -1. */
    public long lastUserRetire(int pid) {
        run();
        return lastUserRetire.getOrDefault(pid, -1L);
    }

    /** How the run ended: "idle" once the kernel halted with nothing left to run. */
    public String endedBy() {
        run();
        return endedBy;
    }

    /** Everything the UARTs printed, by UART name. */
    public Map<String, String> console() {
        run();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String u : boot.machine().console().uarts()) {
            out.put(u, boot.machine().console().text(u));
        }
        return out;
    }

    /** The calls to SendMessage or TrySendMessage by {@code pid} with message {@code id}. */
    public List<Syscall> sends(int pid, int id) {
        List<Syscall> out = new ArrayList<>();
        for (Syscall s : syscalls()) {
            if (s.pid() == pid && (s.number() == SYS_SEND_MESSAGE || s.number() == SYS_TRY_SEND_MESSAGE) && s.args()[3] == id) {
                out.add(s);
            }
        }
        return out;
    }

    /** The walk of {@code va} in the address space {@code satp}, as supervisor with SUM (page contents, not user rights). */
    public Walk walk(int satp, int va, Access access, int priv) {
        Walk w = new Walk();
        hart().walker().translate(satp, va, access, priv, priv == Hart.S, false, w);
        return w;
    }

    /** The leaf PTE for {@code va} (valid or not), or 0 when no level-0 table covers it. */
    public int leafPte(int satp, int va) {
        Walk w = walk(satp, va, Access.LOAD, Hart.S);
        if (w.level == 0) {
            return w.pte[0];
        }
        return w.level == 1 && (w.pte[1] & 0xE) != 0 ? w.pte[1] : 0;
    }

    /** {@code n} bytes of physical memory at {@code pa}. */
    public byte[] physical(long pa, int n) {
        byte[] out = new byte[n];
        try {
            for (int i = 0; i < n; i++) {
                out[i] = (byte) hart().bus().load(pa + i, 1);
            }
        } catch (BusError e) {
            throw new AssertionError(String.format("physical address 0x%08x is not memory", pa));
        }
        return out;
    }

    @Override
    public void close() {
        if (boot != null) {
            boot.close();
        }
    }
}
