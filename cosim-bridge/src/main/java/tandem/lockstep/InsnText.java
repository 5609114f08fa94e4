package tandem.lockstep;

import java.util.EnumSet;
import tandem.golden.isa.Decoder;
import tandem.golden.isa.Extension;
import tandem.golden.isa.Opcode;

/**
 * Instruction text for reports: the raw bits and the mnemonic from the golden model's decoder.
 * (Full objdump-style operands will come from the golden model's disassembler when it exists;
 * this is the one place to switch.)
 */
final class InsnText {

    private static final Decoder DECODER = new Decoder(EnumSet.allOf(Extension.class));

    private InsnText() {
    }

    /** {@code "00a50533 add"}, {@code "4501 (rvc)"}, or {@code "ffffffff ?"} for an illegal encoding. */
    static String of(int insn) {
        if ((insn & 3) != 3) {
            return String.format("%04x     (rvc)", insn & 0xFFFF);
        }
        Opcode op = DECODER.decode(insn);
        return String.format("%08x %s", insn, op == null ? "?" : op.mnemonic());
    }
}
