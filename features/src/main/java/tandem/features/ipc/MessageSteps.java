package tandem.features.ipc;

import java.util.Arrays;
import java.util.List;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import tandem.features.xous.XabiSystem;
import tandem.golden.TandemException;

/** Scalar and BlockingScalar messages between the test kernel's driver and echo server. */
public final class MessageSteps {
    /** Result tags (xous-rs definitions). */
    static final int RES_OK = 0, RES_ERROR = 1, RES_MESSAGE_ENVELOPE = 9;
    private static final int SCALAR = 4, BLOCKING_SCALAR = 5;
    private static final int SYS_TRY_CONNECT = 25, SYS_TRY_SEND_MESSAGE = 24;
    private final XabiSystem system;

    /** Steps acting on the scenario's test kernel. */
    public MessageSteps(XabiSystem system) {
        this.system = system;
    }

    @When("process {string} sends a Scalar message {hex} to server {string}")
    public void sendsScalar(String client, long id, String server) {
        XabiSystem.client(client);
        XabiSystem.echo(server);
        system.table().scalar((int) id);
    }

    @When("process {string} sends a BlockingScalar message {int} to server {string}")
    public void sendsBlockingScalar(String client, int id, String server) {
        XabiSystem.client(client);
        XabiSystem.echo(server);
        system.table().blockingScalar(id);
    }

    @When("process {string} tries to connect to a server nobody created")
    public void connectsToUnknown(String client) {
        XabiSystem.client(client);
        system.table().connectUnknown();
    }

    @When("process {string} fills the queue of a server that never receives")
    public void fillsQueue(String client) {
        XabiSystem.client(client);
        system.table().queueFull();
    }

    @Then("server {string} receives message {hex} as a {word} with arguments {hexes}")
    public void receives(String server, long id, String kind, int[] args) {
        XabiSystem.Entry e = envelope(XabiSystem.echo(server), (int) id);
        int expectedKind = kind(kind) - 1;
        if (e.regs()[2] != expectedKind) {
            throw new AssertionError(String.format("message 0x%x arrived as kind %d (0-based), expected %s (%d)",
                    id, e.regs()[2], kind, expectedKind));
        }
        int[] got = Arrays.copyOfRange(e.regs(), 4, 4 + args.length);
        if (!Arrays.equals(got, args)) {
            throw new AssertionError("message 0x" + Long.toHexString(id) + " arrived with arguments " + hex(got)
                    + ", expected " + hex(args));
        }
        int sender = e.regs()[1] >>> 24;
        if (sender != XabiSystem.pid("driver")) {
            throw new AssertionError("the envelope names PID " + sender + " as the sender, expected the driver");
        }
    }

    @Then("the Scalar send returns Ok to process {string} before server {string} handles it")
    public void scalarReturnsFirst(String client, String server) {
        int pid = XabiSystem.client(client);
        for (XabiSystem.Syscall s : system.sends(pid, 0x10)) {
            if (s.args()[2] != SCALAR) {
                continue;
            }
            int[] r = s.returned();
            if (r == null || r[0] != RES_OK) {
                throw new AssertionError("the Scalar send returned " + (r == null ? "nothing" : "tag " + r[0]) + ", expected Ok");
            }
            XabiSystem.Entry handled = envelope(XabiSystem.echo(server), 0x10);
            XabiSystem.Entry back = firstEntryAfter(pid, s.instret());
            if (back == null || back.instret() > handled.instret()) {
                throw new AssertionError("the client resumed only after the server received the Scalar: it should not wait");
            }
            return;
        }
        throw new AssertionError("process " + client + " never sent Scalar message 0x10");
    }

    @Then("process {string} does not run until server {string} replies with ReturnScalar{int}")
    public void blockedUntilReply(String client, String server, int words) {
        int pid = XabiSystem.client(client);
        XabiSystem.Syscall send = blockingSend(pid, words);
        XabiSystem.Syscall reply = reply(XabiSystem.echo(server), words, send.instret());
        for (XabiSystem.Entry e : system.entries()) {
            if (e.pid() == pid && e.instret() > send.instret() && e.instret() < reply.instret()) {
                throw new AssertionError(String.format("process %s ran at pc 0x%08x while blocked on its BlockingScalar",
                        client, e.pc()));
            }
        }
    }

    @Then("the reply to message {int} goes straight back to process {string} with result tag {int} and words {hexes}")
    public void replyGoesStraightBack(int id, String client, int tag, int[] words) {
        int pid = XabiSystem.client(client);
        XabiSystem.Syscall send = blockingSend(pid, id);
        XabiSystem.Syscall reply = reply(XabiSystem.pid("echo"), id, send.instret());
        XabiSystem.Entry next = null;
        for (XabiSystem.Entry e : system.entries()) {
            if (e.instret() >= reply.instret()) {
                next = e;
                break;
            }
        }
        if (next == null || next.pid() != pid) {
            throw new AssertionError("after the reply the kernel ran PID " + (next == null ? "none" : next.pid())
                    + ", expected the client (PID " + pid + ") to get the quantum straight back");
        }
        int[] got = Arrays.copyOfRange(next.regs(), 1, 1 + words.length);
        if (next.regs()[0] != tag || !Arrays.equals(got, words)) {
            throw new AssertionError("the client got tag " + next.regs()[0] + " with " + hex(got) + ", expected tag "
                    + tag + " with " + hex(words));
        }
    }

    @Then("process {string} gets error {int} from TryConnect")
    public void tryConnectError(String client, int error) {
        int pid = XabiSystem.client(client);
        for (XabiSystem.Syscall s : system.syscalls()) {
            if (s.pid() == pid && s.number() == SYS_TRY_CONNECT) {
                int[] r = s.returned();
                if (r == null || r[0] != RES_ERROR || r[1] != error) {
                    throw new AssertionError("TryConnect returned " + describe(r) + ", expected error " + error);
                }
                return;
            }
        }
        throw new AssertionError("process " + client + " never called TryConnect");
    }

    @Then("TrySendMessage from process {string} succeeds {int} times and then returns error {int}")
    public void queueFills(String client, int accepted, int error) {
        int pid = XabiSystem.client(client);
        List<XabiSystem.Syscall> tries = system.syscalls().stream()
                .filter(s -> s.pid() == pid && s.number() == SYS_TRY_SEND_MESSAGE).toList();
        int ok = 0;
        for (XabiSystem.Syscall s : tries) {
            int[] r = s.returned();
            if (r != null && r[0] == RES_OK) {
                ok++;
                continue;
            }
            if (ok != accepted || r == null || r[0] != RES_ERROR || r[1] != error) {
                throw new AssertionError("after " + ok + " accepted messages TrySendMessage returned " + describe(r)
                        + ", expected " + accepted + " accepted then error " + error);
            }
            return;
        }
        throw new AssertionError("TrySendMessage never failed (" + ok + " accepted)");
    }

    private XabiSystem.Entry envelope(int server, int id) {
        for (XabiSystem.Entry e : system.entries()) {
            if (e.pid() == server && e.regs()[0] == RES_MESSAGE_ENVELOPE && e.regs()[3] == id) {
                return e;
            }
        }
        throw new AssertionError(String.format("server PID %d never received message 0x%x", server, id));
    }

    private XabiSystem.Entry firstEntryAfter(int pid, long instret) {
        for (XabiSystem.Entry e : system.entries()) {
            if (e.pid() == pid && e.instret() > instret) {
                return e;
            }
        }
        return null;
    }

    private XabiSystem.Syscall blockingSend(int pid, int id) {
        for (XabiSystem.Syscall s : system.sends(pid, id)) {
            if (s.args()[2] == BLOCKING_SCALAR) {
                return s;
            }
        }
        throw new AssertionError("the client never sent BlockingScalar message " + id);
    }

    private XabiSystem.Syscall reply(int server, int words, long after) {
        int number = words == 2 ? 27 : words == 5 ? 40 : 26;
        for (XabiSystem.Syscall s : system.syscalls()) {
            if (s.pid() == server && s.number() == number && s.instret() > after) {
                return s;
            }
        }
        throw new AssertionError("the server never answered with ReturnScalar" + words);
    }

    /** Message kind by name, as SendMessage numbers them (1-based). */
    static int kind(String name) {
        switch (name) {
            case "MutableBorrow": return 1;
            case "Borrow": return 2;
            case "Move": return 3;
            case "Scalar": return SCALAR;
            case "BlockingScalar": return BLOCKING_SCALAR;
            default: throw new TandemException("unknown message kind '" + name
                    + "' (MutableBorrow, Borrow, Move, Scalar, BlockingScalar)");
        }
    }

    static String describe(int[] r) {
        if (r == null) {
            return "nothing (the caller never resumed)";
        }
        return r[0] == RES_ERROR ? "error " + r[1] : "tag " + r[0];
    }

    static String hex(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int x : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("0x%x", x));
        }
        return sb.toString();
    }
}
