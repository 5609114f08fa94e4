package tandem.golden.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OpcodeTest {

    @Test
    void noTwoRowsOverlap() {
        Opcode[] ops = Opcode.values();
        for (int i = 0; i < ops.length; i++) {
            for (int j = i + 1; j < ops.length; j++) {
                int common = ops[i].mask() & ops[j].mask();
                if ((ops[i].match() & common) == (ops[j].match() & common)) {
                    fail(ops[i] + " and " + ops[j] + " share encodings");
                }
            }
        }
    }

    @Test
    void everyMatchIsInsideItsMask() {
        for (Opcode op : Opcode.values()) {
            assertEquals(op.match(), op.match() & op.mask(), op.name());
        }
    }

    @Test
    void decoderFindsEveryRowOfItsProfileAndNothingElse() {
        Decoder all = new Decoder(EnumSet.allOf(Extension.class));
        for (Opcode op : Opcode.values()) {
            assertEquals(op, all.decode(op.match()), op.name());
        }
        Decoder rv32im = new Decoder(EnumSet.of(Extension.I, Extension.M));
        assertNull(rv32im.decode(Opcode.CSRRW.match()));
        assertNull(rv32im.decode(Opcode.AMOADD_W.match()));
        assertEquals(Opcode.MULHU, rv32im.decode(Opcode.MULHU.match()));
    }

    @Test
    void immediatesAreExtractedAsTheSpecLaysThemOut() {
        // jal x0, -4 ; beq x0, x0, -8 ; sw x5, -12(x2) ; lui x1, 0xfffff
        assertEquals(-4, Decoder.imm(Opcode.JAL, 0xFFDFF06F));
        assertEquals(-8, Decoder.imm(Opcode.BEQ, 0xFE000CE3));
        assertEquals(-12, Decoder.imm(Opcode.SW, 0xFE512A23));
        assertEquals(0xFFFFF000, Decoder.imm(Opcode.LUI, 0xFFFFF0B7));
        assertEquals(0x305, Decoder.imm(Opcode.CSRRW, 0x30529073));
    }

    @Test
    void divisionFollowsTheSpecCornerCases() {
        assertEquals(-1, Rv32M.div(7, 0));
        assertEquals(-1, Rv32M.divu(7, 0));
        assertEquals(7, Rv32M.rem(7, 0));
        assertEquals(7, Rv32M.remu(7, 0));
        assertEquals(Integer.MIN_VALUE, Rv32M.div(Integer.MIN_VALUE, -1));
        assertEquals(0, Rv32M.rem(Integer.MIN_VALUE, -1));
        assertEquals(0xFFFFFFFE, Rv32M.mulhu(-1, -1));
        assertEquals(0, Rv32M.mulh(-1, -1));
        assertEquals(-1, Rv32M.mulhsu(-1, -1));
    }

    @Test
    void aesMatchesTheScalarCryptoReferenceResults() {
        int rs1 = 0x01234567;
        int rs2 = 0x89ABCDEF;
        assertEquals(0x012345B8, Zkn.aes32esi(rs1, rs2, 0));
        assertEquals(0xA6234567, Zkn.aes32esi(rs1, rs2, 3));
        assertEquals(0xBC9E24BB, Zkn.aes32esmi(rs1, rs2, 1));
        assertEquals(0x012D4567, Zkn.aes32dsi(rs1, rs2, 2));
        assertEquals(0xCAFF8344, Zkn.aes32dsmi(rs1, rs2, 3));
    }

    @Test
    void compressedFormsExpandToTheirTwins() {
        assertEquals(0x00000013 | (8 << 7) | (2 << 15) | (16 << 20), Compressed.expand(0x0800)); // c.addi4spn s0, sp, 16
        assertEquals(Compressed.ILLEGAL, Compressed.expand(0x0000));
        assertEquals(0x00100073, Compressed.expand(0x9002)); // c.ebreak
        assertEquals(0x00008067, Compressed.expand(0x8082)); // c.jr ra = ret
        assertEquals(0x00000013, Compressed.expand(0x0001)); // c.nop
        assertTrue(Compressed.expand(0x2000) == Compressed.ILLEGAL, "c.fld is not RV32IMAC");
    }
}
