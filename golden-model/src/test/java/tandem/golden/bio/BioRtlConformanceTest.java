package tandem.golden.bio;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The example programs, and small programs for each erratum and arbitration rule, on the
 * Verilated BIO RTL and on the model, cycle by cycle: pins and
 * directions, FIFO levels and every core's DBG pc after each BIO clock, x31 at the start and the
 * words read back at the end. Runs when {@code TANDEM_BIO_RTL} names the user's RTL (a
 * Baochip-1x checkout or any folder inside it, or a flat folder holding the files listed in
 * {@link BioRtlHarness#FILES}); never commit the RTL.
 *
 * <p>The RTL is built once per content hash under {@code target/bio-rtl/} by {@link BioRtlHarness}
 * (host clock = BIO clock / 8). Cycles count from the watched core's first clock after its restart (0 = that clock; the model's cycle
 * numbers elsewhere count it as 1). Each case runs twice on the model: with host writes landing
 * at the next clock and the pushes placed on the cycles the RTL reports (the BIO itself), and
 * with the model's APB write timing and the pushes issued when the harness issued them (the
 * host path too).
 */
class BioRtlConformanceTest {

    /** One comparison: harness arguments (programs named by test resource) and a description. */
    private record Case(String name, String... args) {
    }

    private static final List<Case> CASES = List.of(
            new Case("blink", "70000", "0x111", "0", "0=blink.S", "qdiv0=0x00010000"),
            new Case("aclk", "300", "0x222", "1", "1=aclk.S", "qdiv1=0x000A0000", "read=1:7"),
            new Case("quantum-blink", "2000", "0x111", "0", "0=quantum-blink.S", "qdiv0=0x00640000"),
            new Case("fifo-echo", "2000", "0x333", "0", "0=fifo-echo.S", "1=fifo-echo-peer.S"),
            new Case("uart-tx", "2000", "0x111", "0", "0=uart-tx.S", "qdiv0=0x00640000", "push@50:0=0x41"),
            new Case("spi-shifter", "3000", "0x222", "1", "1=spi-shifter.S", "qdiv1=0x00080000",
                    "push@50:1=0xA5C30F96"),
            new Case("host-exchange", "300", "0x444", "2", "2=host-exchange.S", "push@50:2=7", "push@51:2=100"),
            new Case("phantom-x20-odd-quantum", "3000", "0x111", "0", "0=phantom20", "qdiv0=0x003F0000"),
            new Case("phantom-x20-even-quantum-livelock", "3000", "0x111", "0", "0=phantom20", "qdiv0=0x00400000"),
            new Case("phantom-x20-repeats-push", "600", "0x111", "0", "0=slli20", "qdiv0=0x00400000"),
            new Case("contested-fifo-gpio-event-writes", "200", "0x333", "0", "0=writer1", "1=writer2"),
            new Case("lui-phantom-pop", "300", "0x333", "0", "0=luipop", "1=pusher"),
            new Case("mul-drains-fifo", "300", "0x333", "0", "0=mulfifo", "1=pusher"),
            new Case("immediate-turns-pop-into-peek", "300", "0x333", "0", "0=peek", "1=pusher"),
            new Case("quantum-read-then-misaligned-load", "300", "0x111", "0", "0=misfetch", "qdiv0=0x00000000"),
            new Case("quantum-read-then-misaligned-load-slow-quantum", "300", "0x111", "0", "0=misfetch",
                    "qdiv0=0x00030000"));

    /** Small programs for the errata and arbitration cases. */
    private static final Map<String, String[]> INLINE = Map.of(
            "phantom20", new String[] {".option norvc", "li a0, 0xFF", "mv pinmask, a0", "mv dirout, a0",
                "1: addi a1, a1, 20", "mv pins, a1", "j 1b"},
            "slli20", new String[] {"mv fifo1, clk", "c.slli a1, 20", "li a0, 1", "mv dirout, a0", "mv pinset, a0", "ebreak"},
            "writer1", new String[] {"li a0, 1", "mv fifo0, a0", "mv pinset, a0", "li a1, 0", "mv pinclr, a1",
                "mv evset, a0", "ebreak"},
            "writer2", new String[] {"li a0, 2", "mv fifo0, a0", "mv pinclr, x0", "li a1, 1", "mv pinset, a1",
                "mv evset, a0", "ebreak"},
            "luipop", new String[] {"lui a0, 0x80", "li a1, 1", "mv dirout, a1", "mv pinset, a1", "ebreak"},
            "mulfifo", new String[] {"li a1, 3", "mul a0, fifo0, a1", "mv dirout, a0", "mv pinset, a0", "ebreak"},
            "pusher", new String[] {"li a0, 5", "1: mv fifo0, a0", "addi a0, a0, -1", "bnez a0, 1b", "ebreak"},
            "misfetch", new String[] {"li t0, 0xFF", "mv pinmask, t0", "mv dirout, t0", "li a5, 0x3C",
                "c.addi s4, 1", "lw a5, 0x200(x0)", "mv pins, a5", "c.nop", "ebreak", ".balign 0x200", ".word 0x55"},
            "peek", new String[] {"addi a0, fifo0, 16", "addi a1, fifo0, 16", "li t0, 0xFF", "mv pinmask, t0",
                "mv dirout, t0", "mv pins, a0", "mv pins, a1", "ebreak"});

    @Test
    void examplesRunCycleForCycleAsOnTheRtl() throws Exception {
        String where = System.getenv("TANDEM_BIO_RTL");
        assumeTrue(where != null && !where.isBlank(), "TANDEM_BIO_RTL not set: no BIO RTL to compare the model against");
        BioRtlHarness harness = BioRtlHarness.build(Path.of(where), Path.of("target", "bio-rtl"));
        Path work = harness.executable().getParent().resolve("programs");
        Files.createDirectories(work);
        List<String> report = new ArrayList<>();
        for (Case c : CASES) {
            List<String> args = new ArrayList<>();
            for (String a : c.args()) {
                if (a.length() > 2 && a.charAt(1) == '=' && a.endsWith(".S")) {
                    Path bin = work.resolve(a.substring(2).replace(".S", ".bin"));
                    Files.write(bin, BioPrograms.image(a.substring(2)));
                    args.add(a.substring(0, 2) + bin);
                } else if (a.length() > 2 && a.charAt(1) == '=' && INLINE.containsKey(a.substring(2))) {
                    Path bin = work.resolve(a.substring(2) + ".bin");
                    Files.write(bin, BioPrograms.source(INLINE.get(a.substring(2))));
                    args.add(a.substring(0, 2) + bin);
                } else {
                    args.add(a);
                }
            }
            List<String> rtl = harness.run(args, false);
            String verdict = compare(rtl, runModel(args, landings(rtl), false));
            report.add(c.name() + ": " + (verdict == null ? "match, " + rtl.size() + " events" : verdict));
            String timed = compare(rtl, runModel(args, List.of(), true));
            report.add(c.name() + " (host writes through the APB timing): "
                    + (timed == null ? "match, " + rtl.size() + " events" : timed));
        }
        System.out.println("BIO model against the RTL:\n  " + String.join("\n  ", report));
        for (String line : report) {
            assertTrue(line.contains(": match"), String.join("\n", report));
        }
    }

    /** The first difference, with the lines around it, or null. */
    private static String compare(List<String> rtl, List<String> model) {
        List<String> a = withoutLandings(rtl);
        List<String> b = withoutLandings(model);
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            if (end && a.size() == b.size()) {
                return null;
            }
            if (end || !a.get(i).equals(b.get(i))) {
                int from = Math.max(0, i - 3);
                return "first difference at event " + i + "\n    RTL:   " + String.join(" | ", a.subList(from, Math.min(a.size(), i + 3)))
                        + "\n    model: " + String.join(" | ", b.subList(from, Math.min(b.size(), i + 3)));
            }
        }
        return null;
    }

    private static List<String> withoutLandings(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("P ")).toList();
    }

    /** Cycle at which each host push landed in the RTL, in order. */
    private static List<Long> landings(List<String> rtl) {
        List<Long> out = new ArrayList<>();
        for (String l : rtl) {
            if (l.startsWith("P ")) {
                out.add(Long.parseLong(l.split(" ")[1]));
            }
        }
        return out;
    }

    /**
     * The model's events for one case. Without {@code apbTiming} host writes land at the next
     * clock and each push is placed on the cycle the RTL reported for it ({@code landings});
     * with it the model's APB timing places them: the pushes are issued on the cycles the harness
     * issued them, and CTRL, as in the harness, just after a host clock edge.
     */
    private static List<String> runModel(List<String> args, List<Long> landings, boolean apbTiming) throws IOException {
        long cycles = Long.parseLong(args.get(0));
        int ctrl = Integer.decode(args.get(1));
        int watch = Integer.parseInt(args.get(2));
        Bio bio = new Bio(BioConfig.DEFAULT.withApbWriteTiming(apbTiming), null);
        TreeMap<Long, List<int[]>> pushes = new TreeMap<>();
        int readFifo = -1;
        int readCount = 0;
        int pushIndex = 0;
        for (String a : args.subList(3, args.size())) {
            if (a.startsWith("qdiv")) {
                bio.store(0x50 + 4 * (a.charAt(4) - '0'), (int) Long.decode(a.substring(6)).longValue(), 4);
            } else if (a.startsWith("push@")) {
                int fifo = a.charAt(a.indexOf(':') + 1) - '0';
                int value = (int) Long.decode(a.substring(a.indexOf('=') + 1)).longValue();
                long at = pushIndex < landings.size() ? landings.get(pushIndex) : Long.parseLong(a.substring(5, a.indexOf(':')));
                pushIndex++;
                pushes.computeIfAbsent(at, k -> new ArrayList<>()).add(new int[] {fifo, value});
            } else if (a.startsWith("read=")) {
                readFifo = a.charAt(5) - '0';
                readCount = Integer.parseInt(a.substring(7));
            } else {
                bio.loadProgram(a.charAt(0) - '0', Files.readAllBytes(Path.of(a.substring(2))));
            }
        }
        long restartHold = 3L * bio.config().pclkRatio();
        if (apbTiming) {
            // The harness writes CTRL right after a host clock edge (cycle 5 mod 8 in the model's
            // phase), long after the QDIV writes landed; it lands 19 clocks later.
            bio.run(40 - 3);
            bio.store(0x00, ctrl, 4);
            bio.run(19 + restartHold);
        } else {
            bio.store(0x00, ctrl, 4);
            bio.run(restartHold);
        }
        long origin = bio.cycle();
        List<String> out = new ArrayList<>();
        out.add("O " + bio.clockCount(watch));
        int[] last = {bio.pins(), bio.directions(), levels(bio), 0, 0, 0, 0};
        for (int c = 0; c < 4; c++) {
            last[3 + c] = bio.load(0x90 + 4 * c, 4) & 0xFFF;
        }
        bio.setObserver(b -> {
            long at = b.cycle() - origin - 1;
            if (b.pins() != last[0] || b.directions() != last[1]) {
                last[0] = b.pins();
                last[1] = b.directions();
                out.add(String.format("%d out=%08x dir=%08x", at, b.pins(), b.directions()));
            }
            int lv = levels(b);
            if (lv != last[2]) {
                last[2] = lv;
                out.add(String.format("L %d lv=%04x", at, lv));
            }
            for (int c = 0; c < 4; c++) {
                int pc = b.load(0x90 + 4 * c, 4) & 0xFFF;
                if (pc != last[3 + c]) {
                    last[3 + c] = pc;
                    out.add(String.format("C %d %d %03x", at, c, pc));
                }
            }
        });
        for (long c = 0; c < cycles; c++) {
            for (int[] p : pushes.getOrDefault(c, List.of())) {
                bio.store(0x10 + 4 * p[0], p[1], 4);
            }
            bio.run(1);
        }
        bio.setObserver(null);
        for (int i = 0; i < readCount; i++) {
            out.add("R " + readFifo + " " + Integer.toUnsignedString(bio.load(0x20 + 4 * readFifo, 4)));
        }
        return out;
    }

    private static int levels(Bio bio) {
        return bio.fifoLevel(0) | bio.fifoLevel(1) << 4 | bio.fifoLevel(2) << 8 | bio.fifoLevel(3) << 12;
    }
}
