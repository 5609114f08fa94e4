package tandem.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;

/** Binary and text traces written from a retire stream read back to the same records. */
class TraceFormatsTest {

    @TempDir
    Path dir;

    static List<TraceRecord> readAll(Path file) {
        List<TraceRecord> out = new ArrayList<>();
        try (TraceSource s = TraceSource.open(file)) {
            TraceRecord r = new TraceRecord();
            while (s.next(r)) {
                out.add(r.copy());
            }
        }
        return out;
    }

    static String fields(TraceRecord r, boolean withOrder) {
        return (withOrder ? r.order + " " : "") + r.kind + " " + Integer.toHexString(r.pc) + " " + Integer.toHexString(r.nextPc)
                + " " + Integer.toHexString(r.insn) + " " + r.privBefore + ">" + r.privAfter + " x" + r.rdAddr + "="
                + Integer.toHexString(r.rdWdata) + " mem" + r.memFlags + (r.memFlags == 0 ? ""
                        : "/" + r.memWidth + "@" + Integer.toHexString(r.memVaddr) + "/" + Integer.toHexString(r.memPaddr)
                        + " r" + Integer.toHexString(r.memRdata) + " w" + Integer.toHexString(r.memWdata))
                + (r.kind == 0 ? "" : " cause " + Integer.toHexString(r.cause) + " tval " + Integer.toHexString(r.tval)
                        + " mmu " + r.mmuFailure)
                + " csr" + Arrays.toString(Arrays.copyOf(r.csrAddr, r.csrCount))
                + Arrays.toString(Arrays.copyOf(r.csrValue, r.csrCount));
    }

    static void assertSameRecords(List<TraceRecord> expected, List<TraceRecord> actual, boolean withOrder) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(fields(expected.get(i), withOrder), fields(actual.get(i), withOrder), "record " + i);
        }
        assertEquals(expected.size(), actual.size(), "record count");
    }

    @Test
    void binaryTraceRoundTrips() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = dir.resolve(gzip ? "t.trace.gz" : "t.trace");
            RandomRetires src;
            try (TraceWriter w = TraceWriter.open(file, gzip)) {
                src = RandomRetires.feed(42, 20000, w);
                assertEquals(20000, w.records());
            }
            List<TraceRecord> back = readAll(file);
            assertSameRecords(src.records, back, true);
            assertEquals(TraceRecord.ALL, back.get(0).known);
        }
    }

    @Test
    void binaryTraceIsCompact() throws IOException {
        Path file = dir.resolve("size.trace");
        try (TraceWriter w = TraceWriter.open(file, false)) {
            RandomRetires.feed(7, 10000, w);
        }
        long size = Files.size(file);
        assertTrue(size < 10000 * 24, "a record averages under 24 bytes, got " + size / 10000.0);
    }

    @Test
    void textTraceRoundTripsEverythingButOrder() throws IOException {
        Path file = dir.resolve("t.txt");
        RandomRetires src;
        try (TextTraceWriter w = TextTraceWriter.open(file)) {
            src = RandomRetires.feed(43, 5000, w);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(TextTraceWriter.HEADER, lines.get(0));
        assertEquals(5001, lines.size());
        List<TraceRecord> back = readAll(file);
        assertSameRecords(src.records, back, false);
        assertEquals(TraceRecord.ALL & ~TraceRecord.ORDER, back.get(0).known);
        assertEquals(file + ":2", back.get(0).where);
    }

    @Test
    void textTraceLinesFollowSpikesSpelling() {
        TraceRecord r = new TraceRecord();
        r.known = TraceRecord.ALL;
        r.privBefore = r.privAfter = 3;
        r.pc = 0x80000000;
        r.insn = 0x00000297;
        r.nextPc = 0x80000004;
        r.rdAddr = 5;
        r.rdWdata = 0x80000000;
        assertEquals("core   0: 3 0x80000000 (0x00000297) auipc t0,0x0"
                + " ".repeat(15) + " x5  0x80000000", TextTraceWriter.format(r, "auipc t0,0x0"));
        assertEquals("3 0x80000000 (0x00000297) auipc t0,0x0 | x5  0x80000000", TextTraceWriter.formatCompact(r));
        r.insn = 0x0062a023;
        r.rdAddr = 0;
        r.memFlags = 2;
        r.memWidth = 2;
        r.memVaddr = 0xC0001000;
        r.memPaddr = 0x80001000;
        r.memWdata = 0xBEEF;
        r.addCsr(0x305, 0x80000100);
        assertEquals("3 0x80000000 (0x0062a023) sw t1,0(t0) | c773_mtvec 0x80000100 mem 0xc0001000 0xbeef pa 0x80001000",
                TextTraceWriter.formatCompact(r));
        r.kind = 1;
        r.cause = 15;
        r.tval = 0xC0001000;
        r.mmuFailure = tandem.golden.mmu.TranslationFailure.DIRTY_CLEAR.ordinal() + 1;
        r.memFlags = 0;
        r.csrCount = 0;
        r.nextPc = 0x80000100;
        assertEquals("3 0x80000000 (0x0062a023) sw t1,0(t0) | trap 0x0000000f tval 0xc0001000 mmu DIRTY_CLEAR -> 3 0x80000100",
                TextTraceWriter.formatCompact(r));
        r.known = TraceRecord.PC | TraceRecord.CAUSE;
        assertEquals("core   0: ? 0x80000000 (?)" + " ".repeat(37) + " trap 0x0000000f",
                TextTraceWriter.format(r, "sw t1,0(t0)"), "unknown fields are not shown as if known");
    }

    @Test
    void truncatedBinaryTraceNamesFileRecordAndOffset() throws IOException {
        Path file = dir.resolve("cut.trace");
        try (TraceWriter w = TraceWriter.open(file, false)) {
            RandomRetires.feed(44, 100, w);
        }
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut2.trace");
        Files.write(cut, Arrays.copyOf(all, all.length - 12));
        List<TraceRecord> partial = new ArrayList<>();
        TandemException e = assertThrows(TandemException.class, () -> {
            try (TraceSource s = TraceSource.open(cut)) {
                TraceRecord r = new TraceRecord();
                while (s.next(r)) {
                    partial.add(r.copy());
                }
            }
        });
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(cut.toString())
                + ": truncated trace: record 99 at offset \\d+ is cut short"), e.getMessage());
        assertEquals(99, partial.size(), "records before the cut were delivered");

        Path noEnd = dir.resolve("noend.trace");
        Files.write(noEnd, Arrays.copyOf(all, all.length - 9));
        TandemException e2 = assertThrows(TandemException.class, () -> readAll(noEnd));
        assertEquals(noEnd + ": truncated trace: ends after record 100 at offset " + (all.length - 9)
                + " without an end record", e2.getMessage());

        Path bad = dir.resolve("bad.trace");
        Files.write(bad, new byte[] {'T', 'D', 'T', 'R', 9, 0, 0, 0});
        assertEquals(bad + ": binary trace version 9 is not supported (expected 1)",
                assertThrows(TandemException.class, () -> readAll(bad)).getMessage());
    }

    @Test
    void badTextTraceLinesNameFileAndLine() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, TextTraceWriter.HEADER + "\n"
                + "core   0: 3 0x80000000 (0x00000297) auipc t0,0x0 x5  0x80000000\n"
                + "core   0: 3 0x80000004 (0x00000297) auipc t0,0x0 x5  0x8000zz00\n");
        TandemException e = assertThrows(TandemException.class, () -> readAll(file));
        assertEquals(file + ":3: expected a hex number, got '0x8000zz00'", e.getMessage());
        Files.writeString(file, TextTraceWriter.HEADER + "\nhello\n");
        assertEquals(file + ":2: expected a record starting 'core N:', got 'hello'",
                assertThrows(TandemException.class, () -> readAll(file)).getMessage());
        Files.writeString(file, TextTraceWriter.HEADER + "\ncore   0: 3 0x80000004 (0x0000a503) lw a0,0(ra) x10 0x00000001 mem 0x80001000\n");
        assertEquals(file + ":2: load at 0x80001000 without 'rdata value'",
                assertThrows(TandemException.class, () -> readAll(file)).getMessage());
        Files.writeString(file, "garbage\n");
        assertEquals(file + ":1: not a trace: expected a Tandem binary or text trace, a Spike commit log or an RVFI dump",
                assertThrows(TandemException.class, () -> readAll(file)).getMessage());
    }

    @Test
    void readsSpikeCommitLogsWithAndWithoutDebugLines() throws IOException {
        Path file = dir.resolve("spike.log");
        Files.writeString(file, """
                core   0: >>>>  _start
                core   0: 0x80000000 (0x00000297) auipc   t0, 0x0
                core   0: 3 0x80000000 (0x00000297) x5  0x80000000
                hello from the program
                core   0: 3 0x80000004 (0x4501) x10 0x00000000
                core   0: 3 0x80000006 (0x00a2a023) mem 0x80000000 0x00000000
                core   0: 3 0x8000000a (0x00029283) x5  0x00000297 mem 0x80000000
                core   0: 3 0x8000000e (0x30529073) c773_mtvec 0x80000100
                core   0: 0x80000012 (0x00000073) ecall
                core   0: exception trap_machine_ecall, epc 0x80000012
                core   0: 3 0x80000100 (0x34102573) x10 0x80000012
                core   0: exception trap_load_access_fault, epc 0x80000104
                core   0:           tval 0x00000004
                core   0: exception interrupt #7, epc 0x80000108
                """);
        List<TraceRecord> rs = readAll(file);
        assertEquals(9, rs.size());
        assertFalse(rs.get(0).has(TraceRecord.NEXT_PC));
        assertEquals(5, rs.get(0).rdAddr);
        assertEquals(0x80000000, rs.get(0).rdWdata);
        assertEquals(2, rs.get(1).insnLength());
        assertEquals(2, rs.get(2).memFlags);
        assertEquals(4, rs.get(2).memWidth);
        assertEquals(1, rs.get(3).memFlags);
        assertFalse(rs.get(3).has(TraceRecord.MEM_RDATA));
        assertEquals(0x305, rs.get(4).csrAddr[0]);
        assertEquals(1, rs.get(5).kind);
        assertEquals(11, rs.get(5).cause);
        assertEquals(0x00000073, rs.get(5).insn, "bits from the -l disassembly line");
        assertEquals(file + ":10", rs.get(5).where);
        assertEquals(5, rs.get(7).cause);
        assertEquals(4, rs.get(7).tval);
        assertEquals(2, rs.get(8).kind);
        assertEquals(0x80000007, rs.get(8).cause);
        assertEquals(0x80000108, rs.get(8).pc);
    }

    @Test
    void rvfiDumpRoundTripsEveryField() throws IOException {
        Path file = dir.resolve("all.rvfi");
        List<TraceRecord> src = RandomRetires.feed(45, 5000).records;
        try (RvfiDumpWriter w = new RvfiDumpWriter(Files.newBufferedWriter(file))) {
            for (TraceRecord r : src) {
                w.write(r);
            }
        }
        List<TraceRecord> back = readAll(file);
        assertSameRecords(src, back, true);
        int plain = TraceRecord.ORDER | TraceRecord.PC | TraceRecord.NEXT_PC | TraceRecord.INSN | TraceRecord.PRIV
                | TraceRecord.RD | TraceRecord.MEM;
        assertEquals(plain, back.get(0).known & plain, "a retire's fields are known");
    }

    @Test
    void readsRvfiDumps() throws IOException {
        Path file = dir.resolve("dut.rvfi");
        Files.writeString(file, """
                # from the DUT
                rvfi_valid=1 rvfi_order=0 rvfi_pc_rdata=0x80000000 rvfi_pc_wdata=0x80000004 rvfi_insn=0x00000297 rvfi_mode=3 rvfi_rd_addr=5 rvfi_rd_wdata=0x80000000
                order=1 pc_rdata=0x80000004 pc_wdata=0x80000008 insn=0x0002d303 mode=3 rd_addr=6 rd_wdata=0xbeef mem_addr=0x80001000 mem_rmask=0xc mem_rdata=0xbeef0000
                order=2 pc_rdata=0x80000008 pc_wdata=0x8000000c insn=0x30529073 mode=3 rd_addr=0 csr_mtvec_wmask=0xffffffff csr_mtvec_wdata=0x80000100 csr_0x7c0_wmask=0 csr_0x7c0_wdata=0
                valid=0 order=3
                order=3 pc_rdata=0x8000000c insn=0x00000073 mode=3 trap=1
                """);
        List<TraceRecord> rs = readAll(file);
        assertEquals(4, rs.size());
        assertEquals(5, rs.get(0).rdAddr);
        assertEquals(0x80001002, rs.get(1).memVaddr);
        assertEquals(2, rs.get(1).memWidth);
        assertEquals(0xBEEF, rs.get(1).memRdata);
        assertEquals(1, rs.get(2).csrCount);
        assertEquals(0x305, rs.get(2).csrAddr[0]);
        assertEquals(1, rs.get(3).kind);
        assertFalse(rs.get(3).has(TraceRecord.CAUSE));

        Files.writeString(file, "order=0 pc_rdata=0x80000000 insn=0x13 frobnicate=1\n");
        assertEquals(file + ":1: unknown key 'frobnicate'", assertThrows(TandemException.class, () -> readAll(file)).getMessage());
        Files.writeString(file, "order=0 pc_rdata=0x8000zz00\n");
        assertEquals(file + ":1: bad value pc_rdata=0x8000zz00", assertThrows(TandemException.class, () -> readAll(file)).getMessage());
        Files.writeString(file, "order=0 pc_rdata=0x80000000 mem_addr=0 mem_rmask=0x5 mem_rdata=0\n");
        assertEquals(file + ":1: memory masks rmask=5 wmask=0 are not 1, 2 or 4 adjacent bytes",
                assertThrows(TandemException.class, () -> readAll(file)).getMessage());
    }
}
