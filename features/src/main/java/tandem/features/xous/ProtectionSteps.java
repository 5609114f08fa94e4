package tandem.features.xous;

import java.util.ArrayList;
import java.util.List;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import tandem.golden.mmu.Pte;
import tandem.golden.trap.Cause;

/**
 * Memory protection as the Xous-ABI test kernel's processes meet it: pages backed on first
 * touch, faults handed to a process's own exception handler, faults that kill only the
 * faulting process.
 */
public final class ProtectionSteps {
    private static final int SYS_MAP_MEMORY = 2, SYS_INCREASE_HEAP = 10, SYS_SEND_MESSAGE = 16,
            SYS_SET_EXCEPTION_HANDLER = 37;
    /** Where a process's exception handler returns to (Xous's RETURN_FROM_EXCEPTION_HANDLER sentinel). */
    private static final int HANDLER_RETURN = 0xFF80_4000;
    private final XabiSystem system;
    private DemandPages demand;
    private int lentId = -1;

    /** Steps acting on the scenario's test kernel. */
    public ProtectionSteps(XabiSystem system) {
        this.system = system;
    }

    @When("process {string} grows its heap by {int} page(s) and touches each page")
    public void growsHeap(String client, int pages) {
        demand = new DemandPages(system, XabiSystem.client(client), SYS_INCREASE_HEAP, 1, pages);
        system.table().heapTouch(pages);
    }

    @When("process {string} maps {int} page(s) of memory, touches them and unmaps them")
    public void mapsMemory(String client, int pages) {
        demand = new DemandPages(system, XabiSystem.client(client), SYS_MAP_MEMORY, 3, pages);
        system.table().mapTouch(pages);
    }

    private DemandPages demand() {
        system.run();
        if (demand == null || demand.va < 0) {
            throw new AssertionError("the driver's reservation never returned to it");
        }
        return demand;
    }

    @Then("before the first touch the new pages are reserved but not valid")
    public void reserved() {
        DemandPages d = demand();
        for (int i = 0; i < d.beforeTouch.size(); i++) {
            if ((d.beforeTouch.get(i) & Pte.V) != 0) {
                throw new AssertionError(String.format("page 0x%08x is already valid (PTE 0x%08x) before it is touched",
                        d.va + i * 4096, d.beforeTouch.get(i)));
            }
        }
    }

    @Then("each first touch is a page fault that the kernel resolves without the process seeing it")
    public void firstTouchFaults() {
        DemandPages d = demand();
        int pid = XabiSystem.pid("driver");
        int handler = handlerPc(pid);
        for (int p = 0; p < d.pages; p++) {
            int page = d.va + p * 4096;
            XabiSystem.UserTrap t = null;
            for (XabiSystem.UserTrap u : system.traps()) {
                if (u.pid() == pid && (u.cause() == 13 || u.cause() == 15) && (u.tval() & ~0xFFF) == page) {
                    t = u;
                    break;
                }
            }
            if (t == null) {
                throw new AssertionError(String.format("touching page 0x%08x raised no page fault", page));
            }
            for (XabiSystem.Entry e : system.entries()) {
                if (e.pid() == pid && e.instret() >= t.instret()) {
                    if (e.pc() != t.pc() || e.pc() == handler) {
                        throw new AssertionError(String.format("after the demand fault at 0x%08x the driver resumed at "
                                + "0x%08x, expected the faulting instruction at 0x%08x", t.tval(), e.pc(), t.pc()));
                    }
                    break;
                }
            }
        }
    }

    @Then("afterwards each new page is valid, readable and writable by the user")
    public void backed() {
        DemandPages d = demand();
        if (!DemandPages.allUserRw(d.afterTouch)) {
            throw new AssertionError("after the touches the PTEs are " + describe(d.afterTouch) + ", expected V R W U");
        }
    }

    @Then("after UnmapMemory the pages are no longer valid")
    public void unmapped() {
        DemandPages d = demand();
        if (d.afterUnmap.isEmpty()) {
            throw new AssertionError("UnmapMemory of the range never returned to the driver");
        }
        for (int pte : d.afterUnmap) {
            if ((pte & Pte.V) != 0) {
                throw new AssertionError("after UnmapMemory the PTEs are " + describe(d.afterUnmap) + ", expected none valid");
            }
        }
    }

    private static String describe(List<Integer> ptes) {
        List<String> out = new ArrayList<>();
        for (int p : ptes) {
            out.add(String.format("0x%08x (%s)", p, Pte.flags(p)));
        }
        return out.toString();
    }

    @When("process {string} loads from the unmapped address {hex}")
    public void loadsUnmapped(String client, long address) {
        XabiSystem.client(client);
        system.table().handledFault(address, false);
    }

    @When("process {string} stores to the unmapped address {hex}")
    public void storesUnmapped(String client, long address) {
        XabiSystem.client(client);
        system.table().handledFault(address, true);
    }

    @When("a second thread of process {string} loads from a buffer it has lent to server {string} as message {hex}")
    public void lentAccess(String client, String server, long id) {
        XabiSystem.client(client);
        XabiSystem.echo(server);
        lentId = (int) id;
        system.table().lentAccess((int) id);
    }

    /** Kinds as {@code XabiScenario.victim}: 1 kernel-page load, 2 text store, 3 unmapped load, 4 kernel-page jump, 5 illegal. */
    @When("process {string} is made to fault by kind {int}")
    public void victimFaults(String victim, int kind) {
        if (!victim.equals("victim")) {
            XabiSystem.pid(victim);
            throw new tandem.golden.TandemException("process '" + victim + "' cannot be made to fault: use process \"victim\"");
        }
        system.table().victim(kind).alive();
    }

    @Then("process {string} takes a(n) {trap} at {hex}")
    public void takesTrapAt(String process, Cause cause, long tval) {
        int pid = XabiSystem.pid(process);
        XabiSystem.UserTrap t = trapAt(pid, (int) tval, cause.code());
        if (t == null) {
            throw new AssertionError(String.format("process %s took no %s at 0x%08x; its traps: %s", process,
                    cause.description(), tval, trapsOf(pid)));
        }
    }

    @Then("process {string} takes a(n) {trap} at the lent buffer")
    public void takesTrapAtLent(String process, Cause cause) {
        takesTrapAt(process, cause, lentBuffer() & 0xFFFF_FFFFL);
    }

    @Then("process {string} takes a(n) {trap}")
    public void takesTrap(String process, Cause cause) {
        int pid = XabiSystem.pid(process);
        if (firstTrap(pid, cause) == null) {
            throw new AssertionError(String.format("process %s took no %s; its traps: %s", process, cause.description(),
                    trapsOf(pid)));
        }
    }

    @Then("its exception handler runs with a0 = {int}, a1 = the faulting pc and a2 = {hex}")
    public void handlerRuns(int type, long address) {
        int pid = XabiSystem.pid("driver");
        XabiSystem.UserTrap t = trapAt(pid, (int) address, causeOfType(type));
        if (t == null) {
            throw new AssertionError(String.format("the driver took no such fault at 0x%08x", address));
        }
        checkHandler(pid, t, type, (int) address);
    }

    @Then("its exception handler runs with a0 = {int}, a1 = the faulting pc and a2 = the lent buffer")
    public void handlerRunsLent(int type) {
        int pid = XabiSystem.pid("driver");
        int va = lentBuffer();
        XabiSystem.UserTrap t = trapAt(pid, va, causeOfType(type));
        if (t == null) {
            throw new AssertionError(String.format("the driver took no such fault at its lent buffer 0x%08x", va));
        }
        checkHandler(pid, t, type, va);
    }

    @Then("the faulting access completes after the handler returns")
    public void completes() {
        int pid = XabiSystem.pid("driver");
        XabiSystem.UserTrap fault = null;
        for (XabiSystem.UserTrap t : system.traps()) {
            if (t.pid() == pid && t.cause() != 12) {
                fault = t;
            }
        }
        if (fault == null) {
            throw new AssertionError("the driver took no fault");
        }
        for (XabiSystem.Entry e : system.entries()) {
            if (e.pid() == pid && e.instret() > fault.instret() && e.pc() == fault.pc()) {
                return;
            }
        }
        throw new AssertionError(String.format("the driver never resumed the faulting instruction at 0x%08x", fault.pc()));
    }

    private void checkHandler(int pid, XabiSystem.UserTrap t, int type, int address) {
        int handler = handlerPc(pid);
        for (XabiSystem.Entry e : system.entries()) {
            if (e.pid() == pid && e.instret() >= t.instret() && e.pc() == handler) {
                int[] r = e.regs();
                if (r[0] != type || r[1] != t.pc() || r[2] != address || e.ra() != HANDLER_RETURN) {
                    throw new AssertionError(String.format("the handler got a0=%d a1=0x%08x a2=0x%08x ra=0x%08x, expected "
                            + "a0=%d a1=0x%08x a2=0x%08x ra=0x%08x", r[0], r[1], r[2], e.ra(), type, t.pc(), address,
                            HANDLER_RETURN));
                }
                return;
            }
        }
        throw new AssertionError(String.format("the driver's exception handler at 0x%08x never ran after the fault", handler));
    }

    @Then("process {string} never runs again after its fault")
    public void neverRunsAgain(String process) {
        int pid = XabiSystem.pid(process);
        XabiSystem.UserTrap t = lastTrap(pid);
        long last = system.lastUserRetire(pid);
        if (last > t.instret()) {
            throw new AssertionError(String.format("process %s ran again after its fault at pc 0x%08x", process, t.pc()));
        }
        for (XabiSystem.Entry e : system.entries()) {
            if (e.pid() == pid && e.instret() > t.instret()) {
                throw new AssertionError(String.format("the kernel returned to process %s at 0x%08x after its fault",
                        process, e.pc()));
            }
        }
    }

    @Then("processes {string} and {string} go on running after the fault of process {string}")
    public void othersGoOn(String a, String b, String victim) {
        XabiSystem.UserTrap t = lastTrap(XabiSystem.pid(victim));
        for (String name : new String[] {a, b}) {
            if (system.lastUserRetire(XabiSystem.pid(name)) <= t.instret()) {
                throw new AssertionError("process " + name + " never ran after process " + victim + " faulted");
            }
        }
    }

    @Then("the request process {string} had pending with process {string} ends with error {int}")
    public void pendingEndsWithError(String client, String victim, int error) {
        int pid = XabiSystem.client(client);
        XabiSystem.UserTrap t = lastTrap(XabiSystem.pid(victim));
        for (XabiSystem.Syscall s : system.syscalls()) {
            if (s.pid() == pid && s.number() == SYS_SEND_MESSAGE && s.args()[2] == 5 && s.args()[3] == 0
                    && s.instret() < t.instret()) {
                int[] r = s.returned();
                if (r != null && r[0] == 1 && r[1] == error) {
                    return;
                }
            }
        }
        throw new AssertionError("no BlockingScalar of process " + client + " pending at the fault ended with error " + error);
    }

    private int handlerPc(int pid) {
        for (XabiSystem.Syscall s : system.syscalls()) {
            if (s.pid() == pid && s.number() == SYS_SET_EXCEPTION_HANDLER) {
                return s.args()[1];
            }
        }
        throw new AssertionError("the driver never set an exception handler");
    }

    private int lentBuffer() {
        int pid = XabiSystem.pid("driver");
        for (XabiSystem.Syscall s : system.sends(pid, lentId | 0x100)) {
            return s.args()[4];
        }
        throw new AssertionError("the driver never lent message 0x" + Integer.toHexString(lentId));
    }

    /** Xous's ExceptionType for a page fault (7 instruction, 8 load, 9 store) as a trap cause. */
    private static int causeOfType(int type) {
        return type == 7 ? 12 : type == 8 ? 13 : type == 9 ? 15 : -1;
    }

    private XabiSystem.UserTrap trapAt(int pid, int tval, int cause) {
        for (XabiSystem.UserTrap t : system.traps()) {
            if (t.pid() == pid && t.tval() == tval && t.cause() == cause) {
                return t;
            }
        }
        return null;
    }

    private XabiSystem.UserTrap firstTrap(int pid, Cause cause) {
        for (XabiSystem.UserTrap t : system.traps()) {
            if (t.pid() == pid && t.cause() == cause.code()) {
                return t;
            }
        }
        return null;
    }

    private XabiSystem.UserTrap lastTrap(int pid) {
        XabiSystem.UserTrap last = null;
        for (XabiSystem.UserTrap t : system.traps()) {
            if (t.pid() == pid) {
                last = t;
            }
        }
        if (last == null) {
            throw new AssertionError("process PID " + pid + " never faulted");
        }
        return last;
    }

    private List<String> trapsOf(int pid) {
        List<String> out = new ArrayList<>();
        for (XabiSystem.UserTrap t : system.traps()) {
            if (t.pid() == pid) {
                out.add(String.format("cause %d at pc 0x%08x, tval 0x%08x", t.cause(), t.pc(), t.tval()));
            }
        }
        return out;
    }
}
