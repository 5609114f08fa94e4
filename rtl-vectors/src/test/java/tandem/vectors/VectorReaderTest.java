package tandem.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tandem.golden.TandemException;
import tandem.golden.trap.Cause;

public class VectorReaderTest {

    /** A test resource of this package as a path. */
    public static Path resource(String name) {
        try {
            return Path.of(VectorReaderTest.class.getResource("/tandem/vectors/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryDirectedRowWithItsLine() {
        try (VectorReader r = VectorReader.open(resource("directed.csv"), VectorFormat.DEFAULT)) {
            List<Vector> all = r.readAll();
            assertEquals(List.of(), r.errors());
            assertEquals(VectorKind.INSTRUCTION, r.kind());
            assertEquals(11, all.size());
            Vector add = all.get(0);
            assertEquals("add", add.name());
            assertEquals(3, add.line(), "comment and header come first");
            assertEquals(0x8000_0000L, add.setup().pc());
            assertEquals(Map.of(11, 5, 12, 7), add.setup().regs());
            assertEquals(0x00c58533, add.setup().program().instructions().get(0).bits());
            assertEquals(0x00c58533, all.get(1).setup().program().instructions().get(0).bits(), "hex and asm agree");
            assertEquals(2, all.get(2).setup().program().instructions().get(0).length(), "4 hex digits is RVC");
            assertEquals(3, all.get(3).setup().steps(), "steps default to the instruction count");
            assertEquals(Cause.LOAD_ADDRESS_MISALIGNED, all.get(5).expected().trap());
            assertEquals(0x80001001, all.get(5).expected().tval());
            assertEquals(Map.of(0x342, 4), all.get(5).expected().csrs(), "CSR names resolve on the profile");
            assertEquals(0, all.get(7).setup().privilege());
        }
    }

    @Test
    void badRowsAreReportedByLineAndColumnAndTheRestIsRead() {
        Path file = resource("broken.csv");
        try (VectorReader r = VectorReader.open(file, VectorFormat.DEFAULT)) {
            List<String> names = r.readAll().stream().map(Vector::name).toList();
            assertEquals(List.of("good-1", "good-2"), names);
            List<String> errors = r.errors().stream().map(VectorError::toString).toList();
            assertEquals(List.of(
                    file + ":4: column pc: not hex: 'zz'",
                    file + ":5: column regs: not a register: 'q9'",
                    file + ":6: column insn: addi takes 3 operands, got 2",
                    file + ":7: column expect_trap: not a trap cause: 'page-fault-of-doom' (use none, a number, "
                            + "or a name such as illegal-instruction, load-page-fault)",
                    file + ":8: expected 6 columns, found 2"), errors);
        }
    }

    @Test
    void unknownOrMissingColumnsFailAtTheHeaderLine() {
        TandemException e = assertThrows(TandemException.class, () -> VectorReader.of("v.csv",
                "# c\n\nname,insn,colour\nx,nop,red\n", Path.of("."), VectorFormat.DEFAULT));
        assertTrue(e.getMessage().startsWith("v.csv:3: unknown column 'colour' for instruction vectors (known: name, insn, pc"),
                e.getMessage());
        e = assertThrows(TandemException.class, () -> VectorReader.of("v.csv", "name,pc\n", Path.of("."),
                VectorFormat.DEFAULT));
        assertEquals("v.csv:1: header has neither an insn column (instruction vectors) nor a program column "
                + "(BIO vectors)", e.getMessage());
        e = assertThrows(TandemException.class, () -> VectorReader.of("v.csv", "insn,pc\n", Path.of("."),
                VectorFormat.DEFAULT));
        assertEquals("v.csv:1: missing column 'name'", e.getMessage());
        e = assertThrows(TandemException.class, () -> VectorReader.of("v.csv", "name,insn,name\n", Path.of("."),
                VectorFormat.DEFAULT));
        assertTrue(e.getMessage().startsWith("v.csv:1: bad header: "), e.getMessage());
    }

    @Test
    void readsBioVectors() {
        try (VectorReader r = VectorReader.of("b.csv", "name,program,cycles,expect_edges\n"
                + "toggle,0x00000001 2,100,10:3:1 20:3:0\nbackwards,1,5,9:1:1 3:1:0\n", Path.of("."),
                VectorFormat.DEFAULT)) {
            List<Vector> all = r.readAll();
            assertEquals(VectorKind.BIO, r.kind());
            assertEquals(1, all.size());
            assertEquals(List.of(1, 2), all.get(0).bio().words());
            assertEquals(List.of(new PinEdge(10, 3, 1), new PinEdge(20, 3, 0)), all.get(0).bio().edges());
            assertEquals("b.csv:3: column expect_edges: edges must be in cycle order: '3:1:0'",
                    r.errors().get(0).toString());
        }
    }

    @Test
    void formatIsImmutableAndBuilderMakesVariants() {
        VectorFormat semi = VectorFormat.DEFAULT.builder().setDelimiter(';').setDefaultPc(0x1000).get();
        assertEquals(',', VectorFormat.DEFAULT.delimiter());
        assertEquals(';', semi.delimiter());
        try (VectorReader r = VectorReader.of("s.csv", "name;insn\nx;addi a0, a0, 1\n", Path.of("."), semi)) {
            Vector v = r.readAll().get(0);
            assertEquals(0x1000, v.setup().pc());
        }
    }
}
