package tandem.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the reader and writer against VCDs written by Verilator itself: a small design of our
 * own is built with {@code verilator --binary --trace} once for the class, its VCD is read,
 * written back by {@link VcdWriter} and read again.
 */
class VerilatorVcdTest {

    @TempDir
    static Path dir;

    static Path verilatorVcd;

    @BeforeAll
    static void buildAndRunTinyDesign() throws Exception {
        Path src = dir.resolve("tiny.v");
        try (InputStream in = VerilatorVcdTest.class.getResourceAsStream("tiny.v")) {
            Files.copy(in, src);
        }
        run(dir, "verilator", "--binary", "--trace", "-Wno-fatal", "--top-module", "tiny", "-Mdir", "obj",
                "-CFLAGS", "-O0", "-j", "2", "tiny.v");
        run(dir, dir.resolve("obj/Vtiny").toString());
        verilatorVcd = dir.resolve("tiny.vcd");
        assertTrue(Files.size(verilatorVcd) > 1000, "Verilator wrote a VCD");
    }

    private static void run(Path cwd, String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("cannot run " + cmd[0] + " (" + e.getMessage() + "); install Verilator: apt-get install verilator");
            return;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            fail(String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
    }

    /** Copies a VCD through our reader and writer, keeping scopes, aliases and every change. */
    static void copy(Path from, Path to) throws IOException {
        try (VcdReader r = VcdReader.open(from); VcdWriter w = VcdWriter.open(to, r.timescale())) {
            Map<String, VcdSignal> byId = new HashMap<>();
            for (VcdVariable v : r.variables()) {
                VcdSignal first = byId.get(v.idCode());
                if (first != null) {
                    w.alias(first, v.scope(), v.name());
                } else if (v.isReal()) {
                    byId.put(v.idCode(), w.real(v.scope(), v.name()));
                } else if (v.type().equals("reg")) {
                    byId.put(v.idCode(), w.reg(v.scope(), v.name(), v.width()));
                } else {
                    byId.put(v.idCode(), w.wire(v.scope(), v.name(), v.width()));
                }
            }
            while (r.next()) {
                w.time(r.time());
                VcdSignal s = byId.get(r.idCode());
                if (r.value().startsWith("r")) {
                    w.setReal(s, Double.parseDouble(r.value().substring(1)));
                } else {
                    w.setBits(s, r.value());
                }
            }
        }
    }

    @Test
    void readsVerilatorsVcd() throws IOException {
        try (VcdReader r = VcdReader.open(verilatorVcd)) {
            assertEquals(Timescale.PS, r.timescale());
            List<String> paths = r.variables().stream().map(v -> v.path() + ":" + v.width()).toList();
            assertTrue(paths.containsAll(List.of("TOP.tiny.clk:1", "TOP.tiny.count:8", "TOP.tiny.wide:70",
                    "TOP.tiny.level:64", "TOP.tiny.s0.clk:1", "TOP.tiny.s0.q:8")), paths.toString());
        }
        Map<String, List<String>> t = Timelines.read(verilatorVcd);
        // count goes up by 3 on every rising edge (every 10 ps, first at 5 ps).
        List<String> count = t.get("TOP.tiny.count[8]");
        assertEquals("0:00000000", count.get(0));
        assertEquals("5000:00000011", count.get(1));
        assertEquals("15000:00000110", count.get(2));
        assertEquals(t.get("TOP.tiny.count[8]"), t.get("TOP.tiny.s0.d[8]"), "aliased port follows its net");
        assertEquals("15000:r0.5", t.get("TOP.tiny.level[64]").get(2));
        assertTrue(t.get("TOP.tiny.wide[70]").stream().anyMatch(v -> v.split(":")[1].charAt(0) == '1'),
                "the shift register's top bit (beyond 64 bits) is seen set");
    }

    @Test
    void writingBackKeepsEveryChange() throws IOException {
        Path ours = dir.resolve("ours.vcd");
        copy(verilatorVcd, ours);
        Timelines.assertSame(Timelines.read(verilatorVcd), Timelines.read(ours));
        assertTrue(Files.readString(ours).contains("$var real 64 # level $end"), "a real has no bit range");
        try (VcdReader a = VcdReader.open(verilatorVcd); VcdReader b = VcdReader.open(ours)) {
            WaveDiff.Result result = WaveDiff.compare(a, b, SignalMap.empty());
            assertTrue(result.same(), result.differences().toString());
            assertEquals(9, result.pairs().size());
        }
    }

    @Test
    void waveDiffFindsAChangedValueInVerilatorsVcd() throws IOException {
        String text = Files.readString(verilatorVcd, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\n#35\n");
        int change = text.indexOf("b00001100 #", at);
        assertTrue(at > 0 && change > at, "expected count=12 at 35 ps");
        Path edited = dir.resolve("edited.vcd");
        Files.writeString(edited, text.substring(0, change) + "b00001101 #" + text.substring(change + 11),
                StandardCharsets.ISO_8859_1);
        try (VcdReader a = VcdReader.open(verilatorVcd); VcdReader b = VcdReader.open(edited)) {
            WaveDiff.Result result = WaveDiff.compare(a, b, SignalMap.empty());
            assertFalse(result.same());
            assertEquals(List.of("TOP.tiny.count", "TOP.tiny.s0.d"),
                    result.differences().stream().map(WaveDiff.Difference::nameA).toList());
            WaveDiff.Difference d = result.differences().get(0);
            assertEquals("35 ps", WaveDiff.formatTime(d.timeFs()));
            assertEquals("0x0c", WaveDiff.format(d.valueA()));
            assertEquals("0x0d", WaveDiff.format(d.valueB()));
        }
    }
}
