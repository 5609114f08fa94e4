package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

class TopWrapperTest {

    @TempDir
    Path dir;

    private SvDesign design(String... files) {
        ToyRtl.copyTo(dir);
        List<Path> paths = new java.util.ArrayList<>();
        for (String f : files) {
            paths.add(dir.resolve(f));
        }
        return SvDesign.scan(SourceList.of(paths, Map.of()));
    }

    @Test
    void wrapperInstantiatesInterfaceArraysAndForwardsEveryOtherPort() {
        SvDesign d = design("toy_cpu.sv", "lib/toy_ram.v", "toyram_if.sv");
        TopWrapper w = TopWrapper.forTop(d, d.top("toy_cpu")).orElseThrow();
        assertEquals("toy_cpu_tandem", w.name());
        String t = w.text();
        assertTrue(t.contains("`timescale 1ns/1ps\n"), t);
        assertTrue(t.contains("  toyram_if bist_a [0:3] ();\n  toyram_if bist_b [0:1] ();\n"), t);
        assertTrue(t.contains("  output wire [WIDTH-1:0] dout,\n"), t);
        assertTrue(t.contains("toy_cpu #(.WIDTH(WIDTH), .RESET_PC(RESET_PC)) core ("), t);
        assertTrue(t.contains("    .bist_a(bist_a),\n"), t);
        assertFalse(t.contains("interface toyram_if"), "the user's interface is used when given: " + t);
        assertEquals("generated top toy_cpu_tandem around toy_cpu: its interface-array ports bist_a[0:3], bist_b[0:1]"
                + " stop Verilator 5.006 on a top module (\"Unsupported: Interfaced port on top level module\"; its lint"
                + " even hits an internal error, V3Inst.cpp:74: Width mismatch), so the wrapper instantiates them and"
                + " forwards the other 6 ports (`timescale 1ns/1ps as the RTL's)",
                w.explanation());
        SvModule wrapper = SvSource.of(dir.resolve("w.sv"), t).modules().get(0);
        assertEquals(6, wrapper.ports().size(), "the wrapper itself scans back to 6 plain ports");
        assertTrue(DirectiveComments.find(SvDesign.scan(SourceList.of(List.of(write("w.sv", t)), Map.of()))).isEmpty(),
                "no generated comment begins with the word verilator");
    }

    @Test
    void stubInterfaceWhenTheFilesLackTheDefinition() {
        SvDesign d = design("toy_cpu.sv", "lib/toy_ram.v");
        TopWrapper w = TopWrapper.forTop(d, d.top("toy_cpu")).orElseThrow();
        assertTrue(w.text().contains("interface toyram_if;\n  logic tandem_unused;\n"
                + "  modport slavedp (input tandem_unused);\nendinterface\n"), w.text());
        assertTrue(w.explanation().endsWith("; interface toyram_if is not defined in the RTL given, so a minimal"
                + " stand-in was supplied (the design never reads its members)"), w.explanation());
    }

    @Test
    void stubRefusedWhenTheDesignReadsAMember() throws Exception {
        Path top = write("reads.sv", "module reads (toyram_if.slavedp b[0:1], input clk, output o);\n"
                + "  assign o = b[0].ramclk;\nendmodule\n");
        SvDesign d = SvDesign.scan(SourceList.of(List.of(top), Map.of()));
        TandemException e = assertThrows(TandemException.class, () -> TopWrapper.forTop(d, d.top("reads")));
        assertEquals(top + ":2: module reads uses member 'ramclk' of interface port b (toyram_if), so no file given"
                + " defines interface toyram_if; add the file that defines it to --rtl", e.getMessage());
    }

    @Test
    void anInterfaceCarryingSignalsIsNotTiedOff() throws Exception {
        ToyRtl.copyTo(dir);
        Path top = write("bus_top.sv", "module bus_top (toyram_if.slavedp bus, input clk, output reg [9:0] a);\n"
                + "  always @(posedge clk) a <= bus.ramaddr;\nendmodule\n");
        SvDesign d = SvDesign.scan(SourceList.of(List.of(top, dir.resolve("toyram_if.sv")), Map.of()));
        TandemException e = assertThrows(TandemException.class, () -> TopWrapper.forTop(d, d.top("bus_top")));
        assertEquals(top + ":2: module bus_top uses member 'ramaddr' of interface port bus (toyram_if), so the"
                + " interface port bus of top bus_top carries signals and cannot be tied off inside a generated"
                + " wrapper; choose a top whose ports are plain signals (a wrapper of the SoC's own, such as one that"
                + " instantiates bus_top)", e.getMessage());
    }

    @Test
    void memberUsesOutsideWhatTheTopReachesDoNotCount() throws Exception {
        ToyRtl.copyTo(dir);
        Path engine = write("bist_engine.sv", "module bist_engine (toyram_if.master m, output o);\n"
                + "  assign o = m.ramrdata[0];\nendmodule\n");
        SvDesign d = SvDesign.scan(SourceList.of(List.of(dir.resolve("toy_cpu.sv"), dir.resolve("lib/toy_ram.v"),
                dir.resolve("toyram_if.sv"), engine), Map.of()));
        assertTrue(TopWrapper.forTop(d, d.top("toy_cpu")).isPresent());
        assertEquals(java.util.Set.of("toy_cpu", "toy_ram"),
                InterfaceReads.reachable(d, d.top("toy_cpu")).stream().map(SvModule::name)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void topWithoutInterfacePortsNeedsNoWrapper() {
        SvDesign d = design("split_events.sv");
        assertTrue(TopWrapper.forTop(d, d.top("split_events")).isEmpty());
    }

    @Test
    void variableTypesBecomeWiresAndOtherTypesStay() {
        assertEquals("wire [1:0]", TopWrapper.wrapperType("reg [1:0]"));
        assertEquals("wire signed [7:0]", TopWrapper.wrapperType("logic signed [7:0]"));
        assertEquals("wire", TopWrapper.wrapperType(""));
        assertEquals("my_pkg::req_t", TopWrapper.wrapperType("my_pkg::req_t"));
    }

    @Test
    void verilatorRejectsTheBareTopAndAcceptsTheWrapper() throws Exception {
        SvDesign d = design("toy_cpu.sv", "lib/toy_ram.v", "toyram_if.sv");
        TopWrapper w = TopWrapper.forTop(d, d.top("toy_cpu")).orElseThrow();
        Path wrapperFile = write("toy_cpu_tandem.sv", w.text());
        // the RAM model lacks the BIST pin; a version of the top without those connections isolates the wrapper
        String top = Files.readString(dir.resolve("toy_cpu.sv")).replace(".bist (bist_a[0]),", "")
                .replace(",\n    .bist (bist_b[1])", "");
        Path cpu = write("toy_cpu_nobist.sv", top);
        List<String> args = List.of("+incdir+" + dir.resolve("inc"), "+define+TOY_SIM", "-Wno-fatal");
        List<Path> files = List.of(cpu, dir.resolve("lib/toy_ram.v"), dir.resolve("toyram_if.sv"));
        Path bare = Files.createDirectories(dir.resolve("bare"));
        Verilate.Outcome o = Verilate.run(files, "toy_cpu", args, bare, "--cc");
        assertNotEquals(0, o.exitCode(), o.output());
        assertTrue(o.output().contains("Interfaced port on top level module"), o.output());
        Path wrapped = Files.createDirectories(dir.resolve("wrapped"));
        List<Path> withWrapper = new java.util.ArrayList<>(files);
        withWrapper.add(wrapperFile);
        o = Verilate.run(withWrapper, w.name(), args, wrapped, "--cc");
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(Verilate.generated(wrapped, w.name()));
    }

    private Path write(String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
