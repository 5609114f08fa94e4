package tandem.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

class VcdReaderTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            $date today $end
            $timescale 10 ps $end
            $scope module top $end
            $var wire 1 ! clk $end
            $var wire 8 " data [7:0] $end
            $var real 64 # temp $end
            $scope module sub $end
            $var wire 8 " d [7:0] $end
            $upscope $end
            $upscope $end
            $enddefinitions $end
            """;

    private static VcdReader reader(String text) {
        return new VcdReader(new StringReader(text), "t.vcd");
    }

    @Test
    void readsHeaderAliasesAndNormalisedValues() {
        VcdReader r = reader(HEADER + """
                #0
                $dumpvars
                0!
                bx "
                r20.5 #
                $end
                #3
                1!
                b101 "
                #4
                bz1 "
                B1X "
                """);
        assertEquals(new Timescale(10, "ps"), r.timescale());
        assertEquals(List.of("top.clk", "top.data", "top.temp", "top.sub.d"),
                r.variables().stream().map(VcdVariable::path).toList());
        assertEquals("[7:0]", r.variables().get(1).range());
        List<String> seen = new ArrayList<>();
        while (r.next()) {
            seen.add(r.time() + " " + r.changed().stream().map(VcdVariable::name).toList() + " " + r.value() + " @" + r.line());
        }
        assertEquals(List.of(
                "0 [clk] 0 @14",
                "0 [data, d] xxxxxxxx @15",
                "0 [temp] r20.5 @16",
                "3 [clk] 1 @19",
                "3 [data, d] 00000101 @20",
                "4 [data, d] zzzzzzz1 @22",
                "4 [data, d] 0000001x @23"), seen);
    }

    private static String errorOf(String text) {
        VcdReader[] r = new VcdReader[1];
        TandemException e = assertThrows(TandemException.class, () -> {
            r[0] = reader(text);
            while (r[0].next()) {
                // drain
            }
        });
        return e.getMessage();
    }

    @Test
    void truncatedHeaderNamesFileAndLine() {
        assertEquals("t.vcd:3: truncated file: $var without $end",
                errorOf("$timescale 1ns $end\n$scope module a $end\n$var wire 1 ! x\n"));
        assertEquals("t.vcd:2: truncated file: header ends without $enddefinitions",
                errorOf("$timescale 1ns $end\n$scope module a $end\n"));
    }

    @Test
    void unknownIdentifierCodeIsAnError() {
        assertEquals("t.vcd:14: unknown identifier code '%'", errorOf(HEADER + "#0\n1!\n1%\n"));
    }

    @Test
    void badValuesAreErrors() {
        assertEquals("t.vcd:13: bad value 'b10q1': 'q' is not a VCD bit", errorOf(HEADER + "#0\nb10q1 \"\n"));
        assertEquals("t.vcd:13: bad value '101010101': 9 bits for 8-bit top.data", errorOf(HEADER + "#0\nb101010101 \"\n"));
        assertEquals("t.vcd:13: bad value 'hello'", errorOf(HEADER + "#0\nhello\n"));
        assertEquals("t.vcd:13: bad value 'rabc': not a real number", errorOf(HEADER + "#0\nrabc #\n"));
        assertEquals("t.vcd:13: truncated file: value 'b1' without identifier code", errorOf(HEADER + "#0\nb1"));
        assertEquals("t.vcd:13: time goes backwards: #2 after #5", errorOf(HEADER + "#5\n#2\n"));
    }

    @Test
    void otherToolsSectionsAreSkipped() {
        VcdReader r = reader("$attrbegin misc 07 /tmp/x.v 1 $end\n" + HEADER + "$attrbegin misc 02 foo 1 $end\n#1\n1!\n");
        assertTrue(r.next());
        assertEquals("1", r.value());
        assertEquals(1, r.time());
    }

    @Test
    void leadingZerosBeyondTheWidthAreAccepted() {
        VcdReader r = reader(HEADER + "#0\nb0000000011 \"\n");
        assertTrue(r.next());
        assertEquals("00000011", r.value());
        assertFalse(r.next());
    }

    @Test
    void unbalancedScopesAreErrors() {
        assertEquals("t.vcd:1: unknown scope: $upscope with no open $scope", errorOf("$upscope $end\n"));
        assertEquals("t.vcd:3: unknown scope: $scope a never closed by $upscope",
                errorOf("$scope module a $end\n$scope module b $end\n$upscope $end $enddefinitions $end\n"));
        assertEquals("t.vcd:1: truncated file: $attrbegin without $end", errorOf("$attrbegin misc 07 x\n"));
        assertEquals("t.vcd:1: bad timescale '7ns'", errorOf("$timescale 7ns $end\n"));
    }

    @Test
    void changesBeforeAnErrorAreDelivered() {
        VcdReader r = reader(HEADER + "#0\n1!\n#1\n0!\n1?\n");
        assertTrue(r.next());
        assertTrue(r.next());
        assertEquals(1, r.time());
        assertEquals("0", r.value());
        TandemException e = assertThrows(TandemException.class, r::next);
        assertEquals("t.vcd:16: unknown identifier code '?'", e.getMessage());
    }

    @Test
    void writerCompressesGzNamesAndReaderReadsThem() throws IOException {
        Path gz = dir.resolve("w.vcd.gz");
        try (VcdWriter w = VcdWriter.open(gz, Timescale.NS)) {
            VcdSignal s = w.wire("top", "s", 3);
            w.time(4);
            w.set(s, 5);
        }
        byte[] head = Files.readAllBytes(gz);
        assertEquals(0x1f, head[0] & 0xFF);
        try (VcdReader r = VcdReader.open(gz)) {
            assertTrue(r.next());
            assertEquals("101", r.value());
            assertEquals(4, r.time());
        }
    }

    @Test
    void readsGzipFilesAndNamesThePath() throws IOException {
        Path gz = dir.resolve("w.vcd.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((HEADER + "#7\n1!\n").getBytes(StandardCharsets.US_ASCII));
        }
        try (VcdReader r = VcdReader.open(gz)) {
            assertTrue(r.next());
            assertEquals(7, r.time());
        }
        Path bad = dir.resolve("bad.vcd");
        Files.writeString(bad, HEADER + "#0\n0@\n");
        try (VcdReader r = VcdReader.open(bad)) {
            TandemException e = assertThrows(TandemException.class, r::next);
            assertEquals(bad + ":13: unknown identifier code '@'", e.getMessage());
        }
        TandemException missing = assertThrows(TandemException.class, () -> VcdReader.open(dir.resolve("none.vcd")));
        assertTrue(missing.getMessage().startsWith(dir.resolve("none.vcd") + ": cannot read"), missing.getMessage());
    }
}
