package tandem.boot.xabi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tandem.boot.BootProfile;
import tandem.boot.BootReport;
import tandem.boot.CheckLine;
import tandem.boot.Milestone;
import tandem.boot.XousBoot;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.mmu.Walk;
import tandem.golden.platform.StopReason;

/** Boots the xabi test kernel with --direct on both platform profiles and checks what it reports. */
class XabiBootTest {

    private static final Map<String, BootReport> BOOTS = new ConcurrentHashMap<>();

    /** Every check the full self-test must print at least once. */
    private static final List<String> REQUIRED = List.of("boot.sum-clear", "sched.timer-tick", "sched.preempt",
            "ipc.scalar.args-intact", "ipc.blocking-scalar.args-intact", "ipc.blocking-scalar.reply",
            "ipc.blocking.direct-switch", "ipc.reply.direct-switch", "ipc.borrow.lender-locked",
            "ipc.borrow.server-read-only", "ipc.borrow.server-reads", "ipc.borrow.returned",
            "ipc.borrow.buffer-unchanged", "ipc.return.lender-restored", "ipc.return.server-unmapped",
            "ipc.mutable-borrow.lender-locked", "ipc.mutable-borrow.server-writable",
            "ipc.mutable-borrow.server-reads", "ipc.mutable-borrow.writes-visible", "ipc.move.sender-pte-cleared",
            "ipc.move.receiver-owns-page", "ipc.move.sender-loses-page", "ipc.move.server-reads",
            "ipc.move.server-unmaps", "ipc.unaligned-rejected", "ipc.connect-unknown", "ipc.create-server",
            "ipc.queue-full", "fault.handler-installed", "fault.handler-called", "ipc.borrow.lender-faults-while-lent",
            "ipc.return.lender-access-restored", "mm.increase-heap", "mm.heap-demand-paged", "mm.map-memory",
            "mm.map-memory-demand-paged", "mm.unmap-memory", "sched.spinners-finished", "sched.spinner-reply",
            "proc.terminated", "fault.victim-terminated", "fault.others-continue");

    static BootReport boot(String platform) {
        return BOOTS.computeIfAbsent(platform, p -> XousBoot.direct(p, XabiImage.build(p).argumentBlock(),
                "xabi-" + p + ".bin").milestones(Milestone.XABI).budget(40_000_000L).run());
    }

    @ParameterizedTest
    @ValueSource(strings = {"precursor", "baochip-1x"})
    void bootsToTheLastMilestone(String platform) {
        BootReport r = boot(platform);
        for (Milestone m : Milestone.XABI) {
            assertTrue(r.reached(m), () -> "missing " + m.name() + "\n" + String.join("\n", r.summary()));
        }
        assertEquals(StopReason.Kind.STOPPED, r.stop().kind(), r.stop().describe());
        assertEquals(0, r.exitCode());
        long first = r.hit(Milestone.KERNEL_ARGUMENTS).orElseThrow().instructions();
        long last = r.hit(Milestone.XABI_HALT).orElseThrow().instructions();
        assertTrue(first < last, "milestones are timed in order");
    }

    @ParameterizedTest
    @ValueSource(strings = {"precursor", "baochip-1x"})
    void everyCheckPassesAndEachRuleIsChecked(String platform) {
        BootReport r = boot(platform);
        assertEquals(List.of(), r.failedChecks().stream().map(c -> c.name() + " " + c.details()).toList());
        Set<String> seen = r.checks().stream().map(CheckLine::name).collect(Collectors.toSet());
        List<String> missing = REQUIRED.stream().filter(n -> !seen.contains(n)).toList();
        assertEquals(List.of(), missing, "checks never printed");
        String halt = r.console().get(BootProfile.of(platform).kernelUart()).lines()
                .filter(l -> l.startsWith("XABI KERNEL: halt:")).findFirst().orElseThrow();
        assertTrue(halt.endsWith(" 0 failed"), halt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"precursor", "baochip-1x"})
    void onlyTheVictimIsTerminatedByItsFault(String platform) {
        BootReport r = boot(platform);
        assertEquals(1, r.faults().size(), r.faults().toString());
        assertTrue(r.faults().get(0).contains("PROGRAM HALT: CPU Exception on PID 6: load page fault"), r.faults().get(0));
        CheckLine terminated = r.checks().stream().filter(c -> c.name().equals("proc.terminated")).findFirst()
                .orElseThrow();
        assertEquals("6", terminated.detail("pid").orElseThrow());
        assertEquals("4", terminated.detail("others-alive").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"precursor", "baochip-1x"})
    void kernelAndLogServerPrintOnTheirOwnUarts(String platform) {
        BootReport r = boot(platform);
        BootProfile p = BootProfile.of(platform);
        assertEquals(p.kernelUart(), r.hit(Milestone.XABI_KERNEL).orElseThrow().uart());
        assertEquals(p.consoleUart(), r.hit(Milestone.XABI_LOG).orElseThrow().uart());
        assertTrue(r.console().get(p.kernelUart()).contains("    XArg (67724158, 20 bytes): "));
    }

    @Test
    void scenarioTableChoosesWhatTheDriverDoes() {
        XabiScenario s = new XabiScenario().scalar(0x11).victim(2).alive();
        BootReport r = XousBoot.direct("precursor", XabiImage.build("precursor", s).argumentBlock(), "custom.bin")
                .milestones(Milestone.XABI).budget(40_000_000L).run();
        assertEquals(0, r.exitCode(), String.join("\n", r.summary()));
        assertTrue(r.checks().stream().anyMatch(c -> c.name().equals("ipc.scalar.args-intact")
                && c.details().contains("id=11 ")));
        assertTrue(r.checks().stream().noneMatch(c -> c.name().equals("ipc.borrow.returned")), "step not in table");
        assertTrue(r.faults().get(0).contains("PID 6: store page fault"), r.faults().toString());
        assertTrue(r.checks().stream().anyMatch(c -> c.name().equals("fault.others-continue") && c.passed()));
    }

    @Test
    void bootPausesWhileABufferIsLentAndTheMmuSeesTheLenderLockedOut() {
        XabiScenario s = new XabiScenario().borrow(7, 2).alive();
        try (XousBoot boot = XousBoot.direct("precursor", XabiImage.build("precursor", s).argumentBlock(), "lend.bin")
                .milestones(Milestone.XABI).budget(40_000_000L)
                .stopAt(new Milestone("lent", "CHECK ipc.borrow.lender-locked PASS pid=4"))) {
            BootReport paused = boot.run();
            assertEquals(StopReason.Kind.STOPPED, paused.stop().kind(), paused.stop().describe());
            int client = boot.pid("driver");
            int server = boot.pid("echo");
            assertEquals(4, client);
            Walk w = new Walk();
            long r = boot.machine().hart().walker().translate((int) boot.satp(client), 0x2000_0000, Access.LOAD, 0,
                    false, false, w);
            assertTrue(r < 0);
            assertEquals(TranslationFailure.INVALID, w.failure);
            assertEquals(0x100, w.leaf() & 0x101, "V=0 with the lent bit set");
            long served = boot.machine().hart().walker().translate((int) boot.satp(server), 0x4000_0000,
                    Access.LOAD, 0, false, false, null);
            assertEquals(((w.leaf() >>> 10) & 0x3F_FFFFL) << 12, served, "the server reads the lender's frame");
            long store = boot.machine().hart().walker().translate((int) boot.satp(server), 0x4000_0000,
                    Access.STORE, 0, false, false, w);
            assertTrue(store < 0);
            assertEquals(TranslationFailure.NOT_WRITABLE, w.failure, "a Borrow maps the page read-only");

            boot.stopAt(Milestone.XABI_HALT);
            BootReport done = boot.run();
            assertEquals(0, done.exitCode(), String.join("\n", done.summary()));
            long back = boot.machine().hart().walker().translate((int) boot.satp(client), 0x2000_0000, Access.STORE,
                    0, false, false, null);
            assertTrue(back >= 0, "ReturnMemory gave the lender its page back");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"precursor", "baochip-1x"})
    void ownMachineModeStageBootsFromResetToTheSameEnd(String platform) {
        long ramBase = platform.equals("precursor") ? 0x4000_0000L : 0x6100_0000L;
        BootReport r = XousBoot.directFromReset(platform, XabiImage.build(platform).argumentBlock(), "xabi.bin", ramBase)
                .milestones(Milestone.XABI).budget(40_000_000L).run();
        assertEquals(0, r.exitCode(), String.join("\n", r.summary()));
        assertEquals("direct from reset", r.mode());
        BootReport direct = boot(platform);
        assertEquals(direct.checks().size(), r.checks().size(), "same checks as the S-mode entry");
    }

    @Test
    void afterTheLastProcessBlocksTheKernelWaitsInWfiAndTheBootReportsTheHang() {
        BootReport r = XousBoot.direct("baochip-1x", XabiImage.build("baochip-1x", new XabiScenario().alive())
                .argumentBlock(), "idle.bin").milestones(Milestone.XABI)
                .stopAt(new Milestone("never", "a line the kernel never prints")).budget(40_000_000L).run();
        assertTrue(r.reached(Milestone.XABI_HALT));
        assertEquals(StopReason.Kind.IDLE, r.stop().kind(), r.stop().describe());
        assertTrue(r.stopWhere().contains("S-mode") && r.stopWhere().contains("waiting in WFI"), r.stopWhere());
        assertEquals(1, r.exitCode(), "the requested stop line never came");
    }

    @Test
    void signedImageLayoutIsAcceptedByDirect() {
        byte[] block = XabiImage.build("precursor", new XabiScenario().alive()).argumentBlock();
        byte[] signed = new byte[0x1000 + block.length];
        System.arraycopy(block, 0, signed, 0x1000, block.length);
        BootReport r = XousBoot.direct("precursor", signed, "xous.img").milestones(Milestone.XABI)
                .budget(40_000_000L).run();
        assertEquals(0, r.exitCode(), String.join("\n", r.summary()));
        assertTrue(r.notes().contains("xous.img: skipped a 0x1000-byte signature block before the XArg tag"),
                r.notes().toString());
    }
}
