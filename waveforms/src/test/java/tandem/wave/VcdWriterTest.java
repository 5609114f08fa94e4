package tandem.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcdWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesHeaderDumpvarsAndOnlyRealChanges() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VcdWriter w = new VcdWriter(bytes, new Timescale(10, "ns"))) {
            VcdSignal clk = w.wire("top", "clk", 1);
            VcdSignal pc = w.reg("top.hart0", "pc", 32);
            VcdSignal never = w.wire("top.hart0", "never", 4);
            w.alias(clk, "top.hart0", "clk");
            w.time(0);
            w.set(clk, 0);
            w.set(pc, 0x80000000L);
            w.time(5);
            w.set(clk, 1);
            w.set(pc, 0x80000000L);
            w.time(7);
            w.set(pc, 1);
            w.set(pc, 0x80000000L);
            w.time(10);
            w.set(clk, 0);
            w.set(pc, 0x80000004L);
            w.time(12);
        }
        String expected = """
                $version
                    tandem VcdWriter
                $end
                $timescale 10ns $end
                $scope module top $end
                $var wire 1 ! clk $end
                $scope module hart0 $end
                $var reg 32 " pc [31:0] $end
                $var wire 4 # never [3:0] $end
                $var wire 1 ! clk $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #0
                $dumpvars
                0!
                b10000000000000000000000000000000 "
                bx #
                $end
                #5
                1!
                #10
                0!
                b10000000000000000000000000000100 "
                #12
                """;
        assertEquals(expected, bytes.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void identifierCodesAreDistinctPrintableStrings() {
        assertEquals("!", VcdWriter.idCode(0));
        assertEquals("~", VcdWriter.idCode(93));
        assertEquals("!!", VcdWriter.idCode(94));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 20000; i++) {
            String id = VcdWriter.idCode(i);
            for (char c : id.toCharArray()) {
                assertEquals(true, c >= '!' && c <= '~', id);
            }
            assertEquals(true, seen.add(id), id);
        }
    }

    @Test
    void randomWaveformsSurviveARoundTrip() throws IOException {
        Random rnd = new Random(1234);
        Path file = dir.resolve("random.vcd");
        int[] widths = {1, 2, 7, 32, 63, 64, 65, 100, 1};
        Map<String, List<String>> expected = new LinkedHashMap<>();
        try (VcdWriter w = VcdWriter.open(file, Timescale.PS)) {
            VcdSignal[] sig = new VcdSignal[widths.length];
            String[] last = new String[widths.length];
            for (int i = 0; i < widths.length; i++) {
                sig[i] = w.wire("tb.block" + (i % 3), "s" + i, widths[i]);
                expected.put(sig[i].path() + "[" + widths[i] + "]", new ArrayList<>());
            }
            long t = 0;
            for (int step = 0; step < 3000; step++) {
                t += 1 + rnd.nextInt(3);
                w.time(t);
                boolean first = step == 0;
                for (int i = 0; i < widths.length; i++) {
                    if (rnd.nextInt(4) != 0) {
                        if (first) {
                            last[i] = "x".repeat(widths[i]);
                            expected.get(sig[i].path() + "[" + widths[i] + "]").add(t * 1000 + ":" + last[i]);
                        }
                        continue;
                    }
                    String bits;
                    switch (rnd.nextInt(5)) {
                        case 0 -> {
                            w.setUnknown(sig[i]);
                            bits = "x".repeat(widths[i]);
                        }
                        case 1 -> {
                            StringBuilder sb = new StringBuilder();
                            for (int k = 0; k < widths[i]; k++) {
                                sb.append("01xz".charAt(rnd.nextInt(4)));
                            }
                            w.setBits(sig[i], sb.toString());
                            bits = sb.toString();
                        }
                        case 2 -> {
                            BigInteger v = new BigInteger(widths[i], rnd);
                            w.set(sig[i], v);
                            bits = pad(v.toString(2), widths[i]);
                        }
                        default -> {
                            long v = rnd.nextLong();
                            w.set(sig[i], v);
                            long masked = widths[i] >= 64 ? v : v & ((1L << widths[i]) - 1);
                            bits = pad(Long.toBinaryString(masked), widths[i]);
                        }
                    }
                    if (!bits.equals(last[i])) {
                        last[i] = bits;
                        expected.get(sig[i].path() + "[" + widths[i] + "]").add(t * 1000 + ":" + bits);
                    }
                }
            }
        }
        Timelines.assertSame(expected, Timelines.read(file));
    }

    private static String pad(String bits, int width) {
        return "0".repeat(width - bits.length()) + bits;
    }

    @Test
    void lastValueInAStepWinsAndUnsetSignalsStartUnknown() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VcdWriter w = new VcdWriter(bytes, Timescale.NS)) {
            VcdSignal a = w.wire("m", "a", 8);
            w.wire("m", "b", 1);
            w.time(3);
            w.set(a, 1);
            w.set(a, 2);
        }
        VcdReader r = new VcdReader(new StringReader(bytes.toString(StandardCharsets.US_ASCII)), "mem.vcd");
        Map<String, List<String>> t = Timelines.read(r);
        assertEquals(List.of("3000000:00000010"), t.get("m.a[8]"));
        assertEquals(List.of("3000000:x"), t.get("m.b[1]"));
    }

    @Test
    void rejectsMisuse() {
        VcdWriter w = new VcdWriter(new ByteArrayOutputStream(), Timescale.NS);
        VcdSignal a = w.wire("m", "a", 4);
        assertThrows(IllegalArgumentException.class, () -> w.wire("m", "a", 1));
        assertThrows(IllegalArgumentException.class, () -> w.wire("m", "has space", 1));
        assertThrows(IllegalArgumentException.class, () -> w.wire("", "a", 1));
        w.time(10);
        assertThrows(IllegalStateException.class, () -> w.wire("m", "late", 1));
        assertThrows(IllegalArgumentException.class, () -> w.time(9));
        assertThrows(IllegalArgumentException.class, () -> w.setBits(a, "10101"));
        assertThrows(IllegalArgumentException.class, () -> w.setBits(a, "10q1"));
    }
}
