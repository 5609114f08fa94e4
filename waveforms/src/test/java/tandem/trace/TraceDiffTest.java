package tandem.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tandem.golden.TandemException;
import tandem.golden.retire.RetireBuffer;

class TraceDiffTest {

    @TempDir
    Path dir;

    /** A trace held in memory. */
    static final class ListSource implements TraceSource {
        private final String name;
        private final Iterator<TraceRecord> it;

        ListSource(String name, List<TraceRecord> records) {
            this.name = name;
            this.it = records.iterator();
        }

        @Override
        public boolean next(TraceRecord r) {
            if (!it.hasNext()) {
                return false;
            }
            TraceRecord n = it.next();
            r.clear();
            TraceRecord c = n.copy();
            r.known = c.known;
            r.order = c.order;
            r.kind = c.kind;
            r.pc = c.pc;
            r.nextPc = c.nextPc;
            r.insn = c.insn;
            r.privBefore = c.privBefore;
            r.privAfter = c.privAfter;
            r.rdAddr = c.rdAddr;
            r.rdWdata = c.rdWdata;
            r.memFlags = c.memFlags;
            r.memWidth = c.memWidth;
            r.memVaddr = c.memVaddr;
            r.memPaddr = c.memPaddr;
            r.memRdata = c.memRdata;
            r.memWdata = c.memWdata;
            r.cause = c.cause;
            r.tval = c.tval;
            r.mmuFailure = c.mmuFailure;
            for (int i = 0; i < c.csrCount; i++) {
                r.addCsr(c.csrAddr[i], c.csrValue[i]);
            }
            r.where = name;
            return true;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
        }
    }

    private static TraceDiff.Options options(Set<TraceDiff.Field> ignore, boolean align) {
        return new TraceDiff.Options(ignore, align, 0, null, 8, 2);
    }

    private static TraceDiff.Result diff(List<TraceRecord> a, List<TraceRecord> b, TraceDiff.Options o) {
        return TraceDiff.compare(new ListSource("a", a), new ListSource("b", b), o);
    }

    private static List<TraceRecord> copies(List<TraceRecord> rs) {
        List<TraceRecord> out = new ArrayList<>();
        for (TraceRecord r : rs) {
            out.add(r.copy());
        }
        return out;
    }

    @Test
    void identicalStreamsInDifferentFormatsMatch() throws IOException {
        Path bin = dir.resolve("a.trace");
        Path txt = dir.resolve("a.txt");
        try (TraceWriter w = TraceWriter.open(bin, true); TextTraceWriter t = TextTraceWriter.open(txt)) {
            RandomRetires.feed(5, 3000, w, t);
        }
        try (TraceSource a = TraceSource.open(bin); TraceSource b = TraceSource.open(txt)) {
            TraceDiff.Result r = TraceDiff.compare(a, b, TraceDiff.Options.defaults());
            assertTrue(r.same(), () -> TraceDiffReport.text(r, 60));
            assertEquals(3000, r.matched());
        }
    }

    @Test
    void findsTheFirstDifferingRegisterWriteWithAWindow() {
        List<TraceRecord> a = RandomRetires.feed(6, 2000).records;
        List<TraceRecord> b = copies(a);
        int at = 1234;
        while (a.get(at).rdAddr == 0 || a.get(at).kind != RetireBuffer.KIND_RETIRE) {
            at++;
        }
        b.get(at).rdWdata ^= 0x10;
        b.get(at + 5).pc ^= 0x40;
        TraceDiff.Result r = diff(a, b, TraceDiff.Options.defaults());
        assertFalse(r.same());
        TraceDiff.Divergence d = r.divergence();
        assertEquals(at, d.index());
        assertEquals(at, r.matched());
        assertEquals(1, d.differences().size());
        assertTrue(d.differences().get(0).startsWith("rd: x" + a.get(at).rdAddr + "("), d.differences().get(0));
        assertEquals(8, d.before().size());
        assertEquals(2, d.after().size());
        String report = TraceDiffReport.text(r, 50);
        assertTrue(report.contains("a and b diverge at record " + at + " (after " + at + " matching records)"), report);
        assertTrue(report.contains("\n> " + String.format("%8d", at) + "  "), report);
        assertTrue(report.contains("\n  " + String.format("%8d", at - 8) + "  "), report);

        TraceDiff.Result ignored = diff(a, b, options(EnumSet.of(TraceDiff.Field.RD), false));
        assertEquals(at + 5, ignored.divergence().index());
        assertEquals("pc: " + String.format("0x%08x vs 0x%08x", a.get(at + 5).pc, b.get(at + 5).pc),
                ignored.divergence().differences().get(0));
    }

    @Test
    void aShorterStreamDivergesAtItsEnd() {
        List<TraceRecord> a = RandomRetires.feed(8, 100).records;
        TraceDiff.Result r = diff(a, a.subList(0, 60), TraceDiff.Options.defaults());
        assertEquals(60, r.divergence().index());
        assertNull(r.divergence().b());
        assertTrue(r.divergence().differences().get(0).startsWith("end: b ended"), r.divergence().differences().toString());
    }

    private static TraceRecord retire(int pc, int rd, int value) {
        TraceRecord r = new TraceRecord();
        r.known = TraceRecord.ALL;
        r.kind = RetireBuffer.KIND_RETIRE;
        r.pc = pc;
        r.insn = 0x00000013 | rd << 7;
        r.nextPc = pc + 4;
        r.privBefore = r.privAfter = 3;
        r.rdAddr = rd;
        r.rdWdata = value;
        return r;
    }

    /** Ten instructions at 0x100.. with an interrupt taken before instruction {@code before}. */
    private static List<TraceRecord> program(int before) {
        List<TraceRecord> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int pc = 0x100 + 4 * i;
            if (i == before) {
                TraceRecord irq = new TraceRecord();
                irq.known = TraceRecord.ALL;
                irq.kind = RetireBuffer.KIND_INTERRUPT;
                irq.pc = pc;
                irq.nextPc = 0x800;
                irq.privBefore = irq.privAfter = 3;
                irq.cause = 0x80000007;
                irq.addCsr(0x341, pc);
                irq.addCsr(0x342, 0x80000007);
                out.add(irq);
                out.add(retire(0x800, 5, 1));
                TraceRecord mret = retire(0x804, 0, 0);
                mret.insn = 0x30200073;
                mret.nextPc = pc;
                out.add(mret);
            }
            out.add(retire(pc, 10, i));
        }
        return out;
    }

    @Test
    void interruptsTakenAtDifferentPlacesAlign() {
        List<TraceRecord> a = program(4);
        List<TraceRecord> b = program(7);
        TraceDiff.Result plain = diff(a, b, TraceDiff.Options.defaults());
        assertEquals(4, plain.divergence().index());
        assertEquals("kind: interrupt vs retire", plain.divergence().differences().get(0));
        assertEquals("an interrupt is taken at different places: try --align-interrupts", plain.divergence().hint());

        TraceDiff.Result aligned = diff(a, b, options(EnumSet.noneOf(TraceDiff.Field.class), true));
        assertTrue(aligned.same(), () -> TraceDiffReport.text(aligned, 60));
        assertEquals(13, aligned.matched());

        List<TraceRecord> c = program(7);
        c.get(8).rdWdata = 2;
        TraceDiff.Result handler = diff(a, c, options(EnumSet.noneOf(TraceDiff.Field.class), true));
        assertEquals("rd: x5(t0) 0x00000001 vs x5(t0) 0x00000002", handler.divergence().differences().get(0));

        TraceDiff.Result missing = diff(a, program(99), options(EnumSet.noneOf(TraceDiff.Field.class), true));
        assertEquals("interrupt: cause 0x80000007 taken only in a", missing.divergence().differences().get(0));
    }

    @Test
    void aHandlerThatNeverReturnsIsComparedInPlace() {
        List<TraceRecord> a = program(99).subList(0, 5);
        a = new ArrayList<>(a);
        List<TraceRecord> irqAndHandler = program(5).subList(5, 7);
        a.addAll(irqAndHandler);
        for (int i = 0; i < TraceDiff.MAX_EXCURSION + 10; i++) {
            a.add(retire(0x900 + 4 * (i % 64), 6, i));
        }
        List<TraceRecord> b = copies(a);
        b.get(b.size() - 3).rdWdata = -1;
        TraceDiff.Result r = diff(a, b, options(EnumSet.noneOf(TraceDiff.Field.class), true));
        assertEquals(a.size() - 3, r.divergence().index());
        assertTrue(r.divergence().differences().get(0).startsWith("rd: x6(t1)"), r.divergence().differences().toString());
    }

    @Test
    void spikeLogsWithoutTrapRecordsLineUpWhenTrapsAreIgnored() throws IOException {
        List<TraceRecord> ours = program(99);
        TraceRecord ecall = retire(0x120, 0, 0);
        ecall.kind = RetireBuffer.KIND_TRAP;
        ecall.insn = 0x00000073;
        ecall.cause = 11;
        ecall.nextPc = 0x800;
        ours.add(ecall);
        ours.add(retire(0x800, 6, 3));
        Path spike = dir.resolve("spike.log");
        StringBuilder log = new StringBuilder();
        for (TraceRecord r : ours) {
            if (r.kind == RetireBuffer.KIND_RETIRE) {
                log.append(String.format("core   0: 3 0x%08x (0x%08x) x%-2d 0x%08x%n", r.pc, r.insn, r.rdAddr, r.rdWdata)
                        .replace(" x0  0x00000000", ""));
            }
        }
        Files.writeString(spike, log.toString());
        try (TraceSource b = TraceSource.open(spike)) {
            TraceDiff.Result r = TraceDiff.compare(new ListSource("ours", ours), b, TraceDiff.Options.defaults());
            assertEquals(10, r.divergence().index());
            assertTrue(r.divergence().hint().contains("--ignore trap"), r.divergence().hint());
        }
        try (TraceSource b = TraceSource.open(spike)) {
            TraceDiff.Result r = TraceDiff.compare(new ListSource("ours", ours), b,
                    options(EnumSet.of(TraceDiff.Field.TRAP), false));
            assertTrue(r.same(), () -> TraceDiffReport.text(r, 60));
            assertEquals(11, r.matched());
        }
    }

    @Test
    void skipAndStartPcDropPrefixes() {
        List<TraceRecord> a = program(99);
        List<TraceRecord> b = new ArrayList<>(List.of(retire(0x1000, 5, 0), retire(0x1004, 5, 1)));
        b.addAll(program(99));
        assertEquals(0, diff(a, b, TraceDiff.Options.defaults()).divergence().index());
        TraceDiff.Result start = diff(a, b, new TraceDiff.Options(Set.of(), false, 0, 0x100, 8, 2));
        assertTrue(start.same());
        assertEquals(10, start.matched());
        TraceDiff.Result skip = diff(a.subList(2, 10), b, new TraceDiff.Options(Set.of(), false, 0, null, 8, 2));
        assertFalse(skip.same());
        TraceDiff.Result both = diff(a, a, new TraceDiff.Options(Set.of(), false, 4, null, 8, 2));
        assertEquals(6, both.matched());
    }

    @Test
    void badInputNamesTheFileAndTheMatchesSoFar() throws IOException {
        Path bad = dir.resolve("bad.log");
        Files.writeString(bad, "core   0: 3 0x00000100 (0x00000513) x10 0x00000000\ncore   0: 3 0x00000104 (0x0000zz13)\n");
        try (TraceSource b = TraceSource.open(bad)) {
            TandemException e = assertThrows(TandemException.class,
                    () -> TraceDiff.compare(new ListSource("a", program(99)), b, TraceDiff.Options.defaults()));
            assertEquals(bad + ":2: expected a hex number, got '0x0000zz13' (after 1 matching records)", e.getMessage());
        }
        assertEquals("unknown field 'bogus' for --ignore; fields: pc,npc,insn,priv,rd,mem,csr,trap,interrupt",
                assertThrows(TandemException.class, () -> TraceDiff.Field.parseList("rd,bogus")).getMessage());
    }
}
