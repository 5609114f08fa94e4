package tandem.dut.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.testing.UserVexRiscv;

/** End to end on the toy CPU list: every hazard at once, then Verilator translates the result. */
class RtlPreparationTest {

    @TempDir
    Path dir;

    @Test
    void toyCpuListIsWrappedStubbedEditedAndVerilates() throws Exception {
        ToyRtl.copyTo(dir);
        Path work = dir.resolve("work");
        PreparedRtl p = RtlPreparation.prepare(List.of(dir.resolve("toy_cpu.f")), "toy_cpu", work);
        assertEquals("toy_cpu_tandem", p.top());
        assertEquals("toy_cpu", p.userTop());
        assertEquals("toy_cpu_tandem__DOT__core__DOT__", p.signalPrefix());
        Path kept = p.files().get(1).getParent();
        assertEquals(work, kept.getParent(), "results are kept in one sub-directory of the work directory");
        assertEquals(List.of(kept.resolve("edited/0/toy_cpu.sv"), kept.resolve("toy_cpu_tandem.sv")), p.files());
        assertEquals(List.of("+incdir+" + dir.resolve("inc"), "+define+TOY_SIM=1", "-y", dir.resolve("lib").toString(),
                "-Wno-PINMISSING", "-Wno-WIDTH", "--flatten"), p.verilatorArgs());
        List<String> why = p.explanation();
        assertEquals(4, why.size(), String.join("\n", why));
        assertTrue(why.get(0).startsWith("generated top toy_cpu_tandem around toy_cpu"), why.get(0));
        assertTrue(why.get(0).contains("interface toyram_if is not defined in the RTL given"), why.get(0));
        assertEquals("toy_ram (toy_ram.v:3) has no port 'bist', which 2 instances in toy_cpu.sv connect to interface"
                + " toyram_if; waiving PINNOTFOUND crashes Verilator 5.006, so Tandem passes a copy without those"
                + " connections (an interface carries nothing a module without the port could read)", why.get(1));
        assertEquals("edited copy of " + dir.resolve("toy_cpu.sv") + ": " + kept.resolve("edited/0/toy_cpu.sv"),
                why.get(2));
        assertEquals("Verilator warnings: -Wno-PINMISSING -Wno-WIDTH (PINMISSING x2, WIDTH x1 found by lint; Verilator"
                + " still simulates the RTL as written, an unconnected input reading 0); BLKANDNBLK is never waived (Verilator 5.006 mis-simulates it)",
                why.get(3));

        List<String> original = Files.readAllLines(dir.resolve("toy_cpu.sv"));
        List<String> copy = Files.readAllLines(p.files().get(0));
        assertEquals(original.size(), copy.size(), "the copy keeps every line where it was");
        assertEquals("", copy.get(21).strip(), "line 22's BIST connection is blanked");
        assertEquals(original.get(22), copy.get(22));

        Verilate.Outcome o = Verilate.cc(p, Files.createDirectories(dir.resolve("cc")));
        assertEquals(0, o.exitCode(), o.output());
        assertTrue(Verilate.generated(dir.resolve("cc"), p.top()));
        String root = Files.readString(dir.resolve("cc/obj/Vtoy_cpu_tandem___024root.h"));
        assertTrue(root.contains(" " + p.signalPrefix() + "dout;"),
                "the public signal of the user's top is a root member named by signalPrefix()");
    }

    @Test
    void unchangedRtlIsReadBackWithoutLintingAgain() throws Exception {
        ToyRtl.copyTo(dir);
        Path work = dir.resolve("work");
        PreparedRtl first = RtlPreparation.prepare(List.of(dir.resolve("toy_cpu.f")), "toy_cpu", work);
        Path kept = first.files().get(1).getParent();
        Files.delete(kept.resolve("lint-1.log"));
        assertEquals(first, RtlPreparation.prepare(List.of(dir.resolve("toy_cpu.f")), "toy_cpu", work));
        assertTrue(Files.notExists(kept.resolve("lint-1.log")), "no lint ran the second time");
        Files.writeString(dir.resolve("toy_cpu.sv"), Files.readString(dir.resolve("toy_cpu.sv")) + "\n");
        PreparedRtl changed = RtlPreparation.prepare(List.of(dir.resolve("toy_cpu.f")), "toy_cpu", work);
        assertNotEquals(kept, changed.files().get(1).getParent(), "a changed file gets a new preparation");
    }

    @Test
    void aCommentReadAsADirectiveIsBlankedInACopy() throws Exception {
        ToyRtl.copyTo(dir);
        PreparedRtl p = RtlPreparation.prepare(List.of(dir.resolve("comment_directive.v")), "comment_directive",
                dir.resolve("work"));
        assertEquals("comment_directive", p.top());
        assertEquals("", p.instancePath());
        assertTrue(p.explanation().get(0).startsWith("blanked 1 comment that Verilator 5.006 reads as an unknown"
                + " directive because the text begins with 'verilator' (comment_directive.v:2:"), p.explanation().get(0));
        List<String> copy = Files.readAllLines(p.files().get(0));
        assertEquals("", copy.get(1).strip());
        assertEquals("  /* verilator lint_off WIDTH */", copy.get(3), "known directives are left alone");
    }

    /** The user's own VexRiscv (e.g. Baochip-1x's VexRiscvAxi4), never committed: lint must pass after preparation. */
    @Test
    void userVexRiscvPreparesAndLints() {
        UserVexRiscv user = UserVexRiscv.fromEnvironment("prepare a user VexRiscv");
        PreparedRtl p = RtlPreparation.prepare(user.files(), user.top(), dir.resolve("work"));
        for (String line : p.explanation()) {
            System.err.println("tandem: " + line);
        }
        assertEquals(user.top(), p.userTop());
        assertTrue(p.explanation().get(p.explanation().size() - 1).startsWith("Verilator warnings: "));
    }
}
