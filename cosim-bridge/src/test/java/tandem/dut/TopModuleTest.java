package tandem.dut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

/** Port lists read from Verilog headers, and the bus shapes recognised from them. */
class TopModuleTest {

    @TempDir
    Path dir;

    private TopModule top(String text, String name) throws Exception {
        Path f = dir.resolve(name + ".v");
        Files.writeString(f, text);
        return TopModule.find(List.of(f), name);
    }

    private static String ports(TopModule t) {
        return t.ports().stream().map(Port::toString).collect(Collectors.joining(" "));
    }

    @Test
    void ansiHeaderWithParametersAndCommentsIsRead() throws Exception {
        TopModule t = top("module cpu #(parameter W = 32) (\n"
                + "  input  wire clk, // the clock\n"
                + "  /* output x, */ input reset,\n"
                + "  output reg [31:0] a, b,\n"
                + "  rbif.slavedp rams[0:3]\n"
                + ");\nendmodule\n", "cpu");
        assertEquals("clk(input) reset(input) a(output 32) b(output 32) rams(interface)", ports(t));
    }

    @Test
    void nonAnsiHeaderTakesDirectionsFromTheBody() throws Exception {
        TopModule t = top("module old(clk, q);\n  input clk;\n  output [7:0] q;\nendmodule\n", "old");
        assertEquals("clk(input) q(output 8)", ports(t));
    }

    @Test
    void eachDrivenBusShapeIsRecognisedFromItsPorts() throws Exception {
        for (BusShape shape : BusShape.values()) {
            String header = shape.ports().stream().map(p -> "  input " + p).collect(Collectors.joining(",\n"));
            TopModule t = top("module t_" + shape.name() + " (\n" + header + "\n);\nendmodule\n", "t_" + shape.name());
            assertEquals(shape, BusShape.detect(t, null));
        }
    }

    @Test
    void aForcedShapeNamesTheMissingPorts() throws Exception {
        TopModule t = top("module half (input clk, input reset, output iBus_cmd_valid);\nendmodule\n", "half");
        TandemException e = assertThrows(TandemException.class, () -> BusShape.detect(t, BusShape.VEXRISCV_SIMPLE));
        assertTrue(e.getMessage().contains("lacks the ports of bus shape vexriscv-simple: iBus_cmd_ready"), e.getMessage());
    }

    @Test
    void busShapesAreNamedAsOnTheCommandLine() {
        assertEquals(BusShape.AXI4, BusShape.named("axi4"));
        assertEquals(BusShape.WISHBONE, BusShape.named("WISHBONE"));
        assertThrows(TandemException.class, () -> BusShape.named("apb"));
    }
}
