package tandem.features.lockstep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tandem.boot.XousBoot;
import tandem.features.machine.GuestAssembler;
import tandem.golden.TandemException;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.csr.Csrs;
import tandem.golden.csr.Mstatus;
import tandem.golden.elf.ElfImage;
import tandem.golden.hart.Hart;
import tandem.golden.platform.Machine;
import tandem.golden.platform.StopReason;
import tandem.lockstep.LockstepSession;

/**
 * The Xous-ABI test kernel made startable from reset, so the RTL can boot it in lockstep:
 * the Java loader lays out memory as for a golden-only boot, then an M-mode stub in the
 * loader's guard pages at the top of RAM sets what the loader hands over (delegation, satp,
 * mstatus, sp, a0..a3, a7) and {@code mret}s into the kernel in S-mode. The run ends when the
 * kernel prints its halt line.
 */
public final class KernelLockstep {
    /** The kernel's last line; the run is over once it is printed. */
    public static final String HALT = "XABI KERNEL: halt:";
    private static final int PAGE = 0x1000;

    private final Machine machine;
    private final long stub;
    private final List<LockstepSession.Segment> segments = new ArrayList<>();

    /** Prepares the booted-but-not-started {@code boot} to start from the stub. */
    public KernelLockstep(XousBoot boot) {
        this.machine = boot.machine();
        Hart h = machine.hart();
        Bus.Mapping ram = machine.bus().findMemory(h.satp() << 12 & 0xFFFF_FFFFL);
        if (ram == null) {
            throw new TandemException("the test kernel's page tables are not in RAM");
        }
        stub = ram.end() - PAGE;
        StringBuilder s = new StringBuilder();
        s.append("li t0, -1\ncsrw medeleg, t0\ncsrw mideleg, t0\n");
        s.append(String.format("li t0, 0x%08x\ncsrw satp, t0\nsfence.vma\n", h.satp()));
        int mstatus = (Hart.S << Mstatus.MPP_SHIFT) | (h.mstatus() & Mstatus.SUM);
        s.append(String.format("li t0, 0x%08x\ncsrw mstatus, t0\n", mstatus));
        s.append(String.format("li t0, 0x%08x\ncsrw mepc, t0\n", h.pc()));
        for (int r : new int[] {2, 10, 11, 12, 13, 17}) {
            s.append(String.format("li x%d, 0x%08x\n", r, h.x(r)));
        }
        s.append("li t0, 0\nmret\n");
        ElfImage image = GuestAssembler.assemble(s.toString(), stub, null);
        for (ElfImage.Segment seg : image.segments()) {
            machine.poke(seg.address(), seg.data(), "kernel lockstep stub");
        }
        h.csrs().write(Csrs.SATP, 0);
        h.csrs().write(Csrs.MSTATUS, 0);
        h.setPrivilege(Hart.M);
        h.setPc((int) stub);
        h.flushTranslations();
        Ram r = (Ram) ram.device();
        byte[] bytes = r.bytes();
        for (int off = 0; off < bytes.length; off += PAGE) {
            if (!zero(bytes, off)) {
                byte[] page = java.util.Arrays.copyOfRange(bytes, off, off + PAGE);
                segments.add(new LockstepSession.Segment(ram.base() + off, page, PAGE));
            }
        }
        // The kernel's halt line ends the run; it passed when no check (kernel or process) failed.
        StringBuilder line = new StringBuilder();
        boolean[] failed = {false};
        machine.console().addSink((uart, b) -> {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            String l = line.toString();
            line.setLength(0);
            failed[0] |= l.startsWith("CHECK ") && l.contains(" FAIL");
            if (l.contains(HALT)) {
                failed[0] |= !l.contains(", 0 failed");
                machine.finish(new StopReason(StopReason.Kind.FINISHER, failed[0] ? 1 : 0, machine.hart().pc(),
                        "test kernel halted: " + l.strip()));
            }
        });
    }

    private static boolean zero(byte[] b, int off) {
        for (int i = off; i < off + PAGE; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The machine, now at the stub in M-mode. */
    public Machine machine() {
        return machine;
    }

    /** The program for {@link LockstepSession}: the RAM pages the loader wrote, and the stub. */
    public LockstepSession.Program program() {
        return m -> {
            if (m != machine) {
                throw new IllegalArgumentException("the kernel image is prepared in its own machine");
            }
            return List.copyOf(segments);
        };
    }

    /** Where the stub sits. */
    public long stub() {
        return stub;
    }

    /** Where a scenario's lockstep report goes. */
    static Path reportDir(String scenario) {
        return Path.of(System.getProperty(LockstepRun.REPORT_DIR, "target/cucumber"), "lockstep",
                scenario.replaceAll("[^A-Za-z0-9._-]+", "_"));
    }
}
