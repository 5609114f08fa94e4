package tandem.golden.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.testing.GuestToolchain;
import tandem.golden.toolchain.CrossToolchain;

/**
 * Compares the disassembler line by line with {@code riscv64-unknown-elf-objdump -d} over
 * programs assembled at test time: every instruction and pseudo-instruction written out, every
 * 16-bit encoding, seeded random encodings of every opcode row, and every CSR number.
 */
class DisassemblerTest {

    private static final String MARCH = "-march=rv32imac_zicsr_zifencei_zkne_zknd";
    private static final java.util.Set<String> DATA = java.util.Set.of(".word", ".short", ".half", ".byte", ".dword");
    private static final Pattern LINE = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f]+)\\s*\\t([^\\t]+)(?:\\t(.*))?$");

    @TempDir
    Path dir;

    private static final String HANDWRITTEN = """
            .option norvc
            lui a0,0x12345
            lui t6,0xfffff
            auipc t0,0x0
            jal zero,.+8
            jal ra,.-4
            jal t0,.+2048
            jalr zero,0(ra)
            jalr zero,0(a0)
            jalr zero,8(ra)
            jalr ra,0(a0)
            jalr ra,-4(a0)
            jalr t0,0(a0)
            jalr t0,12(a0)
            beq a0,a1,.+16
            beq a0,zero,.-16
            beq zero,a0,.+4
            bne a0,a1,.+16
            bne a0,zero,.+16
            blt a0,a1,.+16
            blt a0,zero,.+16
            blt zero,a0,.+16
            bge a0,a1,.+16
            bge a0,zero,.+16
            bge zero,a0,.+16
            bltu a0,zero,.+16
            bgeu zero,a1,.+16
            lb a0,-1(sp)
            lh a0,2(sp)
            lw a0,2047(sp)
            lbu a0,-2048(sp)
            lhu s11,0(t6)
            sb a0,-1(sp)
            sh a0,2(sp)
            sw a0,2047(sp)
            addi a0,a1,100
            addi a0,zero,5
            addi a0,a1,0
            addi zero,zero,0
            addi zero,zero,5
            addi zero,a0,0
            slti a0,a1,-7
            sltiu a0,a1,1
            sltiu a0,a1,2
            xori a0,a1,-1
            xori a0,a1,3
            ori a0,a1,3
            andi a0,a1,-1
            slli a0,a1,0
            slli a0,a1,31
            srli a0,a1,5
            srai a0,a1,17
            add a0,a1,a2
            add a0,zero,a2
            sub a0,a1,a2
            sub a0,zero,a2
            sll a0,a1,a2
            slt a0,a1,a2
            slt a0,a1,zero
            slt a0,zero,a2
            sltu a0,a1,a2
            sltu a0,zero,a2
            xor a0,a1,a2
            srl a0,a1,a2
            sra a0,a1,a2
            or a0,a1,a2
            and a0,a1,a2
            fence
            fence rw,rw
            fence r,w
            fence io,io
            .insn 0x0100000f
            .insn 0x0ff0008f
            .insn 0x8ff0000f
            .insn 0x0000108f
            fence.tso
            fence.i
            ecall
            ebreak
            csrrw a0,mstatus,a1
            csrrw zero,mtvec,a1
            csrrs a0,mstatus,zero
            csrrs a0,mstatus,a1
            csrrs zero,mie,a1
            csrrc a0,mip,a1
            csrrc zero,mip,a1
            csrrwi a0,mscratch,31
            csrrwi zero,mscratch,1
            csrrsi a0,sstatus,2
            csrrsi zero,sstatus,2
            csrrci a0,sie,4
            csrrci zero,sie,4
            csrrs a0,cycle,zero
            csrrs a0,timeh,zero
            csrrs a0,0xbc0,zero
            csrrw zero,0xbc0,a0
            csrrw zero,cycle,zero
            mul a0,a1,a2
            mulh a0,a1,a2
            mulhsu a0,a1,a2
            mulhu a0,a1,a2
            div a0,a1,a2
            divu a0,a1,a2
            rem a0,a1,a2
            remu a0,a1,a2
            lr.w a0,(a1)
            lr.w.aq a0,(a1)
            lr.w.aqrl a0,(a1)
            sc.w a0,a1,(a2)
            sc.w.rl a0,a1,(a2)
            amoswap.w a0,a1,(a2)
            amoadd.w.aq a0,a1,(a2)
            amoxor.w.rl a0,a1,(a2)
            amoand.w.aqrl a0,a1,(a2)
            amoor.w a0,a1,(a2)
            amomin.w a0,a1,(a2)
            amomax.w a0,a1,(a2)
            amominu.w a0,a1,(a2)
            amomaxu.w a0,a1,(a2)
            sret
            mret
            wfi
            sfence.vma
            sfence.vma a0
            sfence.vma a0,a1
            sfence.vma zero,a1
            aes32esi a0,a1,a2,0
            aes32esmi a0,a1,a2,1
            aes32dsi a0,a1,a2,2
            aes32dsmi a0,a1,a2,3
            .option rvc
            c.addi4spn a0,sp,16
            c.lw a4,4(a5)
            c.sw a4,8(a5)
            c.nop
            c.addi a0,1
            c.addi a0,-32
            c.jal .-2
            c.li a1,5
            c.li a1,-1
            c.addi16sp sp,-32
            c.lui a0,1
            c.lui a0,0xfffff
            c.srli a0,3
            c.srai a0,31
            c.andi a0,-1
            c.sub s0,s1
            c.xor s0,s1
            c.or s0,s1
            c.and s0,s1
            c.j .+6
            c.beqz a0,.-8
            c.bnez a0,.+8
            c.slli a0,2
            c.lwsp a0,12(sp)
            c.jr ra
            c.jr a0
            c.mv a2,a3
            c.ebreak
            c.jalr a0
            c.add a2,a3
            c.swsp a0,12(sp)
            """;

    @Test
    void matchesObjdumpOnEveryWrittenInstruction() throws Exception {
        compare("written", HANDWRITTEN);
    }

    @Test
    void matchesObjdumpOnEvery16BitEncoding() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            if ((c & 3) != 3) {
                sb.append(String.format(".insn 0x%04x%n", c));
            }
        }
        compare("compressed", sb.toString());
    }

    @Test
    void matchesObjdumpOnRandomEncodingsOfEveryOpcode() throws Exception {
        Random rnd = new Random(20261121L);
        StringBuilder sb = new StringBuilder();
        for (Opcode op : Opcode.values()) {
            if (op == Opcode.VEX_DCACHE_FLUSH) {
                continue;
            }
            for (int k = 0; k < 60; k++) {
                int bits = (rnd.nextInt() & ~op.mask()) | op.match();
                if (new Decoder(EnumSet.allOf(Extension.class)).decode(bits) == op) {
                    sb.append(String.format(".insn 0x%08x%n", bits));
                }
            }
        }
        compare("random", sb.toString());
    }

    @Test
    void matchesObjdumpOnEveryCsrNumber() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int csr = 0; csr < 4096; csr++) {
            sb.append(String.format(".insn 0x%08x%n", (csr << 20) | (2 << 12) | (10 << 7) | 0x73));
        }
        compare("csrs", sb.toString());
    }

    @Test
    void matchesObjdumpOnTheProjectsDirectedPrograms() throws Exception {
        int programs = 0;
        for (String folder : List.of("isa", "csr", "mmu", "trap")) {
            Path dirOnClasspath = Path.of(DisassemblerTest.class.getResource("/tandem/golden/" + folder).toURI());
            try (var files = Files.list(dirOnClasspath)) {
                for (Path s : files.filter(f -> f.toString().endsWith(".S")).sorted().toList()) {
                    Path elf = GuestToolchain.get().assembleTest("tandem/golden/" + folder + "/" + s.getFileName());
                    compareDump(folder + "/" + s.getFileName(), run("objdump", "-d", elf.toString()));
                    programs++;
                }
            }
        }
        assertTrue(programs >= 20, "directed programs found: " + programs);
    }

    @Test
    void namesRegistersAndUnknownEncodingsLikeObjdump() {
        assertEquals("s0", Disassembler.register(8));
        assertEquals("t6", Disassembler.register(31));
        assertEquals(".4byte 0x500f", Disassembler.disassemble(0x0000500F, 0));
        assertEquals("unimp", Disassembler.disassemble(0, 0));
        assertEquals("j 80000010", Disassembler.disassemble(0x0100006F, 0x80000000));
        assertEquals("mstatus", Disassembler.csrName(0x300));
        assertEquals(null, Disassembler.csrName(0xBC0));
    }

    private void compare(String name, String body) throws IOException {
        Path src = dir.resolve(name + ".S");
        Files.writeString(src, ".text\n.globl _start\n_start:\n" + body);
        Path obj = dir.resolve(name + ".o");
        run("as", MARCH, "-mabi=ilp32", "-o", obj.toString(), src.toString());
        compareDump(name, run("objdump", "-d", obj.toString()));
    }

    /** Compares every instruction line of an objdump listing; data ({@code .word} from mapping symbols) is skipped. */
    private static void compareDump(String name, String dump) {
        List<String> mismatches = new ArrayList<>();
        int lines = 0;
        for (String line : dump.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (DATA.contains(m.group(3).strip())) {
                continue;
            }
            int pc = Integer.parseUnsignedInt(m.group(1), 16);
            int bits = Integer.parseUnsignedInt(m.group(2), 16);
            String expected = normalise(m.group(3), m.group(4));
            String actual = Disassembler.disassemble(bits, pc);
            lines++;
            if (!expected.equals(actual) && mismatches.size() < 40) {
                mismatches.add(String.format("%08x: objdump '%s' ours '%s'", bits, expected, actual));
            }
        }
        assertTrue(lines > 0, "objdump printed no instructions:\n" + dump);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + "+ mismatches in " + name + " (of " + lines + "):\n" + String.join("\n", mismatches));
        }
    }

    /** objdump's text without its {@code <symbol>} and {@code # address} annotations. */
    private static String normalise(String mnemonic, String operands) {
        String ops = operands == null ? "" : operands;
        int hash = ops.indexOf(" #");
        if (hash >= 0) {
            ops = ops.substring(0, hash);
        }
        ops = ops.replaceAll(" <[^>]*>", "").strip();
        return ops.isEmpty() ? mnemonic.strip() : mnemonic.strip() + " " + ops;
    }

    private static String run(String tool, String... args) {
        return CrossToolchain.find().run(null, tool, List.of(args));
    }
}
