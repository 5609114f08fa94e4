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
    private static final int SYS_INCREASE_HEAP = 10, SYS_SEND_MESSAGE = 16, SYS_SET_EXCEPTION_HANDLER = 37;
    /** Where a process's exception handler returns to (Xous's RETURN_FROM_EXCEPTION_HANDLER sentinel). */
    private static final int HANDLER_RETURN = 0xFF80_4000;
    private final XabiSystem system;
    private int heapPages;
    private int heapVa = -1;
    private final List<Integer> ptesBeforeTouch = new ArrayList<>();
    private final List<Integer> ptesAfterTouch = new ArrayList<>();
    private int lentId = -1;

    /** Steps acting on the scenario's test kernel. */
    public ProtectionSteps(XabiSystem system) {
        this.system = system;
    }

    @When("process {string} grows its heap by {int} page(s) and touches each page")
    public void growsHeap(String client, int pages) {
        int pid = XabiSystem.client(client);
        heapPages = pages;
        system.table().heapTouch(pages);
        system.onEntry(e -> {
            if (e.pid() != pid) {
                return;
            }
            XabiSystem.Syscall grow = lastHeapGrowth(pid);
            if (heapVa < 0 && grow != null && grow.returned() == e.regs()) {
                heapVa = e.regs()[1];
                for (int p = 0; p < pages; p++) {
                    ptesBeforeTouch.add(system.leafPte(grow.satp(), heapVa + p * 4096));
                }
            }
        });
        system.onSyscall(s -> {
            // The driver's first call after the touches is the one that reports them; keep looking
            // at its calls until the pages are valid (or the run ends), then keep that picture.
            if (s.pid() == pid && heapVa >= 0 && !allUserRw(ptesAfterTouch)) {
                ptesAfterTouch.clear();
                for (int p = 0; p < pages; p++) {
                    ptesAfterTouch.add(system.leafPte(s.satp(), heapVa + p * 4096));
                }
            }
        });
    }

    private static boolean allUserRw(List<Integer> ptes) {
        int need = Pte.V | Pte.R | Pte.W | Pte.U;
        return !ptes.isEmpty() && ptes.stream().allMatch(p -> (p & need) == need);
    }

    private XabiSystem.Syscall lastHeapGrowth(int pid) {
        XabiSystem.Syscall last = null;
        for (XabiSystem.Syscall s : system.syscallsSoFar()) {
            if (s.pid() == pid && s.number() == SYS_INCREASE_HEAP && s.args()[1] == heapPages * 4096) {
                last = s;
            }
        }
        return last;
    }

    @Then("before the first touch the new heap pages are reserved but not valid")
    public void reserved() {
        system.run();
        if (ptesBeforeTouch.isEmpty()) {
            throw new AssertionError("IncreaseHeap never returned to the driver");
        }
        for (int i = 0; i < ptesBeforeTouch.size(); i++) {
            if ((ptesBeforeTouch.get(i) & Pte.V) != 0) {
                throw new AssertionError(String.format("heap page 0x%08x is already valid (PTE 0x%08x) before it is touched",
                        heapVa + i * 4096, ptesBeforeTouch.get(i)));
            }
        }
    }

    @Then("each first touch is a page fault that the kernel resolves without the process seeing it")
    public void firstTouchFaults() {
        int pid = XabiSystem.pid("driver");
        int handler = handlerPc(pid);
        for (int p = 0; p < heapPages; p++) {
            int va = heapVa + p * 4096;
            XabiSystem.UserTrap t = trapAt(pid, va, Cause.LOAD_PAGE_FAULT.code());
            if (t == null) {
                t = trapAt(pid, va, Cause.STORE_PAGE_FAULT.code());
            }
            if (t == null) {
                throw new AssertionError(String.format("touching heap page 0x%08x raised no page fault", va));
            }
            for (XabiSystem.Entry e : system.entries()) {
                if (e.pid() == pid && e.instret() >= t.instret()) {
                    if (e.pc() != t.pc() || e.pc() == handler) {
                        throw new AssertionError(String.format("after the demand fault at 0x%08x the driver resumed at "
                                + "0x%08x, expected the faulting instruction at 0x%08x", va, e.pc(), t.pc()));
                    }
                    break;
                }
            }
        }
    }

    @Then("afterwards each heap page is valid, readable and writable by the user")
    public void backed() {
        system.run();
        if (ptesAfterTouch.size() != heapPages) {
            throw new AssertionError("the driver made no call after touching its heap");
        }
        int need = Pte.V | Pte.R | Pte.W | Pte.U;
        for (int i = 0; i < heapPages; i++) {
            if ((ptesAfterTouch.get(i) & need) != need) {
                throw new AssertionError(String.format("heap page 0x%08x has PTE 0x%08x (%s) after the touch, expected V R W U",
                        heapVa + i * 4096, ptesAfterTouch.get(i), Pte.flags(ptesAfterTouch.get(i))));
            }
        }
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

    @When("process {string} is made to fault by {word} {int}")
    public void victimFaults(String victim, String what, int kind) {
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
