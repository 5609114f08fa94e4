package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tandem.wave.Timescale;
import tandem.wave.VcdSignal;
import tandem.wave.VcdWriter;

class WaveDiffCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int tandem(String... args) {
        CommandLine cl = Tandem.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Four pins toggling every 10 ns; {@code glitchAt} flips pin 2 once in 100 ns steps. */
    private Path pins(String name, String scope, Timescale ts, long unitsPerNs, int glitchAt) throws IOException {
        Path file = dir.resolve(name);
        try (VcdWriter w = VcdWriter.open(file, ts)) {
            VcdSignal[] pin = new VcdSignal[4];
            for (int i = 0; i < 4; i++) {
                pin[i] = w.wire(scope, "pin" + i, 1);
            }
            VcdSignal dir = w.wire(scope, "dir", 4);
            for (int t = 0; t < 20; t++) {
                w.time(t * 10 * unitsPerNs);
                for (int i = 0; i < 4; i++) {
                    int v = (t >> i) & 1;
                    w.set(pin[i], i == 2 && t == glitchAt ? v ^ 1 : v);
                }
                w.set(dir, 0xF);
            }
        }
        return file;
    }

    @Test
    void sameSignalsUnderAScopeMapAndAnotherTimescaleMatch() throws IOException {
        Path a = pins("golden.vcd", "tandem.bio", Timescale.NS, 1, -1);
        Path b = pins("rtl.vcd", "TOP.bio", Timescale.PS, 1000, -1);
        assertEquals(0, tandem("wavediff", a.toString(), b.toString(), "--map", "tandem.bio=TOP.bio"), out + "\n" + err);
        assertEquals("wavediff: 0 of 5 signals differ (compared up to 190 ns)\n", out.toString());
    }

    @Test
    void firstDifferencePerSignalExitsOne() throws IOException {
        Path a = pins("golden.vcd", "tandem.bio", Timescale.NS, 1, -1);
        Path b = pins("rtl.vcd", "TOP.bio", Timescale.PS, 1000, 7);
        Path map = Files.writeString(dir.resolve("pins.map"), "# golden = rtl\ntandem.bio.pin2 = TOP.bio.pin2\ntandem.bio.dir=TOP.bio.dir\n");
        assertEquals(1, tandem("wavediff", a.toString(), b.toString(), "--map", map.toString()), out + "\n" + err);
        assertEquals("tandem.bio.pin2 = TOP.bio.pin2: first difference at 70 ns: A=1 (" + a + ":33) B=0 (" + b + ":41)\n"
                + "not compared: 3 signals only in " + a + ", 3 only in " + b + "\n"
                + "wavediff: 1 of 2 signals differ (compared up to 190 ns)\n", out.toString());
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Path a = pins("golden.vcd", "tandem.bio", Timescale.NS, 1, -1);
        Path b = pins("rtl.vcd", "TOP.bio", Timescale.PS, 1000, -1);
        Path map = Files.writeString(dir.resolve("pins.map"), "tandem.bio.pin9=TOP.bio.pin9\n");
        assertEquals(2, tandem("wavediff", a.toString(), b.toString(), "--map", map.toString()));
        assertEquals("tandem: " + map + ":1: unknown signal or scope 'tandem.bio.pin9' in " + a + "\n", err.toString());

        err.getBuffer().setLength(0);
        assertEquals(2, tandem("wavediff", a.toString(), b.toString()));
        assertTrue(err.toString().contains("have no signal names in common"), err.toString());

        err.getBuffer().setLength(0);
        Path cut = dir.resolve("cut.vcd");
        Files.writeString(cut, Files.readString(a).substring(0, 150));
        assertEquals(2, tandem("wavediff", cut.toString(), b.toString(), "--map", "tandem.bio=TOP.bio"));
        assertTrue(err.toString().startsWith("tandem: " + cut + ":"), err.toString());
        assertTrue(err.toString().contains("truncated file"), err.toString());
    }
}
