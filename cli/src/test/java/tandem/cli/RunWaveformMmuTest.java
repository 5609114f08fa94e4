package tandem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.toolchain.CrossToolchain;
import tandem.wave.VcdReader;
import tandem.wave.VcdVariable;

/** 'tandem run --vcd' on an Sv32 program: the MMU walks behind loads, stores, fetches and a page fault. */
class RunWaveformMmuTest {

    @TempDir
    Path dir;

    /** S-mode code through a megapage; a load and a store through a 4 KiB page; a load from an invalid PTE. */
    private static final String PROGRAM = """
                .option norvc
                .text
                .globl _start
            _start:
                la t0, trap
                csrw mtvec, t0
                la t0, root
                la t3, l0
                srli t2, t3, 12
                slli t2, t2, 10
                ori t2, t2, 1
                sw t2, 4(t0)
                la t1, page
                srli t2, t1, 12
                slli t2, t2, 10
                ori t2, t2, 0xc7
                sw t2, 0(t3)
                li t2, 0x200000cf
                addi t4, t0, 0x400
                sw t2, 0x400(t4)
                srli t2, t0, 12
                li t3, 0x80000000
                or t2, t2, t3
                csrw satp, t2
                sfence.vma
                li t0, 0x1800
                csrc mstatus, t0
                li t0, 0x800
                csrs mstatus, t0
                la t0, s_code
                csrw mepc, t0
                mret
            s_code:
                li a0, 0x00400000
                lw a1, 0(a0)
                sw a1, 4(a0)
                li a0, 0x00401000
                lw a2, 0(a0)
            trap:
                li t0, 0x100000
                li t1, 0x5555
                sw t1, 0(t0)
            1:  j 1b
                .balign 4096
            root:
                .zero 4096
            l0:
                .zero 4096
            page:
                .word 0x11223344
            """;

    @Test
    void theVcdShowsEachTranslatedAccessWalk() throws Exception {
        Path elf = build();
        Path vcd = dir.resolve("run.vcd");
        CliRun run = CliRun.tandem("run", "--quiet", "--vcd", vcd.toString(), elf.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Map<Long, Map<String, String>> changes = changes(vcd);
        long root = 0x80001000L;
        Map<String, String> load = at(changes, "data_va", 0x00400000L);
        assertEquals(bits(root + 4, 32), load.get("data_pte1_addr"), "level-1 PTE of VA 0x00400000");
        assertEquals(bits(root + 0x1000, 32), load.get("data_pte0_addr"), "level-0 PTE, first entry of l0");
        assertEquals("00", load.get("data_level"));
        assertEquals(bits(root + 0x2000, 32), load.get("data_pa"), "the page");
        assertEquals("1", load.get("data_walk"));
        Map<String, String> fault = at(changes, "data_va", 0x00401000L);
        assertEquals(bits(TranslationFailure.INVALID.ordinal() + 1, 4), fault.get("data_fault"), fault.toString());
        assertEquals(bits(root + 0x1004, 32), fault.get("data_pte0_addr"));
        boolean fetchThroughMegapage = changes.values().stream().anyMatch(c -> "01".equals(c.get("fetch_level"))
                && c.get("fetch_va") != null && c.get("fetch_va").equals(c.get("fetch_pa")));
        assertTrue(fetchThroughMegapage, "S-mode fetches walk to the identity megapage");
    }

    private Path build() throws Exception {
        Path s = Files.writeString(dir.resolve("sv32.S"), PROGRAM);
        Path o = dir.resolve("sv32.o");
        Path elf = dir.resolve("sv32.elf");
        CrossToolchain tools = CrossToolchain.find();
        tools.run(dir, "as", List.of("-march=rv32ima_zicsr", "-mabi=ilp32", "-mno-relax", "-o", o.toString(), s.toString()));
        tools.run(dir, "ld", List.of("-m", "elf32lriscv", "--no-relax", "-N", "-Ttext=0x80000000", "-o", elf.toString(),
                o.toString()));
        return elf;
    }

    /** Per time, the values of the mmu signals that changed then (names without scope). */
    private static Map<Long, Map<String, String>> changes(Path vcd) {
        Map<Long, Map<String, String>> out = new TreeMap<>();
        try (VcdReader r = VcdReader.open(vcd)) {
            while (r.next()) {
                for (VcdVariable v : r.changed()) {
                    if (v.scope().endsWith(".mmu")) {
                        out.computeIfAbsent(r.time(), t -> new HashMap<>()).put(v.name(), r.value());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, String> at(Map<Long, Map<String, String>> changes, String signal, long value) {
        Map<String, String> found = changes.values().stream().filter(c -> bits(value, 32).equals(c.get(signal)))
                .findFirst().orElse(null);
        assertNotNull(found, signal + " never " + Long.toHexString(value) + ": " + changes);
        return found;
    }

    private static String bits(long value, int width) {
        String b = Long.toBinaryString(value);
        return "0".repeat(Math.max(0, width - b.length())) + b;
    }
}
