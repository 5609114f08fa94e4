package tandem.vectors.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.isa.Compressed;
import tandem.golden.isa.Decoder;
import tandem.golden.isa.Extension;
import tandem.golden.isa.Opcode;

class AssemblerTest {

    @TempDir
    Path dir;

    private final Assembler asm = new Assembler(Map.of("mstatus", 0x300, "mtvec", 0x305, "satp", 0x180));

    /** One line per opcode row, with operands GNU as accepts for its format. */
    static List<String> everyRow() {
        List<String> lines = new ArrayList<>();
        lines.add("everyRow:");
        for (Opcode op : Opcode.values()) {
            String m = op.mnemonic();
            String operands = switch (op.format()) {
                case R -> "a0, a1, t6";
                case I -> "s1, sp, -2048";
                case SHIFT -> "t0, t1, 31";
                case LOAD -> "a5, 2047(s0)";
                case S -> "a5, -4(sp)";
                case B -> "a0, a1, everyRow";
                case U -> "a0, 0xfffff";
                case J -> "ra, everyRow";
                case CSR -> "a0, mstatus, a1";
                case CSRI -> "zero, 0x7c0, 31";
                case AMO -> "a0, a1, (a2)";
                case LR -> "a0, (a2)";
                case FENCE -> "rw, w";
                case SFENCE -> "a0, a1";
                case AES -> "a0, a1, a2, 3";
                case NONE -> "";
            };
            lines.add(m + " " + operands);
        }
        return lines;
    }

    @Test
    void everyRowEncodesToItselfUnderTheGoldenDecoder() throws AsmException {
        Decoder decoder = new Decoder(EnumSet.allOf(Extension.class));
        List<String> lines = everyRow();
        AssembledProgram p = asm.assemble(0x8000_0000L, lines);
        assertEquals(Opcode.values().length, p.instructions().size());
        for (int i = 0; i < Opcode.values().length; i++) {
            assertEquals(Opcode.values()[i], decoder.decode(p.instructions().get(i).bits()), lines.get(i + 1));
        }
    }

    @Test
    void matchesGnuAsByteForByte() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(".option norvc");
        for (String l : everyRow()) {
            if (!l.startsWith("vex.")) {
                lines.add(l);
            }
        }
        lines.addAll(List.of(
                "start: nop", "li a0, 0x80000000", "li a1, -1", "li a2, 0x12345fff", "li a3, 2047", "li a4, 0x800",
                "mv a0, a1", "not a0, a1", "neg a0, a1", "seqz a0, a1", "snez a0, a1", "j start", "jr a0", "ret",
                "beqz a0, start", "bnez a0, fwd", "bgt a0, a1, fwd", "ble a0, a1, start", "bgtu a0, a1, fwd",
                "bleu a0, a1, start", "bltz a0, fwd", "bgez a0, fwd", "blez a0, fwd", "bgtz a0, fwd",
                "csrr a0, mstatus", "csrw mtvec, a1", "csrs mstatus, a2", "csrc mstatus, a3", "csrwi satp, 0",
                "csrsi mstatus, 8", "csrci mstatus, 8", "la a0, data", "jal fwd", "jalr a0", "jalr ra, 4(a0)",
                "amoswap.w.aqrl a0, a1, (a2)", "lr.w.aq a0, (a1)", "sc.w.rl a0, a1, (a2)", "fence", "unimp",
                "sfence.vma", "sfence.vma a0",
                ".option rvc", "c.nop", "c.addi a0, -32", "c.li a5, 31", "c.lui a0, 0xfffe0", "c.lui s1, 1", "c.addi16sp sp, -512",
                "c.addi4spn a0, sp, 1020", "c.mv a0, t6", "c.add ra, s2", "c.sub s0, a5", "c.xor s1, a4",
                "c.or a0, a3", "c.and a2, a1", "c.andi s0, -1", "c.slli t0, 31", "c.srli a5, 1", "c.srai s1, 17",
                "c.lw a0, 124(s1)", "c.sw a5, 4(a0)", "c.lwsp ra, 252(sp)", "c.swsp t6, 0(sp)", "c.j start",
                "c.jal fwd", "c.jr a0", "c.jalr t0", "c.beqz a0, start", "c.bnez s1, fwd", "c.ebreak", ".option norvc",
                "fwd: addi a0, a0, 1",
                "data: .word 0xdeadbeef, start", ".half 0x1234", ".byte 7", ".zero 3"));
        String source = String.join("\n", lines) + "\n";
        byte[] ours = asm.assemble(0x8000_0000L, source).image();
        byte[] gnu = GnuToolchain.assemble(source, "rv32imac_zicsr_zifencei_zkne_zknd", 0x8000_0000L, dir);
        assertEquals(HexFormat.of().formatHex(gnu), HexFormat.of().formatHex(ours));
    }

    @Test
    void compressedFormsExpandToTheirTwins() throws AsmException {
        String[][] pairs = {
            {"c.addi a0, -32", "addi a0, a0, -32"}, {"c.li a5, 31", "addi a5, zero, 31"},
            {"c.lui a0, 0xfffe0", "lui a0, 0xfffe0"}, {"c.addi16sp sp, -512", "addi sp, sp, -512"},
            {"c.addi4spn a0, sp, 1020", "addi a0, sp, 1020"}, {"c.mv a0, t6", "add a0, zero, t6"},
            {"c.add ra, s2", "add ra, ra, s2"}, {"c.sub s0, a5", "sub s0, s0, a5"}, {"c.and a2, a1", "and a2, a2, a1"},
            {"c.andi s0, -1", "andi s0, s0, -1"}, {"c.slli t0, 31", "slli t0, t0, 31"}, {"c.srai s1, 17", "srai s1, s1, 17"},
            {"c.lw a0, 124(s1)", "lw a0, 124(s1)"}, {"c.sw a5, 4(a0)", "sw a5, 4(a0)"},
            {"c.lwsp ra, 252(sp)", "lw ra, 252(sp)"}, {"c.swsp t6, 0(sp)", "sw t6, 0(sp)"},
            {"c.j 0x800", "jal zero, 0x800"}, {"c.jal 0x17fe", "jal ra, 0x17fe"}, {"c.jr a0", "jalr zero, 0(a0)"},
            {"c.jalr t0", "jalr ra, 0(t0)"}, {"c.beqz a0, 0xf00", "beq a0, zero, 0xf00"},
            {"c.bnez s1, 0x10fe", "bne s1, zero, 0x10fe"}, {"c.ebreak", "ebreak"}};
        for (String[] pair : pairs) {
            int c = asm.assemble(0x1000, pair[0]).instructions().get(0).bits();
            int full = asm.assemble(0x1000, pair[1]).instructions().get(0).bits();
            assertEquals(Integer.toHexString(full), Integer.toHexString(Compressed.expand(c)), pair[0]);
        }
    }

    @Test
    void errorsNameTheLine() {
        AsmException e = assertThrows(AsmException.class, () -> asm.assemble(0, "nop\n\naddi a0, a1\n"));
        assertEquals(3, e.line());
        assertEquals("addi takes 3 operands, got 2", e.getMessage());
        e = assertThrows(AsmException.class, () -> asm.assemble(0, "addi a0, q7, 1"));
        assertEquals("addi: not a register: q7", e.getMessage());
        e = assertThrows(AsmException.class, () -> asm.assemble(0, "addi a0, a0, 4096"));
        assertEquals("addi: immediate 4096 does not fit 12 signed bits", e.getMessage());
        e = assertThrows(AsmException.class, () -> asm.assemble(0, "x:\nbeq a0, a1, nowhere"));
        assertEquals(2, e.line());
        assertEquals("beq: not a number or known label: nowhere", e.getMessage());
        e = assertThrows(AsmException.class, () -> asm.assemble(0, "frob a0"));
        assertEquals("unknown instruction frob", e.getMessage());
        assertArrayEquals(new byte[] {0x13, 0, 0, 0}, assertDoesNotThrow("nop # comment"));
    }

    private byte[] assertDoesNotThrow(String src) {
        try {
            return asm.assemble(0, src).image();
        } catch (AsmException e) {
            throw new AssertionError(e);
        }
    }
}
