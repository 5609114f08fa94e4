package tandem.features.machine;

import java.util.Map;
import tandem.golden.csr.Mstatus;

/**
 * The spec harness's code, generated per scenario: an M-mode prelude at the start of RAM
 * that sets up what the spec gave and {@code mret}s into the scenario's mode, and at
 * {@link #S_HANDLER_OFFSET} and {@link #M_HANDLER_OFFSET} the trap handlers stvec and mtvec
 * point at. Each starts with a {@code nop} so the golden run can stop right after the trap is
 * taken without changing any register; a lockstep run goes on through the handler, which makes
 * the trap's CSRs visible in registers and ends at the test finisher.
 *
 * <p>An M-mode scenario with MPRV set runs its loads and stores as U: the {@code mret} into
 * M-mode keeps MPRV and leaves MPP = U.
 */
final class Prelude {
    /** Offset of the S-mode trap handler (stvec) from the harness base. */
    static final int S_HANDLER_OFFSET = 0x800;
    /** Offset of the M-mode trap handler (mtvec) from the harness base. */
    static final int M_HANDLER_OFFSET = 0xA00;
    /** Upper bound of the prelude's own instructions (so the spec's budget counts only the program). */
    static final long MAX_INSTRUCTIONS = 200;
    private static final int FINISHER = 0x0010_0000;
    private static final int FINISHER_PASS = 0x5555;

    private Prelude() {
    }

    static String source(long base, int entry, int mode, int satp, int mstatusBits, int medeleg,
                         Map<Integer, Integer> registers, boolean finisher) {
        int sHandler = (int) base + S_HANDLER_OFFSET;
        int mHandler = (int) base + M_HANDLER_OFFSET;
        int mstatus = (mstatusBits & (Mstatus.SUM | Mstatus.MXR | Mstatus.MPRV)) | (mode << Mstatus.MPP_SHIFT);
        StringBuilder s = new StringBuilder();
        line(s, "li t0, 0x%08x", mHandler);
        line(s, "csrw mtvec, t0");
        line(s, "li t0, 0x%08x", sHandler);
        line(s, "csrw stvec, t0");
        line(s, "li t0, 0x%08x", medeleg);
        line(s, "csrw medeleg, t0");
        line(s, "li t0, 0x%08x", satp);
        line(s, "csrw satp, t0");
        line(s, "sfence.vma");
        line(s, "li t0, 0x%08x", mstatus);
        line(s, "csrw mstatus, t0");
        line(s, "li t0, 0x%08x", entry);
        line(s, "csrw mepc, t0");
        for (Map.Entry<Integer, Integer> r : registers.entrySet()) {
            line(s, "li x%d, 0x%08x", r.getKey(), r.getValue());
        }
        line(s, "mret");
        handler(s, S_HANDLER_OFFSET, "s", finisher);
        handler(s, M_HANDLER_OFFSET, "m", finisher);
        return s.toString();
    }

    /**
     * A trap handler: the {@code nop} the golden run stops after, then the trap's cause, value
     * and pc copied into t1..t3 (so a lockstep run compares them as register writes), then
     * translation off and the finisher.
     */
    private static void handler(StringBuilder s, int offset, String x, boolean finisher) {
        line(s, ".org 0x%x", offset);
        line(s, "nop");
        line(s, "csrr t1, %scause", x);
        line(s, "csrr t2, %stval", x);
        line(s, "csrr t3, %sepc", x);
        // Translation off, so an S-mode handler reaches the finisher whatever the tables map.
        line(s, "csrw satp, zero");
        line(s, "sfence.vma");
        if (finisher) {
            line(s, "li t0, 0x%08x", FINISHER);
            line(s, "li t1, 0x%x", FINISHER_PASS);
            line(s, "sw t1, 0(t0)");
        }
        line(s, "1: j 1b");
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(format, args)).append('\n');
    }
}
