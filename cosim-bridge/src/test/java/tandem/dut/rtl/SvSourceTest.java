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
