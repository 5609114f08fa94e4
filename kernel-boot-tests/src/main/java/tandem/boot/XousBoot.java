package tandem.boot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tandem.boot.args.ArgumentBlock;
import tandem.boot.args.Tag;
import tandem.boot.load.BootStub;
import tandem.boot.load.DirectLoader;
import tandem.boot.load.EntryState;
import tandem.boot.load.MachineMemory;
import tandem.golden.bus.BusDevice;
import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;
import tandem.golden.soc.SignatureHardware;

/**
 * Boots a Xous-format image on the golden model: either the real Xous loader from flash
 * ({@link #withLoader}) or an argument block loaded in Java ({@link #direct}). Captures every
 * UART, watches the milestones, and reports where and why the boot stopped.
 */
public final class XousBoot implements AutoCloseable {

    private static final long CHUNK = 2_000_000;
    /** Stub address meaning "the first page of the block's RAM". */
    private static final long RAM_BASE = -2;

    private final BootProfile profile;
    private final Machine machine;
    private final String mode;
    private final ArgumentBlock block;
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<BootReport.Hit> hits = new ArrayList<>();
    private final List<CheckLine> checks = new ArrayList<>();
    private final List<String> faults = new ArrayList<>();
    private DirectLoader loader;
    private ConsoleCapture capture;
    private List<Milestone> milestones = Milestone.XOUS;
    private Milestone stopAt;
    private long budget = 500_000_000L;
    private Path consoleDir;
    private PrintStream echo;
    private Consumer<String> progress = s -> { };
    private Milestone target;

    private XousBoot(String platform, String mode, ArgumentBlock block) {
        this.profile = BootProfile.of(platform);
        this.machine = Machine.create(Platform.named(profile.platform()), Profile.named(profile.cpu()));
        this.mode = mode;
        this.block = block;
        machine.setWarnings(w -> {
            warnings.add(w);
            if (echo != null) {
                echo.println(w);
            }
        });
    }

    /**
     * {@code --direct}: parses {@code argumentBlock}, places it at the platform's argument address,
     * does the loader's job in Java, and enters the kernel in S-mode.
     *
     * @param source the block's file name, for messages
     */
    public static XousBoot direct(String platform, byte[] argumentBlock, String source) {
        return direct(platform, argumentBlock, source, -1);
    }

    /**
     * {@code --direct} from reset: as {@link #direct(String, byte[], String)}, but the hart starts in
     * M-mode at {@code stubAddress} (a RAM page kept out of the loader's allocations), where our
     * {@link BootStub} sets up the loader's hand-over state and {@code mret}s into the kernel, so the
     * whole boot runs from the first instruction as hardware (or RTL in lockstep) would run it.
     */
    public static XousBoot directFromReset(String platform, byte[] argumentBlock, String source, long stubAddress) {
        return direct(platform, argumentBlock, source, stubAddress);
    }

    /** {@link #directFromReset(String, byte[], String, long)} with the stub at the base of the block's RAM. */
    public static XousBoot directFromReset(String platform, byte[] argumentBlock, String source) {
        return direct(platform, argumentBlock, source, RAM_BASE);
    }

    private static XousBoot direct(String platform, byte[] image, String source, long stubAddress) {
        int skip = signatureBlockLength(image);
        byte[] argumentBlock = skip == 0 ? image : java.util.Arrays.copyOfRange(image, skip, image.length);
        ArgumentBlock block = ArgumentBlock.parse(argumentBlock, source);
        if (stubAddress == RAM_BASE) {
            stubAddress = block.ramStart();
        }
        XousBoot boot = new XousBoot(platform, stubAddress < 0 ? "direct" : "direct from reset", block);
        if (skip != 0) {
            boot.notes.add(String.format("%s: skipped a 0x%x-byte signature block before the XArg tag", source, skip));
        }
        for (Tag t : block.badCrcTags()) {
            boot.notes.add(String.format("%s: tag '%s' at offset 0x%x: CRC-16 %04x does not match its data (%04x); "
                    + "ignored, as the Xous loader does", source, t.name(), t.offset(), t.storedCrc(), t.computedCrc()));
        }
        boot.machine.poke(boot.profile.argsAddress(), argumentBlock, source);
        MachineMemory memory = new MachineMemory(boot.machine);
        boot.loader = new DirectLoader(block, boot.profile.argsAddress(), memory);
        if (stubAddress >= 0) {
            boot.loader.reserve(stubAddress);
        }
        EntryState e = boot.loader.load();
        Hart h = boot.machine.hart();
        if (stubAddress >= 0) {
            byte[] stub = BootStub.code(e);
            memory.write(stubAddress, stub, 0, stub.length);
            memory.done();
            h.setPc((int) stubAddress);
            return boot;
        }
        memory.done();
        h.csrs().write(Csrs.MEDELEG, -1);
        h.csrs().write(Csrs.MIDELEG, -1);
        h.csrs().write(Csrs.MSTATUS, (int) (0x80 | (e.mstatus() & (1L << 18))));
        h.csrs().write(Csrs.MEPC, (int) e.pc());
        h.csrs().write(Csrs.SATP, (int) e.satp());
        h.setPrivilege(Hart.S);
        h.setPc((int) e.pc());
        h.setX(2, (int) e.sp());
        h.setX(10, (int) e.a0());
        h.setX(11, (int) e.a1());
        h.setX(12, (int) e.a2());
        h.setX(13, (int) e.a3());
        h.setX(17, (int) e.a7());
        return boot;
    }

    /**
     * The length of a signature block in front of the arguments: 0x1000 bytes in a signed Precursor
     * {@code xous.img}, 0x300 in a Baochip-1x kernel image; 0 when the data starts with XArg.
     */
    private static int signatureBlockLength(byte[] image) {
        for (int skip : new int[] {0, 0x1000, 0x300}) {
            if (image.length >= skip + 4 && image[skip] == 'X' && image[skip + 1] == 'A' && image[skip + 2] == 'r'
                    && image[skip + 3] == 'g') {
                return skip;
            }
        }
        return 0;
    }

    /**
     * Real Xous: {@code loader.bin} and {@code xous.img} placed where Renode places them, the loader
     * started in M-mode with a0 = the image address.
     */
    public static XousBoot withLoader(String platform, Path loader, Path image) {
        XousBoot boot = new XousBoot(platform, "loader", null);
        boot.machine.loadBinary(loader, boot.profile.loaderAddress());
        boot.machine.loadBinary(image, boot.profile.imageAddress());
        Hart h = boot.machine.hart();
        h.setPc((int) boot.profile.loaderEntry());
        h.setX(10, (int) boot.profile.imageAddress());
        return boot;
    }

    /** The machine, for inspection before or after the run. */
    public Machine machine() {
        return machine;
    }

    /** The parsed argument block ({@code --direct} only, else null). */
    public ArgumentBlock argumentBlock() {
        return block;
    }

    /**
     * The satp the loader gave {@code pid} ({@code --direct} only): with the hart's Sv32 walker this
     * answers "what does process n see at va".
     */
    public long satp(int pid) {
        if (loader == null) {
            throw new IllegalStateException("satp(pid) is known only for --direct boots");
        }
        return loader.satp(pid);
    }

    /** The PID of a process named in the block's PNam tag, or -1. */
    public int pid(String name) {
        if (block != null) {
            for (var e : block.processNames().entrySet()) {
                if (e.getValue().equals(name)) {
                    return e.getKey();
                }
            }
        }
        return -1;
    }

    /** Milestones to watch; the run stops when the last is reached (unless {@link #stopAt} says otherwise). */
    public XousBoot milestones(List<Milestone> list) {
        this.milestones = List.copyOf(list);
        return this;
    }

    /**
     * Stops the run at the first line containing this milestone's text (default: the last watched
     * milestone). It need not be in the watched list, so a caller can pause at any console line (e.g.
     * a CHECK line), inspect the machine, set another stop and call {@link #run} again to continue.
     */
    public XousBoot stopAt(Milestone m) {
        this.stopAt = m;
        return this;
    }

    /** Instruction budget. */
    public XousBoot budget(long instructions) {
        this.budget = instructions;
        return this;
    }

    /** Writes each UART to {@code dir/<uart>.log}. */
    public XousBoot consoleDir(Path dir) {
        this.consoleDir = dir;
        return this;
    }

    /** Echoes console lines (prefixed by UART) and warnings to {@code out}. */
    public XousBoot echo(PrintStream out) {
        this.echo = out;
        return this;
    }

    /** Receives a progress line every couple of million instructions. */
    public XousBoot progress(Consumer<String> sink) {
        this.progress = sink;
        return this;
    }

    /**
     * Runs the boot to its stop milestone, the budget (counted from the start of the boot), a hang or a
     * fatal trap loop. May be called again after a stop at a milestone to continue; the report covers
     * the whole boot so far.
     */
    public BootReport run() {
        Milestone last = stopAt != null ? stopAt : milestones.get(milestones.size() - 1);
        Hart hart = machine.hart();
        if (capture == null) {
            capture = new ConsoleCapture(consoleDir, echo, this::line);
            machine.console().addSink(capture);
        }
        target = last;
        StopReason stop;
        long start = System.nanoTime();
        long startInstret = hart.instret();
        while (true) {
            long left = budget - hart.instret();
            if (left <= 0) {
                stop = new StopReason(StopReason.Kind.BUDGET, 3, hart.pc(),
                        String.format("instruction budget of %,d exhausted", budget));
                break;
            }
            stop = machine.run(Math.min(CHUNK, left));
            if (stop.kind() != StopReason.Kind.BUDGET) {
                break;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format("boot %s: %,d instructions, %.1f MIPS, last milestone: %s",
                    profile.platform(), hart.instret(), (hart.instret() - startInstret) / 1e6 / Math.max(secs, 1e-9),
                    hits.isEmpty() ? "none" : hits.get(hits.size() - 1).milestone().name()));
        }
        capture.flush();
        List<String> allNotes = new ArrayList<>(notes);
        for (BusDevice d : machine.devices().values()) {
            if (d instanceof SignatureHardware s && s.accessed()) {
                allNotes.add(String.format("boot stopped in signature checking: the loader accessed %s at 0x%08x, "
                        + "which is not modelled (use an image built with the loader's renode-bypass feature, or "
                        + "--direct)", s.name(), s.firstAccess()));
                break;
            }
        }
        allNotes.addAll(warnings);
        Map<String, String> console = new LinkedHashMap<>();
        for (String u : machine.console().uarts()) {
            console.put(u, machine.console().text(u));
        }
        return new BootReport(profile.platform(), mode, List.copyOf(hits), stop, where(), hart.instret(),
                hart.cycles(), profile.clockHz(), List.copyOf(checks), List.copyOf(faults), List.copyOf(allNotes),
                console, milestones);
    }

    private void line(String uart, String line) {
        Hart hart = machine.hart();
        for (Milestone m : milestones) {
            if (line.contains(m.text()) && hits.stream().noneMatch(h -> h.milestone().equals(m))) {
                hits.add(new BootReport.Hit(m, uart, hart.instret(), hart.cycles()));
            }
        }
        if (target != null && line.contains(target.text())) {
            String name = target.name();
            target = null;
            machine.finish(new StopReason(StopReason.Kind.STOPPED, 0, hart.pc(), "reached milestone " + name));
        }
        CheckLine.parse(line, uart).ifPresent(checks::add);
        if (line.contains("PROGRAM HALT") || line.contains("PANIC")) {
            faults.add(uart + ": " + line.strip());
        }
    }

    /** Closes the console log files (the boot cannot continue afterwards). */
    @Override
    public void close() {
        if (capture != null) {
            capture.close();
        }
    }

    private String where() {
        Hart h = machine.hart();
        int satp = h.satp();
        String process;
        if (satp < 0) {
            int pid = (satp >>> 22) & 0x1FF;
            process = "PID " + pid + (block != null ? " (" + block.processName(pid) + ")" : "");
        } else {
            process = "no translation (satp bare)";
        }
        String priv = h.privilege() == Hart.M ? "M" : h.privilege() == Hart.S ? "S" : "U";
        String trap = h.lastTrapCause() == null ? "" : String.format("; last trap: %s at 0x%08x (tval 0x%08x)",
                h.lastTrapCause().description(), h.lastTrapPc(), h.lastTrapTval());
        return String.format("at pc 0x%08x in %s-mode, %s%s%s", h.pc(), priv, process,
                h.waitingForInterrupt() ? ", waiting in WFI" : "", trap);
    }
}
