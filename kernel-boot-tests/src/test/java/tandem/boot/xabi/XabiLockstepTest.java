package tandem.boot.xabi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.boot.CheckLine;
import tandem.boot.XousBoot;
import tandem.dut.BuildCache;
import tandem.dut.DutLibrary;
import tandem.dut.VerilatorBuild;
import tandem.dut.rtl.PreparedRtl;
import tandem.dut.rtl.RtlPreparation;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.platform.Machine;
import tandem.golden.platform.StopReason;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;

/**
 * The xabi test kernel booted from reset (our M-mode stage) on a user's VexRiscv RTL in lockstep
 * with the golden model. Runs only when TANDEM_VEXRISCV_RTL (files or .f lists separated by ':') and
 * TANDEM_VEXRISCV_TOP name the RTL (prepared as {@code tandem lockstep --rtl} prepares it, so the
 * Baochip-1x files work as checked out); TANDEM_VEXRISCV_RESET (hex) is the RTL's reset vector, which must
 * lie in the platform's RAM (default: the RAM base, where the harness drives externalResetVector);
 * TANDEM_XABI_PLATFORM picks the platform (default baochip-1x).
 */
class XabiLockstepTest {

    @TempDir
    Path out;

    @Test
    void xabiKernelBootsInLockstepWithNoDivergence() {
        String files = System.getenv("TANDEM_VEXRISCV_RTL");
        String top = System.getenv("TANDEM_VEXRISCV_TOP");
        Assumptions.assumeTrue(files != null && top != null,
                "TANDEM_VEXRISCV_RTL/TANDEM_VEXRISCV_TOP not set: no VexRiscv RTL to boot the xabi kernel in lockstep");
        String platform = System.getenv().getOrDefault("TANDEM_XABI_PLATFORM", "baochip-1x");
        long ramBase = platform.equals("precursor") ? 0x4000_0000L : 0x6100_0000L;
        String reset = System.getenv("TANDEM_VEXRISCV_RESET");
        long stub = reset == null ? ramBase : Long.parseLong(reset.replaceFirst("^0x", ""), 16);

        List<Path> paths = new ArrayList<>();
        for (String f : files.split(":")) {
            paths.add(Path.of(f));
        }
        BuildCache cache = BuildCache.standard();
        PreparedRtl prepared = RtlPreparation.prepare(paths, top, cache.root().resolve("prepared"));
        prepared.explanation().forEach(explained -> System.err.println("tandem: " + explained));
        DutLibrary lib = new VerilatorBuild(cache, System.err).build(prepared, null, false);
        XousBoot boot = XousBoot.directFromReset(platform, XabiImage.build(platform).argumentBlock(), "xabi.bin", stub);
        Machine machine = boot.machine();
        List<CheckLine> checks = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        machine.console().addSink((uart, b) -> {
            if (b != '\n') {
                line.append((char) b);
                return;
            }
            String text = line.toString().strip();
            line.setLength(0);
            CheckLine.parse(text, uart).ifPresent(checks::add);
            if (text.startsWith(XabiImage.FINAL_MILESTONE)) {
                boolean failed = checks.stream().anyMatch(c -> !c.passed());
                machine.finish(new StopReason(StopReason.Kind.FINISHER, failed ? 1 : 0, machine.hart().pc(), text));
            }
        });
        LockstepSession session = new LockstepSession(lib, null, top + " vs golden: xabi test kernel on " + platform);
        LockstepResult r = session.run(machine, m -> ramSegments(m), LockstepOptions.defaults(out)
                .withMaxCycles(400_000_000L), null);
        System.out.printf("xabi kernel on %s in lockstep with %s: %s, %,d retires matched, %,d RTL cycles, %d checks%n",
                platform, top, r.outcome(), r.retires(), r.cycles(), checks.size());
        assertEquals(LockstepResult.Outcome.PASS, r.outcome(), r.detail());
        assertTrue(checks.size() > 40, "checks printed in lockstep: " + checks.size());
    }

    /** The RAM the boot was loaded into, as the RTL's memory image (only the pages that are not zero). */
    private static List<LockstepSession.Segment> ramSegments(Machine m) {
        Bus.Mapping map = m.bus().findMemory(m.hart().pc() & 0xFFFF_FFFFL);
        byte[] ram = ((Ram) map.device()).bytes();
        List<LockstepSession.Segment> out = new ArrayList<>();
        for (int page = 0; page < ram.length; page += 4096) {
            for (int i = page; i < page + 4096; i++) {
                if (ram[i] != 0) {
                    byte[] data = java.util.Arrays.copyOfRange(ram, page, page + 4096);
                    out.add(new LockstepSession.Segment(map.base() + page, data, 4096));
                    break;
                }
            }
        }
        return out;
    }
}
