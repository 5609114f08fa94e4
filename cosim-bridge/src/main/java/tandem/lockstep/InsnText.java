package tandem.lockstep;

import tandem.golden.isa.Disassembler;

/** Instruction text for reports: the raw bits and the golden model's objdump-style disassembly. */
final class InsnText {

    private InsnText() {
    }

    /** {@code "00a50533 add a0,a0,a0"}, or {@code "4501     li a0,0"} for a compressed instruction. */
    static String of(int insn, int pc) {
        if ((insn & 3) != 3) {
            return String.format("%04x     %s", insn & 0xFFFF, Disassembler.disassemble(insn, pc));
        }
        return String.format("%08x %s", insn, Disassembler.disassemble(insn, pc));
    }
}
