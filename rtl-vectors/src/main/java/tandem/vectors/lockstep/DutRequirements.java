package tandem.vectors.lockstep;

import java.util.Locale;
import tandem.golden.hart.Profile;
import tandem.golden.isa.Extension;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.vectors.Vector;

/**
 * What a vector needs of a CPU, from its row (CSRs to set or check, a privilege other than M,
 * an expected trap) and from what its golden run actually executed (compressed, atomic and
 * system instructions, traps, other privileges). Feed it the golden run's retire stream, then
 * ask {@link #missingOn} whether a DUT of some profile can run the vector.
 */
public final class DutRequirements implements RetireListener {

    private final Vector vector;
    private String compressed;
    private String atomic;
    private String system;
    private String trap;
    private String privilege;
    private String accessFault;

    /** Requirements of {@code v}; its retire stream still to be fed. */
    public DutRequirements(Vector v) {
        this.vector = v;
    }

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        for (int s = from; s < from + count; s++) {
            int pc = b.pc(s);
            if (b.kind(s) != RetireBuffer.KIND_RETIRE) {
                trap = first(trap, String.format("takes a trap (cause %d) at pc 0x%08x", b.cause(s), pc));
                int cause = b.cause(s);
                if (b.kind(s) == RetireBuffer.KIND_TRAP && (cause == 1 || cause == 5 || cause == 7)) {
                    accessFault = first(accessFault, String.format("takes an access fault (cause %d) at pc 0x%08x",
                            cause, pc));
                }
                continue;
            }
            int insn = b.insn(s);
            if (b.privBefore(s) != 3) {
                privilege = first(privilege, String.format("runs below M-mode at pc 0x%08x", pc));
            }
            if (b.insnLength(s) == 2) {
                compressed = first(compressed, String.format("executes a compressed instruction at pc 0x%08x", pc));
                continue;
            }
            int opcode = insn & 0x7F;
            if (opcode == 0x2F) {
                atomic = first(atomic, String.format("executes an atomic instruction at pc 0x%08x", pc));
            } else if (opcode == 0x73) {
                system = first(system, String.format("executes a CSR or system instruction (0x%08x) at pc 0x%08x",
                        insn, pc));
            }
        }
    }

    /**
     * Why a CPU of {@code dut} cannot run the vector in lockstep, or null when it can. CSRs,
     * traps and privilege modes need the privileged architecture (Zicsr and M/S/U); an access
     * fault needs a bus error, which no lockstep run gives (the RTL's accesses outside RAM go to
     * the golden machine's devices, and a hole reads 0).
     */
    public String missingOn(Profile dut) {
        if (accessFault != null) {
            // the lockstep harness answers every access outside RAM from the devices, with no error response
            return "needs a bus error response, which lockstep does not model: it " + accessFault;
        }
        String privileged = privilegedNeed();
        if (privileged != null && !(dut.has(Extension.ZICSR) && dut.has(Extension.PRIV))) {
            return privileged;
        }
        if (compressed != null && !dut.has(Extension.C)) {
            return "needs C: it " + compressed;
        }
        if (atomic != null && !dut.has(Extension.A)) {
            return "needs A: it " + atomic;
        }
        return null;
    }

    /** What makes the vector need CSRs, traps or another privilege, or null. */
    private String privilegedNeed() {
        Vector.Setup s = vector.setup();
        Vector.Expected e = vector.expected();
        if (!s.csrs().isEmpty()) {
            return "needs CSRs (its row sets " + s.csrs().size() + ")";
        }
        if (!e.csrs().isEmpty()) {
            return "needs CSRs (its row checks " + e.csrs().size() + ")";
        }
        if (s.privilege() != 3 || (e.privilege() != null && e.privilege() != 3)) {
            return "needs S or U mode";
        }
        if (e.trap() != null) {
            return "needs traps (it expects " + e.trap().name().toLowerCase(Locale.ROOT) + ")";
        }
        for (String why : new String[] {system, trap, privilege}) {
            if (why != null) {
                return "needs CSRs and traps: it " + why;
            }
        }
        return null;
    }

    private static String first(String kept, String now) {
        return kept != null ? kept : now;
    }
}
