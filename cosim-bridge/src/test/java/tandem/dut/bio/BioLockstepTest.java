package tandem.dut.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.bio.BioAssembler;
import tandem.wave.VcdReader;

/**
 * The comparison and its report, without RTL: the model side against a stand-in harness that
 * prints given events, and the model's own events against the timing observed on the RTL.
 */
class BioLockstepTest {

    private static final Path BLINK = Path.of("..", "golden-model", "src", "test", "resources", "tandem", "golden", "bio",
            "blink.S");

    @TempDir
    Path dir;

    private static BioStimulus blink() {
        return BioStimulus.start(0x1, 0, 70_000).withProgram(0, BioAssembler.assemble(BLINK)).withDivider(0, 0x0001_0000);
    }

    @Test
    void modelBlinkTogglesOnTheCyclesObservedOnTheRtl() {
        List<Long> pins = new ArrayList<>();
        for (BioEvent e : BioModelRun.run(blink(), List.of())) {
            if (e.line().contains(" out=")) {
                pins.add(e.cycle());
            }
        }
        // fact sheet (RTL, counted from 1 at the reset release): direction +28, set +40, clear +34044, set +68041
        assertEquals(List.of(27L, 39L, 34043L, 68040L), pins);
    }

    @Test
    void identicalEventsMatch() throws IOException {
        BioStimulus s = blink();
        BioComparison r = new BioLockstep(standIn(BioModelRun.run(s, List.of()), -1), null, "stand-in").run(s, dir);
        assertTrue(r.matched(), r.detail());
        assertEquals(null, r.report());
    }

    @Test
    void firstDifferenceIsReportedWithCycleSignalsAndBothWaveforms() throws IOException {
        BioStimulus s = blink();
        List<BioEvent> model = BioModelRun.run(s, List.of());
        int changed = 0;
        while (!model.get(changed).line().contains(" out=")) {
            changed++;
        }
        BioComparison r = new BioLockstep(standIn(model, changed), null, "stand-in").run(s, dir);
        assertFalse(r.matched());
        assertEquals(model.get(changed).cycle(), r.cycle(), r.detail());
        assertTrue(r.detail().contains("gpio_out, gpio_dir"), r.detail());
        String report = Files.readString(r.report());
        assertTrue(report.contains("> " + (model.get(changed).cycle() + 1)), report);
        for (String vcd : List.of("bio-rtl-window.vcd", "bio-model-window.vcd")) {
            try (VcdReader in = VcdReader.open(dir.resolve(vcd))) {
                assertEquals(7, in.variables().size(), vcd);
            }
        }
    }

    /** A shell script printing {@code events} as the harness would, pin event {@code delay} one cycle late. */
    private Path standIn(List<BioEvent> events, int delay) throws IOException {
        StringBuilder sh = new StringBuilder("#!/bin/sh\ncat <<'EOF'\n");
        for (int i = 0; i < events.size(); i++) {
            String line = events.get(i).line();
            if (i == delay) {
                long c = events.get(i).cycle();
                line = line.replaceFirst("^" + c + " ", (c + 1) + " ");
            }
            sh.append(line).append('\n');
        }
        sh.append("EOF\n");
        Path script = dir.resolve("harness.sh");
        Files.writeString(script, sh);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
