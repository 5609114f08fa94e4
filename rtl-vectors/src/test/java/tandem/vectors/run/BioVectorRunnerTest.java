package tandem.vectors.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import tandem.vectors.Vector;
import tandem.vectors.VectorFormat;
import tandem.vectors.VectorReader;
import tandem.vectors.asm.AssembledProgram;
import tandem.vectors.asm.Assembler;

class BioVectorRunnerTest {

    /**
     * The golden model's quantum-blink example exactly as GNU as assembles it for rv32imc, with the BIO
     * registers by number (x20 quantum, x22 pinset, x23 pinclr, x24 dirout, x26 pinmask).
     */
    private static String blinkWords() throws Exception {
        AssembledProgram p = new Assembler(Map.of()).assemble(0, List.of(
                "c.li a0, 1", "c.mv x26, a0", "c.mv x24, a0", "c.li a1, 0",
                "loop:", "mv x20, zero", "c.mv x22, a0", "mv x20, zero", "c.mv x23, a1", "c.j loop", "c.nop"));
        byte[] b = p.image();
        StringJoiner j = new StringJoiner(" ");
        for (int i = 0; i < b.length; i += 4) {
            j.add(String.format("%02x%02x%02x%02x", b[i + 3], b[i + 2], b[i + 1], b[i]));
        }
        return j.toString();
    }

    private static List<VectorOutcome> run(String csv) {
        try (VectorReader r = VectorReader.of("bio.csv", csv, Path.of("."), VectorFormat.DEFAULT)) {
            return r.readAll().stream().map(v -> new BioVectorRunner().run(v)).toList();
        }
    }

    @Test
    void quantumBlinkEdgesMatchTheGoldenBioTest() throws Exception {
        String words = blinkWords();
        List<VectorOutcome> out = run("name,program,cycles,qdiv,expect_edges\n"
                + "blink," + words + ",700,0x00640000,107:0:1 205:0:0 307:0:1 405:0:0 507:0:1 605:0:0\n"
                + "blink-wrong," + words + ",700,0x00640000,107:0:1 206:0:0\n");
        assertEquals(Verdict.PASS, out.get(0).verdict(), out.get(0).message());
        assertEquals(Verdict.FAIL, out.get(1).verdict());
        assertEquals("edge 2: expected 206:0:0, got 205:0:0 (cycle:pin:level)", out.get(1).message());
    }

    @Test
    void aProgramTooBigForCoreRamIsAnError() {
        StringJoiner big = new StringJoiner(" ");
        for (int i = 0; i < 1025; i++) {
            big.add("00000013");
        }
        VectorOutcome o = run("name,program,cycles\nbig," + big + ",10\n").get(0);
        assertEquals(Verdict.ERROR, o.verdict());
        assertEquals("column program: BIO program is 4100 bytes; a core has 4096 bytes of RAM", o.message());
    }
}
