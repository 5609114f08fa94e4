package tandem.features.machine;

import java.util.Map;
import tandem.golden.csr.Mstatus;

/**
 * The spec harness's code, generated per scenario: an M-mode prelude at the start of RAM
 * that sets up what the spec gave and {@code mret}s into the scenario's mode, and at
 * {@link #HANDLER_OFFSET} the trap handler both trap vectors point at. The handler starts
 * with a {@code nop} so the golden run can stop right after the trap is taken without
 * changing any register, then turns translation off and writes the test finisher (pass) so a
 * lockstep run ends too.
 *
 * <p>An M-mode scenario with MPRV set runs its loads and stores as U: the {@code mret} into
 * M-mode keeps MPRV and leaves MPP = U.
 */
final class Prelude {
    /** Offset of the trap handler from the harness base. */
    static final int HANDLER_OFFSET = 0x800;
    /** Upper bound of the prelude's own instructions (so the spec's budget counts only the program). */
    static final long MAX_INSTRUCTIONS = 200;
    private static final int FINISHER = 0x0010_0000;
    private static final int FINISHER_PASS = 0x5555;

    private Prelude() {
    }

    static String source(long base, int entry, int mode, int satp, int mstatusBits, int medeleg,
                         Map<Integer, Integer> registers, boolean finisher) {
        int handler = (int) base + HANDLER_OFFSET;
        int mstatus = (mstatusBits & (Mstatus.SUM | Mstatus.MXR | Mstatus.MPRV)) | (mode << Mstatus.MPP_SHIFT);
        StringBuilder s = new StringBuilder();
        line(s, "li t0, 0x%08x", handler);
        line(s, "csrw mtvec, t0");
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
        line(s, ".org 0x%x", HANDLER_OFFSET);
        line(s, "nop");
        // Translation off, so an S-mode handler reaches the finisher whatever the tables map.
        line(s, "csrw satp, zero");
        line(s, "sfence.vma");
        if (finisher) {
            line(s, "li t0, 0x%08x", FINISHER);
            line(s, "li t1, 0x%x", FINISHER_PASS);
            line(s, "sw t1, 0(t0)");
        }
        line(s, "1: j 1b");
        return s.toString();
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(format, args)).append('\n');
    }
}
