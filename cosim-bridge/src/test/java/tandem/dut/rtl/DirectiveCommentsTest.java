package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectiveCommentsTest {

    @TempDir
    Path dir;

    /** Each case was checked against Verilator 5.006's --lint-only ("Unknown verilator comment" or not). */
    @Test
    void sameVerdictsAsVerilator() {
        for (String rejected : List.of(" Verilator stops here", "verilator stops", " Verilator's limits",
                " Verilator5 stops", " Verilators stop", " verilator: note", " verilator public_on")) {
            assertTrue(DirectiveComments.isRejected(rejected), rejected);
        }
        for (String accepted : List.of(" VERILATOR stops", "  verilator lint_off WIDTH", " the verilator stops",
                " verilator", " verilator public", " verilator tracing_off", " synopsys translate_off")) {
            assertFalse(DirectiveComments.isRejected(accepted), accepted);
        }
    }

    @Test
    void findsTheCommentWithItsLine() {
        ToyRtl.copyTo(dir);
        SvDesign d = SvDesign.scan(SourceList.of(List.of(dir.resolve("comment_directive.v")), Map.of()));
        List<DirectiveComments.Finding> f = DirectiveComments.find(d);
        assertEquals(1, f.size());
        assertEquals("comment_directive.v:2: \"Verilator stops on this comment unless T...\"", f.get(0).toString());
    }
}
