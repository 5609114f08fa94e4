package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

/**
 * The warning policy against Verilator 5.006 on toy designs that reproduce each hazard. Each
 * case runs one or two {@code verilator --lint-only} of a few lines.
 */
class WarningPolicyTest {

    @TempDir
    Path dir;

    private static final String FIX = "; fix: split 'events_all' into separately driven signals (one for the bits the"
            + " port or assign drives, one for the bits the always block drives) and concatenate them where it is read";

    @Test
    void blockingAndNonBlockingDriversAreRefusedWithSignalPlaceAndFix() {
        Path f = ToyRtl.copyTo(dir).resolve("blk_events.sv");
        TandemException e = assertThrows(TandemException.class,
                () -> RtlPreparation.prepare(List.of(f), "blk_events", dir.resolve("work")));
        assertEquals(f + ":11: signal 'events_all' (blk_events.events_all) is driven by both blocking/continuous and"
                + " non-blocking assignments (blocking at " + f + ":12; nonblocking at " + f + ":13); Tandem refuses"
                + " to waive BLKANDNBLK because Verilator 5.006 then simulates it wrongly (parts driven one way never"
                + " change; verilator issues #364, #1864)" + FIX, e.getMessage());
    }

    @Test
    void waiverInTheListIsRemovedAndNamed() throws Exception {
        ToyRtl.copyTo(dir);
        Path list = dir.resolve("events.f");
        Files.writeString(list, "-Wno-BLKANDNBLK\nblk_events.sv\n");
        TandemException e = assertThrows(TandemException.class,
                () -> RtlPreparation.prepare(List.of(list), "blk_events", dir.resolve("work")));
        assertTrue(e.getMessage().contains("ignores the waiver at option -Wno-BLKANDNBLK" + FIX), e.getMessage());
    }

    @Test
    void waiverCommentInTheSourceIsRemovedAndNamed() throws Exception {
        Path f = ToyRtl.copyTo(dir).resolve("blk_events.sv");
        String text = Files.readString(f).replace("  logic [7:0] events_all;",
                "  /* verilator lint_off BLKANDNBLK */ logic [7:0] events_all;");
        Files.writeString(f, text);
        TandemException e = assertThrows(TandemException.class,
                () -> RtlPreparation.prepare(List.of(f), "blk_events", dir.resolve("work")));
        assertTrue(e.getMessage().startsWith(f + ":11: signal 'events_all'"), e.getMessage());
        assertTrue(e.getMessage().contains("ignores the waiver at blk_events.sv:11" + FIX), e.getMessage());
    }

    @Test
    void waiverInAVerilatorConfigFileIsRemovedAndNamed() throws Exception {
        Path f = ToyRtl.copyTo(dir).resolve("blk_events.sv");
        Path vlt = dir.resolve("waivers.vlt");
        Files.writeString(vlt, "`verilator_config\nlint_off -rule WIDTH\nlint_off -rule BLKANDNBLK -file \"*\"\n");
        TandemException e = assertThrows(TandemException.class,
                () -> RtlPreparation.prepare(List.of(vlt, f), "blk_events", dir.resolve("work")));
        assertTrue(e.getMessage().contains("ignores the waiver at waivers.vlt:3" + FIX), e.getMessage());
    }

    @Test
    void theSplitFixPassesAndAWaiverWithoutSuchSignalIsHarmless() throws Exception {
        ToyRtl.copyTo(dir);
        Path list = dir.resolve("split.f");
        Files.writeString(list, "-Wno-BLKANDNBLK\nsplit_events.sv\n");
        PreparedRtl p = RtlPreparation.prepare(List.of(list), "split_events", dir.resolve("work"));
        assertEquals(List.of(), p.verilatorArgs());
        assertEquals(List.of("Verilator warnings: none to waive; BLKANDNBLK is never waived (Verilator 5.006"
                + " mis-simulates it) and the waiver at option -Wno-BLKANDNBLK were removed; lint found no such"
                + " variable"), p.explanation());
    }

    @Test
    void aMissingPinCarryingASignalIsRefused() throws Exception {
        Path f = dir.resolve("pins.sv");
        Files.writeString(f, "module leaf (input clk, output reg q);\n  always @(posedge clk) q <= ~q;\nendmodule\n"
                + "module pins (input clk, input en, output q);\n  leaf u_leaf (.clk(clk), .q(q),\n"
                + "    .enable(en));\nendmodule\n");
        TandemException e = assertThrows(TandemException.class,
                () -> RtlPreparation.prepare(List.of(f), "pins", dir.resolve("work")));
        assertEquals(f + ":6: instance u_leaf of leaf connects pin 'enable' (en), which leaf (" + f + ":1) does not"
                + " have; Tandem drops such pins only when they connect an interface, and this one carries a signal:"
                + " pass the definition of leaf that has port enable", e.getMessage());
    }

    @Test
    void otherVerilatorErrorsAreReportedVerbatimWithFileAndLine() throws Exception {
        Path f = dir.resolve("bad.sv");
        Files.writeString(f, "module bad (input clk, output q);\n  assign q = undeclared_thing;\nendmodule\n");
        TandemException e = assertThrows(TandemException.class,
                () -> RtlPreparation.prepare(List.of(f), "bad", dir.resolve("work")));
        assertTrue(e.getMessage().startsWith("verilator: %Error: " + f + ":2:14: Can't find definition of variable:"
                + " 'undeclared_thing'"), e.getMessage());
    }
}
