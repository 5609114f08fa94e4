package tandem.vectors.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tandem.golden.isa.Format;
import tandem.golden.isa.Opcode;

/**
 * A two-pass assembler for the GNU as syntax subset that vectors and generated programs use:
 * every {@link Opcode} row, the RV32C mnemonics {@link Encoder} knows ({@code c.addi},
 * {@code c.lw}, ...), the common pseudo-instructions ({@code li la mv not neg seqz snez j jr
 * ret nop beqz bnez bltz bgez blez bgtz bgt ble bgtu bleu csrr csrw csrs csrc csrwi csrsi csrci
 * unimp}), labels, {@code #} comments and the directives {@code .word .half .byte .zero .org}
 * ({@code .option .text .section .globl} are accepted and ignored). Branch and jump targets
 * are labels or absolute addresses, as GNU as and objdump write them.
 *
 * <p>Nothing is compressed behind the writer's back: a program means what it says, as with
 * GNU as under {@code .option norvc}. Pseudo-instructions expand exactly as GNU as expands
 * them without relaxation, so {@code riscv64-unknown-elf-as -march=rv32imac -mno-relax} gives
 * the same bytes (a test checks this).
 */
public final class Assembler {

    private static final Map<String, Opcode> OPCODES = new HashMap<>();

    static {
        for (Opcode op : Opcode.values()) {
            OPCODES.put(op.mnemonic(), op);
        }
    }

    private final Map<String, Integer> csrNames;

    /** An assembler resolving CSR names with {@code csrNames} (lower case name to address). */
    public Assembler(Map<String, Integer> csrNames) {
        this.csrNames = Map.copyOf(csrNames);
    }

    /** Assembles {@code source} (one statement per element, or a whole text split on lines) at {@code base}. */
    public AssembledProgram assemble(long base, String source) throws AsmException {
        return assemble(base, List.of(source.split("\n", -1)));
    }

    /** Assembles {@code lines} (element {@code i} is source line {@code i+1}) at {@code base}. */
    public AssembledProgram assemble(long base, List<String> lines) throws AsmException {
        Map<String, Long> labels = new LinkedHashMap<>();
        // Pass 1 places labels; sizes never depend on label values.
        run(base, lines, labels, false);
        return run(base, lines, labels, true);
    }

    private AssembledProgram run(long base, List<String> lines, Map<String, Long> labels, boolean last)
            throws AsmException {
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        List<AssembledProgram.Placed> placed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String text = lines.get(i);
            int hash = text.indexOf('#');
            if (hash >= 0) {
                text = text.substring(0, hash);
            }
            text = text.strip();
            while (true) {
                int colon = text.indexOf(':');
                if (colon <= 0 || !text.substring(0, colon).matches("[A-Za-z_.$][A-Za-z0-9_.$]*")) {
                    break;
                }
                String label = text.substring(0, colon);
                long here = base + image.size();
                if (!last && labels.containsKey(label)) {
                    throw new AsmException(lineNo, "label " + label + " defined twice");
                }
                labels.put(label, here);
                text = text.substring(colon + 1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            String mnemonic = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            String rest = text.substring(mnemonic.length()).strip();
            List<String> ops = rest.isEmpty() ? List.of() : splitOperands(rest);
            Statement st = new Statement(lineNo, mnemonic, ops, base + image.size(), labels, last);
            try {
                if (mnemonic.startsWith(".")) {
                    directive(st, image, base);
                } else {
                    for (int bits : instruction(st)) {
                        boolean compressed = (bits & 3) != 3;
                        int len = compressed ? 2 : 4;
                        placed.add(new AssembledProgram.Placed(base + image.size(), compressed ? bits & 0xFFFF : bits,
                                len, lineNo));
                        emit(image, bits, len);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new AsmException(lineNo, mnemonic + ": " + e.getMessage());
            }
        }
        return new AssembledProgram(base, image.toByteArray(), labels, placed);
    }

    private record Statement(int line, String mnemonic, List<String> ops, long pc, Map<String, Long> labels,
                             boolean last) {
    }

    private static void emit(ByteArrayOutputStream out, long value, int bytes) {
        for (int b = 0; b < bytes; b++) {
            out.write((int) (value >>> (8 * b)) & 0xFF);
        }
    }

    private void directive(Statement st, ByteArrayOutputStream image, long base) throws AsmException {
        switch (st.mnemonic) {
            case ".option", ".text", ".section", ".globl", ".global", ".type", ".size", ".data" -> {
            }
            case ".word", ".half", ".byte" -> {
                int width = st.mnemonic.equals(".word") ? 4 : st.mnemonic.equals(".half") ? 2 : 1;
                for (String op : st.ops) {
                    emit(image, value(st, op), width);
                }
            }
            case ".zero", ".skip", ".space" -> {
                long n = number(st, operand(st, 0));
                for (long k = 0; k < n; k++) {
                    image.write(0);
                }
            }
            case ".org" -> {
                long target = number(st, operand(st, 0));
                if (target < image.size()) {
                    throw new AsmException(st.line, ".org 0x" + Long.toHexString(target) + " moves backwards");
                }
                while (image.size() < target) {
                    image.write(0);
                }
            }
            default -> throw new AsmException(st.line, "unknown directive " + st.mnemonic);
        }
    }

    private int[] instruction(Statement st) throws AsmException {
        String m = st.mnemonic;
        int aqrl = 0;
        String base = m;
        for (String suffix : new String[] {".aqrl", ".aq", ".rl"}) {
            if (m.endsWith(suffix) && (m.startsWith("amo") || m.startsWith("lr.") || m.startsWith("sc."))) {
                base = m.substring(0, m.length() - suffix.length());
                aqrl = suffix.equals(".aqrl") ? 3 : suffix.equals(".aq") ? 2 : 1;
                break;
            }
        }
        Opcode op = OPCODES.get(base);
        if (op != null) {
            return new int[] {real(st, op, aqrl)};
        }
        if (m.startsWith("c.")) {
            return new int[] {compressed(st)};
        }
        return pseudo(st);
    }

    private int real(Statement st, Opcode op, int aqrl) throws AsmException {
        List<String> o = st.ops;
        return switch (op.format()) {
            case R -> { arity(st, 3); yield Encoder.encode(op, reg(st, o.get(0)), reg(st, o.get(1)), reg(st, o.get(2)), 0); }
            case I -> { arity(st, 3); yield Encoder.encode(op, reg(st, o.get(0)), reg(st, o.get(1)), 0, imm(st, o.get(2))); }
            case SHIFT -> { arity(st, 3); yield Encoder.encode(op, reg(st, o.get(0)), reg(st, o.get(1)), 0, imm(st, o.get(2))); }
            case LOAD -> {
                if (op == Opcode.JALR && o.size() == 1) {
                    yield Encoder.encode(op, 1, reg(st, o.get(0)), 0, 0);
                }
                if (op == Opcode.JALR && o.size() == 3) {
                    yield Encoder.encode(op, reg(st, o.get(0)), reg(st, o.get(1)), 0, imm(st, o.get(2)));
                }
                arity(st, 2);
                int[] mem = memory(st, o.get(1));
                yield Encoder.encode(op, reg(st, o.get(0)), mem[1], 0, mem[0]);
            }
            case S -> {
                arity(st, 2);
                int[] mem = memory(st, o.get(1));
                yield Encoder.encode(op, 0, mem[1], reg(st, o.get(0)), mem[0]);
            }
            case B -> { arity(st, 3); yield Encoder.encode(op, 0, reg(st, o.get(0)), reg(st, o.get(1)), target(st, o.get(2))); }
            case U -> { arity(st, 2); yield Encoder.encode(op, reg(st, o.get(0)), 0, 0, upper(st, o.get(1))); }
            case J -> {
                if (o.size() == 1) {
                    yield Encoder.encode(op, 1, 0, 0, target(st, o.get(0)));
                }
                arity(st, 2);
                yield Encoder.encode(op, reg(st, o.get(0)), 0, 0, target(st, o.get(1)));
            }
            case CSR -> { arity(st, 3); yield Encoder.encode(op, reg(st, o.get(0)), reg(st, o.get(2)), 0, csr(st, o.get(1))); }
            case CSRI -> { arity(st, 3); yield Encoder.encode(op, reg(st, o.get(0)), imm(st, o.get(2)), 0, csr(st, o.get(1))); }
            case AMO -> {
                arity(st, 3);
                yield Encoder.encode(op, reg(st, o.get(0)), parenthesised(st, o.get(2)), reg(st, o.get(1)), aqrl);
            }
            case LR -> { arity(st, 2); yield Encoder.encode(op, reg(st, o.get(0)), parenthesised(st, o.get(1)), 0, aqrl); }
            case FENCE -> {
                if (o.isEmpty()) {
                    yield Encoder.encode(op, 0, 0, 0, 0xFF);
                }
                arity(st, 2);
                yield Encoder.encode(op, 0, 0, 0, fenceSet(st, o.get(0)) << 4 | fenceSet(st, o.get(1)));
            }
            case SFENCE -> Encoder.encode(op, 0, o.size() > 0 ? reg(st, o.get(0)) : 0, o.size() > 1 ? reg(st, o.get(1)) : 0, 0);
            case AES -> {
                arity(st, 4);
                yield Encoder.encode(op, reg(st, o.get(0)), reg(st, o.get(1)), reg(st, o.get(2)), imm(st, o.get(3)));
            }
            case NONE -> { arity(st, 0); yield op.match(); }
        };
    }

    private int compressed(Statement st) throws AsmException {
        List<String> o = st.ops;
        return switch (st.mnemonic) {
            case "c.nop" -> { arity(st, 0); yield 0x0001; }
            case "c.ebreak" -> { arity(st, 0); yield Encoder.cEbreak(); }
            case "c.addi" -> { arity(st, 2); yield Encoder.cAddi(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.li" -> { arity(st, 2); yield Encoder.cLi(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.lui" -> { arity(st, 2); yield Encoder.cLui(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.addi16sp" -> { arity(st, 2); yield Encoder.cAddi16sp(imm(st, o.get(1))); }
            case "c.addi4spn" -> { arity(st, 3); yield Encoder.cAddi4spn(reg(st, o.get(0)), imm(st, o.get(2))); }
            case "c.mv" -> { arity(st, 2); yield Encoder.cMv(reg(st, o.get(0)), reg(st, o.get(1))); }
            case "c.add" -> { arity(st, 2); yield Encoder.cAdd(reg(st, o.get(0)), reg(st, o.get(1))); }
            case "c.sub", "c.xor", "c.or", "c.and" -> {
                arity(st, 2);
                int which = List.of("c.sub", "c.xor", "c.or", "c.and").indexOf(st.mnemonic);
                yield Encoder.cArith(which, reg(st, o.get(0)), reg(st, o.get(1)));
            }
            case "c.andi" -> { arity(st, 2); yield Encoder.cAndi(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.slli" -> { arity(st, 2); yield Encoder.cSlli(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.srli" -> { arity(st, 2); yield Encoder.cSrli(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.srai" -> { arity(st, 2); yield Encoder.cSrai(reg(st, o.get(0)), imm(st, o.get(1))); }
            case "c.lw", "c.sw" -> {
                arity(st, 2);
                int[] mem = memory(st, o.get(1));
                yield st.mnemonic.equals("c.lw") ? Encoder.cLw(reg(st, o.get(0)), mem[0], mem[1])
                        : Encoder.cSw(reg(st, o.get(0)), mem[0], mem[1]);
            }
            case "c.lwsp", "c.swsp" -> {
                arity(st, 2);
                int[] mem = memory(st, o.get(1));
                if (mem[1] != 2) {
                    throw new AsmException(st.line, st.mnemonic + " addresses sp only");
                }
                yield st.mnemonic.equals("c.lwsp") ? Encoder.cLwsp(reg(st, o.get(0)), mem[0])
                        : Encoder.cSwsp(reg(st, o.get(0)), mem[0]);
            }
            case "c.j" -> { arity(st, 1); yield Encoder.cJ(target(st, o.get(0))); }
            case "c.jal" -> { arity(st, 1); yield Encoder.cJal(target(st, o.get(0))); }
            case "c.jr" -> { arity(st, 1); yield Encoder.cJr(reg(st, o.get(0))); }
            case "c.jalr" -> { arity(st, 1); yield Encoder.cJalr(reg(st, o.get(0))); }
            case "c.beqz" -> { arity(st, 2); yield Encoder.cBeqz(reg(st, o.get(0)), target(st, o.get(1))); }
            case "c.bnez" -> { arity(st, 2); yield Encoder.cBnez(reg(st, o.get(0)), target(st, o.get(1))); }
            default -> throw new AsmException(st.line, "unknown instruction " + st.mnemonic);
        };
    }

    private int[] pseudo(Statement st) throws AsmException {
        List<String> o = st.ops;
        switch (st.mnemonic) {
            case "nop": arity(st, 0); return one(Opcode.ADDI, 0, 0, 0, 0);
            case "unimp": arity(st, 0); return new int[] {0xC0001073};
            case "mv": arity(st, 2); return one(Opcode.ADDI, reg(st, o.get(0)), reg(st, o.get(1)), 0, 0);
            case "not": arity(st, 2); return one(Opcode.XORI, reg(st, o.get(0)), reg(st, o.get(1)), 0, -1);
            case "neg": arity(st, 2); return one(Opcode.SUB, reg(st, o.get(0)), 0, reg(st, o.get(1)), 0);
            case "seqz": arity(st, 2); return one(Opcode.SLTIU, reg(st, o.get(0)), reg(st, o.get(1)), 0, 1);
            case "snez": arity(st, 2); return one(Opcode.SLTU, reg(st, o.get(0)), 0, reg(st, o.get(1)), 0);
            case "j": arity(st, 1); return one(Opcode.JAL, 0, 0, 0, target(st, o.get(0)));
            case "jr": arity(st, 1); return one(Opcode.JALR, 0, reg(st, o.get(0)), 0, 0);
            case "ret": arity(st, 0); return one(Opcode.JALR, 0, 1, 0, 0);
            case "beqz": arity(st, 2); return one(Opcode.BEQ, 0, reg(st, o.get(0)), 0, target(st, o.get(1)));
            case "bnez": arity(st, 2); return one(Opcode.BNE, 0, reg(st, o.get(0)), 0, target(st, o.get(1)));
            case "bltz": arity(st, 2); return one(Opcode.BLT, 0, reg(st, o.get(0)), 0, target(st, o.get(1)));
            case "bgez": arity(st, 2); return one(Opcode.BGE, 0, reg(st, o.get(0)), 0, target(st, o.get(1)));
            case "blez": arity(st, 2); return one(Opcode.BGE, 0, 0, reg(st, o.get(0)), target(st, o.get(1)));
            case "bgtz": arity(st, 2); return one(Opcode.BLT, 0, 0, reg(st, o.get(0)), target(st, o.get(1)));
            case "bgt": arity(st, 3); return one(Opcode.BLT, 0, reg(st, o.get(1)), reg(st, o.get(0)), target(st, o.get(2)));
            case "ble": arity(st, 3); return one(Opcode.BGE, 0, reg(st, o.get(1)), reg(st, o.get(0)), target(st, o.get(2)));
            case "bgtu": arity(st, 3); return one(Opcode.BLTU, 0, reg(st, o.get(1)), reg(st, o.get(0)), target(st, o.get(2)));
            case "bleu": arity(st, 3); return one(Opcode.BGEU, 0, reg(st, o.get(1)), reg(st, o.get(0)), target(st, o.get(2)));
            case "csrr": arity(st, 2); return one(Opcode.CSRRS, reg(st, o.get(0)), 0, 0, csr(st, o.get(1)));
            case "csrw": arity(st, 2); return one(Opcode.CSRRW, 0, reg(st, o.get(1)), 0, csr(st, o.get(0)));
            case "csrs": arity(st, 2); return one(Opcode.CSRRS, 0, reg(st, o.get(1)), 0, csr(st, o.get(0)));
            case "csrc": arity(st, 2); return one(Opcode.CSRRC, 0, reg(st, o.get(1)), 0, csr(st, o.get(0)));
            case "csrwi": arity(st, 2); return one(Opcode.CSRRWI, 0, imm(st, o.get(1)), 0, csr(st, o.get(0)));
            case "csrsi": arity(st, 2); return one(Opcode.CSRRSI, 0, imm(st, o.get(1)), 0, csr(st, o.get(0)));
            case "csrci": arity(st, 2); return one(Opcode.CSRRCI, 0, imm(st, o.get(1)), 0, csr(st, o.get(0)));
            case "li": {
                arity(st, 2);
                int rd = reg(st, o.get(0));
                long v = number(st, o.get(1));
                if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
                    throw new AsmException(st.line, "li: " + o.get(1) + " does not fit 32 bits");
                }
                int value = (int) v;
                if (value >= -2048 && value < 2048) {
                    return one(Opcode.ADDI, rd, 0, 0, value);
                }
                int hi = (value + 0x800) & 0xFFFFF000;
                int lo = value - hi;
                int lui = Encoder.encode(Opcode.LUI, rd, 0, 0, hi);
                return lo == 0 ? new int[] {lui} : new int[] {lui, Encoder.encode(Opcode.ADDI, rd, rd, 0, lo)};
            }
            case "la": {
                arity(st, 2);
                int rd = reg(st, o.get(0));
                int delta = (int) (value(st, o.get(1)) - st.pc);
                int hi = (delta + 0x800) & 0xFFFFF000;
                return new int[] {Encoder.encode(Opcode.AUIPC, rd, 0, 0, hi),
                    Encoder.encode(Opcode.ADDI, rd, rd, 0, delta - hi)};
            }
            default:
                throw new AsmException(st.line, "unknown instruction " + st.mnemonic);
        }
    }

    private static int[] one(Opcode op, int rd, int rs1, int rs2, int imm) {
        return new int[] {Encoder.encode(op, rd, rs1, rs2, imm)};
    }

    private static void arity(Statement st, int n) throws AsmException {
        if (st.ops.size() != n) {
            throw new AsmException(st.line, st.mnemonic + " takes " + n + " operand" + (n == 1 ? "" : "s")
                    + ", got " + st.ops.size());
        }
    }

    private static String operand(Statement st, int i) throws AsmException {
        if (i >= st.ops.size()) {
            throw new AsmException(st.line, st.mnemonic + " needs an operand");
        }
        return st.ops.get(i);
    }

    private static List<String> splitOperands(String rest) {
        List<String> out = new ArrayList<>();
        for (String s : rest.split(",")) {
            out.add(s.strip());
        }
        return out;
    }

    private static int reg(Statement st, String text) throws AsmException {
        int r = RegisterNames.parse(text);
        if (r < 0) {
            throw new AsmException(st.line, st.mnemonic + ": not a register: " + text);
        }
        return r;
    }

    private int csr(Statement st, String text) throws AsmException {
        Integer byName = csrNames.get(text.strip().toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        long v = number(st, text);
        if (v < 0 || v > 0xFFF) {
            throw new AsmException(st.line, st.mnemonic + ": not a CSR: " + text);
        }
        return (int) v;
    }

    private static int imm(Statement st, String text) throws AsmException {
        long v = number(st, text);
        if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
            throw new AsmException(st.line, st.mnemonic + ": immediate out of range: " + text);
        }
        return (int) v;
    }

    /** The U-type operand: a 20-bit value as GNU as takes it, returned shifted into place. */
    private static int upper(Statement st, String text) throws AsmException {
        long v = number(st, text);
        if (v < 0 || v > 0xFFFFF) {
            throw new AsmException(st.line, st.mnemonic + ": upper immediate must be 0..0xfffff: " + text);
        }
        return (int) v << 12;
    }

    /** {@code off(reg)} as {offset, register}. */
    private static int[] memory(Statement st, String text) throws AsmException {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            throw new AsmException(st.line, st.mnemonic + ": expected offset(register), got " + text);
        }
        String off = text.substring(0, open).strip();
        int r = reg(st, text.substring(open + 1, text.length() - 1));
        return new int[] {off.isEmpty() ? 0 : imm(st, off), r};
    }

    private static int parenthesised(Statement st, String text) throws AsmException {
        String t = text.strip();
        if (t.startsWith("0(")) {
            t = t.substring(1);
        }
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new AsmException(st.line, st.mnemonic + ": expected (register), got " + text);
        }
        return reg(st, t.substring(1, t.length() - 1));
    }

    private static int fenceSet(Statement st, String text) throws AsmException {
        int set = 0;
        for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            int bit = "wroi".indexOf(c);
            if (bit < 0) {
                throw new AsmException(st.line, "fence: bad set " + text);
            }
            set |= 1 << bit;
        }
        return set;
    }

    /**
     * A branch or jump target as an offset from this instruction. The operand is a label or, as
     * in GNU as and objdump output, a number meaning an absolute address.
     */
    private static int target(Statement st, String text) throws AsmException {
        return (int) (value(st, text) - st.pc);
    }

    private static long value(Statement st, String text) throws AsmException {
        Long label = st.labels.get(text.strip());
        if (label != null) {
            return label;
        }
        if (!st.last && text.strip().matches("[A-Za-z_.$][A-Za-z0-9_.$]*")) {
            return st.pc;
        }
        return number(st, text);
    }

    /** A decimal or 0x-hex number, optionally negative. */
    static long number(Statement st, String text) throws AsmException {
        String t = text.strip().toLowerCase(Locale.ROOT).replace("_", "");
        boolean neg = t.startsWith("-");
        if (neg || t.startsWith("+")) {
            t = t.substring(1);
        }
        try {
            long v = t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            throw new AsmException(st.line, (st.mnemonic.isEmpty() ? "" : st.mnemonic + ": ")
                    + (st.last ? "not a number or known label: " : "not a number: ") + text);
        }
    }
}
