package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.wave.Timescale;
import tandem.wave.VcdSignal;
import tandem.wave.VcdWriter;

class WaveDiffCommandTest {

    @TempDir
    Path dir;

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
        CliRun run = CliRun.tandem("wavediff", a.toString(), b.toString(), "--map", "tandem.bio=TOP.bio");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("wavediff: 0 of 5 signals differ (compared up to 190 ns)\n", run.out());
    }

    @Test
    void firstDifferencePerSignalExitsOne() throws IOException {
        Path a = pins("golden.vcd", "tandem.bio", Timescale.NS, 1, -1);
        Path b = pins("rtl.vcd", "TOP.bio", Timescale.PS, 1000, 7);
        Path map = Files.writeString(dir.resolve("pins.map"), "# golden = rtl\ntandem.bio.pin2 = TOP.bio.pin2\ntandem.bio.dir=TOP.bio.dir\n");
        CliRun run = CliRun.tandem("wavediff", a.toString(), b.toString(), "--map", map.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("tandem.bio.pin2 = TOP.bio.pin2: first difference at 70 ns: A=1 (" + a + ":33) B=0 (" + b + ":41)\n"
                + "not compared: 3 signals only in " + a + ", 3 only in " + b + "\n"
                + "wavediff: 1 of 2 signals differ (compared up to 190 ns)\n", run.out());
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Path a = pins("golden.vcd", "tandem.bio", Timescale.NS, 1, -1);
        Path b = pins("rtl.vcd", "TOP.bio", Timescale.PS, 1000, -1);
        Path map = Files.writeString(dir.resolve("pins.map"), "tandem.bio.pin9=TOP.bio.pin9\n");
        CliRun unknown = CliRun.tandem("wavediff", a.toString(), b.toString(), "--map", map.toString());
        assertEquals(2, unknown.exitCode());
        assertEquals("tandem: " + map + ":1: unknown signal or scope 'tandem.bio.pin9' in " + a + "\n", unknown.err());

        CliRun unmapped = CliRun.tandem("wavediff", a.toString(), b.toString());
        assertEquals(2, unmapped.exitCode());
        assertTrue(unmapped.err().contains("have no signal names in common"), unmapped.err());

        Path cut = dir.resolve("cut.vcd");
        Files.writeString(cut, Files.readString(a).substring(0, 150));
        CliRun truncated = CliRun.tandem("wavediff", cut.toString(), b.toString(), "--map", "tandem.bio=TOP.bio");
        assertEquals(2, truncated.exitCode());
        assertTrue(truncated.err().startsWith("tandem: " + cut + ":"), truncated.err());
        assertTrue(truncated.err().contains("truncated file"), truncated.err());
    }

    @Test
    void aVcdCutShortKeepsTheDifferencesBeforeTheCut() throws IOException {
        Path a = pins("golden.vcd", "tandem.bio", Timescale.NS, 1, -1);
        Path b = pins("rtl.vcd", "TOP.bio", Timescale.PS, 1000, 3);
        String text = Files.readString(b);
        Path cut = Files.writeString(dir.resolve("cut.vcd"), text.substring(0, text.indexOf("#150000") + 3));
        CliRun run = CliRun.tandem("wavediff", a.toString(), cut.toString(), "--map", "tandem.bio=TOP.bio");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.out().contains("tandem.bio.pin2 = TOP.bio.pin2: first difference at 30 ns"), run.out());
        assertTrue(run.err().startsWith("tandem: " + cut + ":"), run.err());
        assertTrue(run.err().contains("(compared up to 140 ns)"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }
}
