package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvSourceTest {

    @TempDir
    Path dir;

    @Test
    void ansiHeaderWithInterfaceArraysParametersAndCommentsInside() {
        SvSource s = SvSource.read(ToyRtl.copyTo(dir).resolve("toy_cpu.sv"));
        SvModule m = s.modules().get(0);
        assertEquals("toy_cpu", m.name());
        assertEquals(6, m.line());
        assertTrue(m.ansi());
        assertEquals(List.of("WIDTH", "RESET_PC"), m.parameterNames());
        assertEquals("toyram_if.slavedp bist_a[0:3]", m.ports().get(0).toString());
        assertTrue(m.ports().get(1).isInterfaceArray());
        assertEquals(10, m.ports().get(0).line());
        SvPort dout = m.port("dout");
        assertEquals("output", dout.direction());
        assertEquals("reg [WIDTH-1:0]", dout.type());
        assertEquals(15, dout.line());
        assertEquals(8, m.ports().size());
        assertEquals("1ns/1ps", s.timescales().get(0).value());
    }

    @Test
    void nonAnsiPortsTakeTheirDeclarationsAndSkipFunctionInputs() {
        SvModule m = SvSource.read(ToyRtl.copyTo(dir).resolve("non_ansi.v")).modules().get(0);
        assertFalse(m.ansi());
        assertEquals(4, m.ports().size());
        assertEquals("input [W-1:0] a", m.port("a").toString());
        assertEquals("output [W-1:0] q", m.port("q").toString());
        assertEquals("toyram_if.slavedp bus[0:1]", m.port("bus").toString());
        assertEquals(List.of("W"), m.parameterNames());
        assertEquals("parameter W = 4", m.parameters());
    }

    @Test
    void interfaceModportsAndCommentLines() {
        SvSource s = SvSource.read(ToyRtl.copyTo(dir).resolve("toyram_if.sv"));
        SvModule i = s.modules().get(0);
        assertEquals("interface", i.kind());
        assertEquals(List.of("slavedp", "master"), i.modports());
        assertEquals(2, s.comments().get(0).line());
    }

    @Test
    void commentedOutModulesAndStringsAreNotDeclarations() {
        SvSource s = SvSource.of(dir.resolve("x.sv"), "// module fake(input a);\n/* module other(); */\n"
                + "module real_one (input a, output b); initial $display(\"module in a string\"); endmodule\n");
        assertEquals(1, s.modules().size());
        assertEquals("real_one", s.modules().get(0).name());
        assertEquals(3, s.modules().get(0).line());
    }

    @Test
    void conditionalPortsFollowTheDefinesInCompilationOrder() throws Exception {
        String header = "module cond (\n  input clk,\n`ifdef WITH_DEBUG\n  input dbg_req,\n`elsif WITH_TRACE\n"
                + "  output [7:0] trace,\n`else\n  output idle,\n`endif // WITH_DEBUG\n  output q\n);\nendmodule\n";
        Path f = dir.resolve("cond.sv");
        java.nio.file.Files.writeString(f, header);
        assertEquals(List.of("clk", "idle", "q"), names(SvSource.read(f).modules().get(0)));
        assertEquals(List.of("clk", "dbg_req", "q"),
                names(SvSource.read(f, new java.util.HashSet<>(java.util.Set.of("WITH_DEBUG"))).modules().get(0)));
        Path defs = dir.resolve("defs.svh.sv");
        java.nio.file.Files.writeString(defs, "`define WITH_TRACE\n`ifdef NEVER\n`define WITH_DEBUG\n`endif\n");
        SvDesign d = SvDesign.scan(SourceList.of(List.of(defs, f), java.util.Map.of()));
        assertEquals(List.of("clk", "trace", "q"), names(d.top("cond")),
                "a define in an earlier file counts, one in an inactive branch does not");
        assertEquals("output [7:0] trace", d.top("cond").port("trace").toString());
    }

    private static List<String> names(SvModule m) {
        return m.ports().stream().map(SvPort::name).toList();
    }

    @Test
    void pinConnectionNamesInstanceTypeAndExpression() {
        SvSource s = SvSource.read(ToyRtl.copyTo(dir).resolve("toy_cpu.sv"));
        SvSource.PinConnection c = s.pinConnection(22, 6, "bist");
        assertNotNull(c);
        assertEquals("toy_ram", c.moduleType());
        assertEquals("ram0", c.instance());
        assertEquals("bist_a[0]", c.expression());
        assertEquals("toy_cpu", c.enclosing().name());
        SvSource.PinConnection last = s.pinConnection(33, 6, "bist");
        assertEquals("ram1", last.instance());
        assertEquals("bist_b[1]", last.expression());
    }
}
