package tandem.features.trap;

import java.util.Locale;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Then;
import tandem.features.glue.ParameterTypes;
import tandem.features.machine.SpecMachine;
import tandem.golden.TandemException;
import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.trap.Cause;

/** Steps that check the trap a run stopped at: its cause, its value, where it was taken. */
public final class TrapSteps {
    private final SpecMachine world;

    /** Steps acting on the scenario's machine. */
    public TrapSteps(SpecMachine world) {
        this.world = world;
    }

    /** A trap CSR by name. */
    @ParameterType("scause|stval|sepc|mcause|mtval|mepc")
    public int csr(String name) {
        switch (name) {
            case "scause": return Csrs.SCAUSE;
            case "stval": return Csrs.STVAL;
            case "sepc": return Csrs.SEPC;
            case "mcause": return Csrs.MCAUSE;
            case "mtval": return Csrs.MTVAL;
            default: return Csrs.MEPC;
        }
    }

    /** A trap by the privileged spec's name: {@code load page fault}, {@code ecall from U-mode}. */
    @ParameterType("[a-zA-Z][a-zA-Z/-]*(?: (?!at\\b)[a-zA-Z/-]+)*")
    public Cause trap(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("/amo", "").replace("environment call", "ecall");
        for (Cause c : Cause.values()) {
            String d = c.description().toLowerCase(Locale.ROOT).replace("/amo", "").replace("environment call", "ecall");
            if (!c.isInterrupt() && d.equals(n)) {
                return c;
            }
        }
        throw new TandemException("unknown trap '" + name + "' (for example: load page fault, store page fault, "
                + "instruction page fault, load access fault, illegal instruction, ecall from U-mode)");
    }

    @Then("{csr} is {hex}")
    public void csrIs(int csr, long value) {
        check(csr, (int) value);
    }

    @Then("{csr} is {hex} and {csr} is {hex}")
    public void csrsAre(int csr, long value, int csr2, long value2) {
        check(csr, (int) value);
        check(csr2, (int) value2);
    }

    @Then("{csr} is at label {string}")
    public void csrIsLabel(int csr, String label) {
        check(csr, world.label(label));
    }

    @Then("the hart takes a(n) {trap} at {hex}")
    public void takesTrapAt(Cause cause, long tval) {
        takesTrap(cause);
        SpecMachine.TrapRecord t = world.trap();
        if (t.tval() != (int) tval) {
            throw new AssertionError(String.format("the trap's tval is 0x%08x, expected 0x%08x: %s", t.tval(), (int) tval,
                    t.describe()));
        }
        check(t.privAfter() == Hart.M ? Csrs.MTVAL : Csrs.STVAL, (int) tval);
    }

    @Then("the hart takes a(n) {trap}")
    public void takesTrap(Cause cause) {
        SpecMachine.TrapRecord t = world.trap();
        if (t.cause() != cause.xcause()) {
            throw new AssertionError("the hart took " + t.describe() + ", expected " + cause.description());
        }
        check(t.privAfter() == Hart.M ? Csrs.MCAUSE : Csrs.SCAUSE, cause.xcause());
    }

    @Then("the trap is taken in {mode} mode")
    public void takenIn(int mode) {
        SpecMachine.TrapRecord t = world.trap();
        if (t.privAfter() != mode) {
            throw new AssertionError("the hart took " + t.describe() + ", expected it to be taken in "
                    + ParameterTypes.privilegeName(mode) + " mode");
        }
    }

    @Then("the program reaches its ecall")
    public void reachesEcall() {
        SpecMachine.TrapRecord t = world.trap();
        int expected = t.privBefore() == Hart.U ? Cause.ECALL_FROM_U.xcause()
                : t.privBefore() == Hart.S ? Cause.ECALL_FROM_S.xcause() : Cause.ECALL_FROM_M.xcause();
        if (t.cause() != expected) {
            throw new AssertionError("the program did not reach its ecall: the hart took " + t.describe());
        }
    }

    private void check(int csr, int expected) {
        SpecMachine.TrapRecord t = world.trap();
        int actual = world.hart().csrs().read(csr);
        if (actual != expected) {
            throw new AssertionError(String.format("%s is 0x%08x, expected 0x%08x (the hart took %s)",
                    world.hart().csrs().get(csr).name(), actual, expected, t.describe()));
        }
    }
}
