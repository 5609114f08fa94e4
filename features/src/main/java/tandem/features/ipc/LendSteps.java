package tandem.features.ipc;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import tandem.features.xous.XabiSystem;
import tandem.golden.hart.Hart;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Pte;
import tandem.golden.mmu.Walk;

/**
 * Memory messages: Borrow, MutableBorrow and Move of the driver's heap pages to the echo
 * server. The steps look at both address spaces at three moments: when the driver sends,
 * when the server is about to give the buffer back (its ReturnMemory ecall; for a Move, when
 * the envelope reaches it), and when the driver next runs.
 */
public final class LendSteps {
    private static final int SYS_SEND_MESSAGE = 16, SYS_RETURN_MEMORY = 20;
    private static final int RES_ERROR = 1, RES_MEMORY_RETURNED = 18;
    private final XabiSystem system;
    private int kind;
    private int id;
    private XabiSystem.Syscall send;
    private long lenderPa;
    private int lenderPteBefore;
    private Lent lent;
    private Returned returned;

    /** The two address spaces while the buffer is with the server. */
    private record Lent(int lenderPte, Walk lenderLoad, int serverVa, int serverPte, Walk serverLoad, Walk serverStore,
                        byte[] serverBytes) {
    }

    /** The lender when it runs again after the send. */
    private record Returned(int[] regs, int lenderPte, byte[] lenderBytes, int serverPte) {
    }

    /** Steps acting on the scenario's test kernel. */
    public LendSteps(XabiSystem system) {
        this.system = system;
    }

    @When("process {string} borrows {int} page(s) to server {string} as message {hex}")
    public void borrows(String client, int pages, String server, long id) {
        watch(client, server, 2, (int) id);
        system.table().borrow((int) id, pages);
    }

    @When("process {string} mutably borrows {int} page(s) to server {string} as message {hex}")
    public void mutablyBorrows(String client, int pages, String server, long id) {
        watch(client, server, 1, (int) id);
        system.table().mutableBorrow((int) id, pages);
    }

    @When("process {string} moves {int} page(s) to server {string} as message {hex}")
    public void moves(String client, int pages, String server, long id) {
        watch(client, server, 3, (int) id);
        system.table().move((int) id, pages);
    }

    @When("process {string} sends a buffer that is not page-aligned as a {word}")
    public void sendsUnaligned(String client, String kindName) {
        XabiSystem.client(client);
        kind = MessageSteps.kind(kindName);
        if (kind > 3) {
            throw new tandem.golden.TandemException("'" + kindName + "' carries no buffer: use Borrow, MutableBorrow or Move");
        }
        system.table().unaligned(kind);
    }

    private void watch(String client, String server, int kind, int id) {
        int lender = XabiSystem.client(client);
        int echo = XabiSystem.echo(server);
        this.kind = kind;
        this.id = id;
        system.onSyscall(s -> {
            if (send == null && s.pid() == lender && s.number() == SYS_SEND_MESSAGE && s.args()[2] == kind
                    && s.args()[3] == id) {
                send = s;
                Walk w = system.walk(s.satp(), s.args()[4], Access.LOAD, Hart.S);
                lenderPa = w.ok() ? w.physical : -1;
                lenderPteBefore = system.leafPte(s.satp(), s.args()[4]);
            } else if (send != null && lent == null && kind != 3 && s.pid() == echo && s.number() == SYS_RETURN_MEMORY) {
                lent = snapshotLent(s.satp(), s.args()[2]);
            }
        });
        system.onEntry(e -> {
            if (send == null) {
                return;
            }
            if (kind == 3 && lent == null && e.pid() == echo && e.regs()[0] == MessageSteps.RES_MESSAGE_ENVELOPE
                    && e.regs()[3] == id) {
                lent = snapshotLent(system.hart().satp(), e.regs()[4]);
            } else if (returned == null && e.pid() == lender && e.instret() > send.instret()) {
                int va = send.args()[4];
                int pte = system.leafPte(send.satp(), va);
                byte[] bytes = (pte & Pte.V) != 0 ? system.physical(Pte.address(pte) & 0xFFFF_FFFFL, 64) : null;
                int serverPte = lent == null ? 0 : system.leafPte(system.satp(echo), lent.serverVa());
                returned = new Returned(e.regs().clone(), pte, bytes, serverPte);
            }
        });
    }

    private Lent snapshotLent(int serverSatp, int serverVa) {
        int va = send.args()[4];
        Walk lenderLoad = system.walk(send.satp(), va, Access.LOAD, Hart.U);
        Walk load = system.walk(serverSatp, serverVa, Access.LOAD, Hart.U);
        Walk store = system.walk(serverSatp, serverVa, Access.STORE, Hart.U);
        byte[] bytes = load.ok() ? system.physical(load.physical, 64) : null;
        return new Lent(system.leafPte(send.satp(), va), lenderLoad, serverVa, system.leafPte(serverSatp, serverVa),
                load, store, bytes);
    }

    private Lent lent() {
        system.run();
        if (send == null) {
            throw new AssertionError("the driver never sent message 0x" + Integer.toHexString(id));
        }
        if (lent == null) {
            throw new AssertionError("the server never held message 0x" + Integer.toHexString(id));
        }
        return lent;
    }

    private Returned returned() {
        lent();
        if (returned == null) {
            throw new AssertionError("the driver never ran again after sending message 0x" + Integer.toHexString(id));
        }
        return returned;
    }

    @Then("while it is lent, the lender's PTE for the buffer is invalid with the lent bit set")
    public void lenderPteLent() {
        int pte = lent().lenderPte();
        if ((pte & Pte.V) != 0 || (pte & Pte.RSW0) == 0) {
            throw new AssertionError("the lender's PTE is " + describe(pte) + ", expected V clear and the lent bit (S) set");
        }
    }

    @Then("while it is lent, a load by the lender from the buffer takes a load page fault")
    public void lenderLocked() {
        Walk w = lent().lenderLoad();
        if (w.ok()) {
            throw new AssertionError(String.format("the lender can still load from its buffer (PA 0x%08x)", w.physical));
        }
    }

    @Then("while it is lent, server {string} can read the buffer but not write it")
    public void serverReadOnly(String server) {
        XabiSystem.echo(server);
        Lent l = lent();
        if (!l.serverLoad().ok()) {
            throw new AssertionError("the server cannot read the buffer: " + l.serverLoad().failure.description());
        }
        if (l.serverStore().ok()) {
            throw new AssertionError("the server can write a Borrowed buffer: its PTE is " + describe(l.serverPte()));
        }
    }

    @Then("while it is lent, server {string} can read and write the buffer")
    public void serverReadWrite(String server) {
        XabiSystem.echo(server);
        Lent l = lent();
        if (!l.serverLoad().ok() || !l.serverStore().ok()) {
            throw new AssertionError("the server's PTE for the buffer is " + describe(l.serverPte()) + ", expected R and W");
        }
    }

    @Then("server {string} sees the lender's physical page at an address in its message window")
    public void samePhysicalPage(String server) {
        XabiSystem.echo(server);
        Lent l = lent();
        if (l.serverVa() < 0x4000_0000 || l.serverVa() >= 0x4040_0000) {
            throw new AssertionError(String.format("the server got the buffer at 0x%08x, outside its message window "
                    + "0x40000000..0x40400000", l.serverVa()));
        }
        if (!l.serverLoad().ok() || l.serverLoad().physical != lenderPa) {
            throw new AssertionError(String.format("the server's page is at PA 0x%08x, the lender's was 0x%08x",
                    l.serverLoad().physical, lenderPa));
        }
    }

    @Then("server {string} reads the bytes the lender wrote")
    public void serverReadsPattern(String server) {
        XabiSystem.echo(server);
        expectPattern(lent().serverBytes(), 7, "the server's view of the buffer");
    }

    @Then("server {string} maps the moved page with the sender's permissions")
    public void movedPermissions(String server) {
        XabiSystem.echo(server);
        Lent l = lent();
        int rwx = Pte.R | Pte.W | Pte.X;
        int need = Pte.V | Pte.U;
        if ((l.serverPte() & rwx) != (lenderPteBefore & rwx) || (l.serverPte() & need) != need) {
            throw new AssertionError("the server's PTE is " + describe(l.serverPte()) + ", the sender's was "
                    + describe(lenderPteBefore) + ": expected the same R/W/X, with U and V");
        }
    }

    @Then("after the send, the sender's PTE for the buffer is gone")
    public void senderPteGone() {
        int pte = returned().lenderPte();
        if (pte != 0) {
            throw new AssertionError("the sender's PTE is " + describe(pte) + " after a Move, expected 0");
        }
    }

    @Then("the sender's next access to the buffer takes a load page fault")
    public void senderFaults() {
        returned();
        int va = send.args()[4];
        for (XabiSystem.UserTrap t : system.traps()) {
            if (t.pid() == send.pid() && t.instret() > send.instret() && t.cause() == 13 && t.tval() == va) {
                return;
            }
        }
        throw new AssertionError(String.format("the sender never took a load page fault at 0x%08x", va));
    }

    @Then("after the return, process {string} gets MemoryReturned with offset {hex} and valid {hex}")
    public void memoryReturned(String client, long offset, long valid) {
        XabiSystem.client(client);
        int[] r = returned().regs();
        if (r[0] != RES_MEMORY_RETURNED || r[1] != (int) offset || r[2] != (int) valid) {
            throw new AssertionError(String.format("the lender got tag %d (0x%x, 0x%x), expected MemoryReturned (18) "
                    + "with offset 0x%x and valid 0x%x", r[0], r[1], r[2], offset, valid));
        }
    }

    @Then("after the return, the lender's PTE is valid, readable and writable, without the lent bit")
    public void lenderRestored() {
        int pte = returned().lenderPte();
        int need = Pte.V | Pte.R | Pte.W | Pte.U;
        if ((pte & need) != need || (pte & Pte.RSW0) != 0) {
            throw new AssertionError("the lender's PTE is " + describe(pte) + " after the return, expected V R W U without S");
        }
    }

    @Then("after the return, the buffer holds the lender's bytes unchanged")
    public void unchanged() {
        expectPattern(returned().lenderBytes(), 7, "the lender's buffer");
    }

    @Then("after the return, the buffer holds what server {string} wrote")
    public void serverWrites(String server) {
        XabiSystem.echo(server);
        expectPattern(returned().lenderBytes(), 13, "the lender's buffer");
    }

    @Then("after the return, server {string} no longer maps the buffer")
    public void serverUnmapped(String server) {
        XabiSystem.echo(server);
        int pte = returned().serverPte();
        if ((pte & Pte.V) != 0) {
            throw new AssertionError("the server still maps the returned buffer: " + describe(pte));
        }
    }

    @Then("the send is rejected with error {int}")
    public void rejected(int error) {
        int pid = XabiSystem.pid("driver");
        for (XabiSystem.Syscall s : system.syscalls()) {
            if (s.pid() == pid && s.number() == SYS_SEND_MESSAGE && s.args()[2] == kind && (s.args()[4] & 0xFFF) != 0) {
                int[] r = s.returned();
                if (r == null || r[0] != RES_ERROR || r[1] != error) {
                    throw new AssertionError(String.format("sending the buffer at 0x%08x returned %s, expected error %d",
                            s.args()[4], MessageSteps.describe(r), error));
                }
                return;
            }
        }
        throw new AssertionError("the driver never sent a buffer that is not page-aligned");
    }

    private void expectPattern(byte[] bytes, int multiplier, String what) {
        if (bytes == null) {
            throw new AssertionError(what + " is not mapped");
        }
        for (int i = 0; i < bytes.length; i++) {
            byte want = (byte) (id * multiplier + i);
            if (bytes[i] != want) {
                throw new AssertionError(String.format("%s holds 0x%02x at offset %d, expected 0x%02x", what,
                        bytes[i] & 0xFF, i, want & 0xFF));
            }
        }
    }

    private static String describe(int pte) {
        return String.format("0x%08x (%s%s)", pte, Pte.flags(pte), (pte & Pte.RSW0) != 0 ? " S" : "");
    }
}
