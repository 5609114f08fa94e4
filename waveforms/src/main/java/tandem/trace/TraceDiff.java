package tandem.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tandem.golden.TandemException;
import tandem.golden.isa.Disassembler;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.retire.RetireBuffer;

/**
 * Finds the first divergence between two retire streams. Records are paired by position and
 * compared field by field, but only on the fields both sources recorded (a Spike log has no
 * next pc, an RVFI dump no trap cause); order numbers are never compared.
 *
 * <p>Options: ignore fields ({@link Field}; ignoring {@code trap} or {@code interrupt} drops those
 * records from both streams, which lines our traces up with Spike commit logs that have no trap
 * records); skip a prefix of both streams ({@code skip}) or start each stream at the first record
 * with a given pc ({@code startPc}); and align interrupts.
 *
 * <p>Interrupt alignment: an interrupt arrives asynchronously, so two correct runs may take it a
 * few instructions apart. With {@code alignInterrupts}, each stream is split into its main line
 * and its interrupt excursions: an excursion is the interrupt record and the records after it up
 * to and including the first whose next pc is the interrupted pc (the handler's return). Main
 * lines are compared record by record; the k-th excursion of one stream is compared with the
 * k-th of the other, ignoring the interrupted pc, the xEPC write of the interrupt record and the
 * next pc of the return, which depend on where the interrupt landed. A handler that has not
 * returned within {@value #MAX_EXCURSION} records (a context switch) is compared in place.
 */
public final class TraceDiff {

    /** A field group that {@code --ignore} can name. */
    public enum Field {
        /** Instruction address. */
        PC,
        /** Address after the instruction. */
        NPC,
        /** Instruction bits. */
        INSN,
        /** Privilege before and after. */
        PRIV,
        /** Register write. */
        RD,
        /** Memory access: kind, address, width, data. */
        MEM,
        /** CSR writes. */
        CSR,
        /** Trap records (dropped from both streams) and trap cause/tval. */
        TRAP,
        /** Interrupt records (dropped from both streams). */
        INTERRUPT;

        /** The name used on the command line. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a comma-separated list such as {@code csr,mem}. */
        public static Set<Field> parseList(String list) {
            Set<Field> out = EnumSet.noneOf(Field.class);
            for (String part : list.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    out.add(valueOf(p.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new TandemException("unknown field '" + p + "' for --ignore; fields: "
                            + String.join(",", Arrays.stream(values()).map(Field::key).toList()));
                }
            }
            return out;
        }
    }

    /**
     * How to compare.
     *
     * @param ignore          field groups not compared
     * @param alignInterrupts compare interrupt excursions apart from the main line
     * @param skip            records dropped from the start of both streams
     * @param startPc         when not null, each stream starts at its first record with this pc
     * @param window          matching record pairs shown before the divergence
     * @param after           record pairs shown after it
     */
    public record Options(Set<Field> ignore, boolean alignInterrupts, long skip, Integer startPc, int window, int after) {

        /** Compare everything, window of 8 before and 2 after. */
        public static Options defaults() {
            return new Options(EnumSet.noneOf(Field.class), false, 0, null, 8, 2);
        }
    }

    /**
     * The first divergence.
     *
     * @param index       position of the diverging pair among the pairs compared (from 0)
     * @param a           record of the first stream, null when it had ended
     * @param b           record of the second stream, null when it had ended
     * @param differences one line per differing field, e.g. {@code rd: x10 0x00000005 vs x10 0x00000006}
     * @param before      matching pairs before it, oldest first
     * @param after       pairs after it (either side may be null)
     * @param hint        a suggestion for the user, or empty
     */
    public record Divergence(long index, TraceRecord a, TraceRecord b, List<String> differences,
            List<TraceRecord[]> before, List<TraceRecord[]> after, String hint) {
    }

    /**
     * Outcome of a comparison.
     *
     * @param nameA      first stream's file
     * @param nameB      second stream's file
     * @param matched    pairs that matched before the divergence (or in total)
     * @param divergence the first divergence, or null when the streams match
     */
    public record Result(String nameA, String nameB, long matched, Divergence divergence) {

        /** True when no divergence was found. */
        public boolean same() {
            return divergence == null;
        }
    }

    /** Excursions one side may hold while waiting for the other side's. */
    private static final int MAX_PENDING_EXCURSIONS = 4096;
    /** Longest interrupt excursion aligned; a handler that runs longer is compared in place. */
    static final int MAX_EXCURSION = 1 << 16;

    private TraceDiff() {
    }

    /** Compares {@code a} and {@code b} to the first divergence. */
    public static Result compare(TraceSource a, TraceSource b, Options options) {
        Side sa = new Side(a, options);
        Side sb = new Side(b, options);
        Deque<TraceRecord[]> history = new ArrayDeque<>();
        long matched = 0;
        try {
            sa.start();
            sb.start();
            while (true) {
                TraceRecord ra = sa.nextMain();
                TraceRecord rb = sb.nextMain();
                if (ra == null && rb == null) {
                    break;
                }
                List<String> diffs = differences(ra, rb, options.ignore(), sa.name, sb.name);
                if (!diffs.isEmpty()) {
                    return diverged(sa, sb, matched, ra, rb, diffs, history, options);
                }
                remember(history, ra, rb, options.window());
                matched++;
                while (!sa.excursions.isEmpty() && !sb.excursions.isEmpty()) {
                    List<TraceRecord> xa = sa.excursions.poll();
                    List<TraceRecord> xb = sb.excursions.poll();
                    for (int i = 0; i < Math.max(xa.size(), xb.size()); i++) {
                        TraceRecord ea = i < xa.size() ? xa.get(i) : null;
                        TraceRecord eb = i < xb.size() ? xb.get(i) : null;
                        List<String> d = excursionDifferences(ea, eb, i, i == xa.size() - 1, i == xb.size() - 1,
                                options.ignore(), sa.name, sb.name);
                        if (!d.isEmpty()) {
                            return diverged(sa, sb, matched, ea, eb, d, history, options);
                        }
                        remember(history, ea, eb, options.window());
                        matched++;
                    }
                }
                if (sa.excursions.size() > MAX_PENDING_EXCURSIONS || sb.excursions.size() > MAX_PENDING_EXCURSIONS) {
                    Side more = sa.excursions.size() > sb.excursions.size() ? sa : sb;
                    TraceRecord first = more.excursions.peek().get(0);
                    return diverged(sa, sb, matched, more == sa ? first : null, more == sb ? first : null,
                            List.of("interrupts: " + more.name + " took " + more.excursions.size()
                                    + " interrupts the other stream has not taken"), history, options);
                }
            }
            if (!sa.excursions.isEmpty() || !sb.excursions.isEmpty()) {
                Side more = sa.excursions.isEmpty() ? sb : sa;
                TraceRecord first = more.excursions.peek().get(0);
                return diverged(sa, sb, matched, more == sa ? first : null, more == sb ? first : null,
                        List.of("interrupt: cause " + hex(first.cause) + " taken only in " + more.name),
                        history, options);
            }
            return new Result(sa.name, sb.name, matched, null);
        } catch (TandemException e) {
            throw new TandemException(e.getMessage() + " (after " + matched + " matching records)", e);
        }
    }

    private static void remember(Deque<TraceRecord[]> history, TraceRecord a, TraceRecord b, int window) {
        if (window <= 0) {
            return;
        }
        if (history.size() == window) {
            history.pollFirst();
        }
        history.addLast(new TraceRecord[] {a == null ? null : a.copy(), b == null ? null : b.copy()});
    }

    private static Result diverged(Side sa, Side sb, long matched, TraceRecord ra, TraceRecord rb, List<String> diffs,
            Deque<TraceRecord[]> history, Options options) {
        TraceRecord ca = ra == null ? null : ra.copy();
        TraceRecord cb = rb == null ? null : rb.copy();
        List<TraceRecord[]> after = new ArrayList<>();
        for (int i = 0; i < options.after(); i++) {
            TraceRecord na = sa.nextMainQuietly();
            TraceRecord nb = sb.nextMainQuietly();
            if (na == null && nb == null) {
                break;
            }
            after.add(new TraceRecord[] {na, nb});
        }
        String hint = "";
        if ((ca != null && ca.kind == RetireBuffer.KIND_TRAP && (cb == null || cb.kind == RetireBuffer.KIND_RETIRE))
                || (cb != null && cb.kind == RetireBuffer.KIND_TRAP && (ca == null || ca.kind == RetireBuffer.KIND_RETIRE))) {
            hint = "one stream has a trap record where the other has none (Spike's commit log lists no traps): try --ignore trap";
        } else if ((ca != null && ca.kind == RetireBuffer.KIND_INTERRUPT) || (cb != null && cb.kind == RetireBuffer.KIND_INTERRUPT)) {
            hint = options.alignInterrupts() ? "" : "an interrupt is taken at different places: try --align-interrupts";
        }
        return new Result(sa.name, sb.name, matched,
                new Divergence(matched, ca, cb, diffs, new ArrayList<>(history), after, hint));
    }

    /** The differing fields of a pair; empty when they match. */
    static List<String> differences(TraceRecord a, TraceRecord b, Set<Field> ignore, String nameA, String nameB) {
        List<String> d = new ArrayList<>();
        if (a == null || b == null) {
            TraceRecord left = a == null ? b : a;
            d.add("end: " + (a == null ? nameA : nameB) + " ended; the other goes on at pc "
                    + hex(left.pc));
            return d;
        }
        if (a.kind != b.kind) {
            d.add("kind: " + kind(a.kind) + " vs " + kind(b.kind));
        }
        if (!ignore.contains(Field.PC) && both(a, b, TraceRecord.PC) && a.pc != b.pc) {
            d.add("pc: " + hex(a.pc) + " vs " + hex(b.pc));
        }
        if (!ignore.contains(Field.INSN) && both(a, b, TraceRecord.INSN) && a.insn != b.insn) {
            d.add("insn: " + insn(a) + " vs " + insn(b));
        }
        if (!ignore.contains(Field.NPC) && both(a, b, TraceRecord.NEXT_PC) && a.nextPc != b.nextPc) {
            d.add("npc: " + hex(a.nextPc) + " vs " + hex(b.nextPc));
        }
        if (!ignore.contains(Field.PRIV)) {
            if (both(a, b, TraceRecord.PRIV) && a.privBefore != b.privBefore) {
                d.add("priv: " + a.privBefore + " vs " + b.privBefore);
            }
            if (both(a, b, TraceRecord.PRIV_AFTER) && a.privAfter != b.privAfter) {
                d.add("priv after: " + a.privAfter + " vs " + b.privAfter);
            }
        }
        if (!ignore.contains(Field.RD) && both(a, b, TraceRecord.RD)
                && (a.rdAddr != b.rdAddr || a.rdWdata != b.rdWdata)) {
            d.add("rd: " + rd(a) + " vs " + rd(b));
        }
        if (!ignore.contains(Field.MEM) && both(a, b, TraceRecord.MEM)) {
            String ma = mem(a, b);
            String mb = mem(b, a);
            if (!ma.equals(mb)) {
                d.add("mem: " + ma + " vs " + mb);
            }
        }
        if (!ignore.contains(Field.CSR) && both(a, b, TraceRecord.CSR)) {
            String ca = csrs(a);
            String cb = csrs(b);
            if (!ca.equals(cb)) {
                d.add("csr: " + ca + " vs " + cb);
            }
        }
        if (!ignore.contains(Field.TRAP) && a.kind != RetireBuffer.KIND_RETIRE && a.kind == b.kind) {
            if (both(a, b, TraceRecord.CAUSE) && a.cause != b.cause) {
                d.add("cause: " + hex(a.cause) + " vs " + hex(b.cause));
            }
            if (both(a, b, TraceRecord.TVAL) && a.tval != b.tval) {
                d.add("tval: " + hex(a.tval) + " vs " + hex(b.tval));
            }
            if (both(a, b, TraceRecord.MMU_FAILURE) && a.mmuFailure != b.mmuFailure) {
                d.add("mmu failure: " + mmuFailure(a.mmuFailure) + " vs " + mmuFailure(b.mmuFailure));
            }
        }
        return d;
    }

    /** Like {@link #differences}, leaving out what depends on where the interrupt landed. */
    private static List<String> excursionDifferences(TraceRecord a, TraceRecord b, int i, boolean lastA, boolean lastB,
            Set<Field> ignore, String nameA, String nameB) {
        if (a == null || b == null) {
            TraceRecord left = a == null ? b : a;
            return List.of("interrupt handler: " + (a == null ? nameA : nameB) + "'s returned earlier; the other goes on at pc "
                    + hex(left.pc));
        }
        TraceRecord ca = a.copy();
        TraceRecord cb = b.copy();
        if (i == 0) {
            cb.pc = ca.pc;
            dropCsr(ca, 0x341);
            dropCsr(ca, 0x141);
            dropCsr(cb, 0x341);
            dropCsr(cb, 0x141);
        }
        if (lastA && lastB) {
            cb.nextPc = ca.nextPc;
        }
        return differences(ca, cb, ignore, nameA, nameB);
    }

    private static void dropCsr(TraceRecord r, int addr) {
        int k = 0;
        for (int i = 0; i < r.csrCount; i++) {
            if (r.csrAddr[i] != addr) {
                r.csrAddr[k] = r.csrAddr[i];
                r.csrValue[k] = r.csrValue[i];
                k++;
            }
        }
        r.csrCount = k;
    }

    private static String mmuFailure(int ordinalPlusOne) {
        TranslationFailure[] all = TranslationFailure.values();
        return ordinalPlusOne > 0 && ordinalPlusOne <= all.length ? all[ordinalPlusOne - 1].name() : "none";
    }

    private static boolean both(TraceRecord a, TraceRecord b, int flag) {
        return a.has(flag) && b.has(flag);
    }

    private static String kind(int k) {
        return k == RetireBuffer.KIND_RETIRE ? "retire" : k == RetireBuffer.KIND_TRAP ? "trap" : "interrupt";
    }

    private static String insn(TraceRecord r) {
        String bits = r.insnLength() == 4 ? hex(r.insn) : String.format("0x%04x", r.insn & 0xFFFF);
        return bits + " (" + Disassembler.disassemble(r.insn, r.pc) + ")";
    }

    private static String rd(TraceRecord r) {
        return r.rdAddr == 0 ? "no write" : "x" + r.rdAddr + "(" + Disassembler.register(r.rdAddr) + ") " + hex(r.rdWdata);
    }

    /** Memory access of {@code r}, showing only what both records know. */
    private static String mem(TraceRecord r, TraceRecord other) {
        if (r.memFlags == 0) {
            return "no access";
        }
        StringBuilder sb = new StringBuilder();
        boolean read = (r.memFlags & RetireBuffer.MEM_READ) != 0;
        boolean write = (r.memFlags & RetireBuffer.MEM_WRITE) != 0;
        sb.append(read && write ? "amo" : read ? "load" : "store");
        if (both(r, other, TraceRecord.MEM_WIDTH)) {
            sb.append(" ").append(r.memWidth).append("B");
        }
        sb.append(" @").append(hex(r.memVaddr));
        if (both(r, other, TraceRecord.MEM_PADDR)) {
            sb.append(" pa ").append(hex(r.memPaddr));
        }
        if (read && both(r, other, TraceRecord.MEM_RDATA)) {
            sb.append(" read ").append(hex(r.memRdata));
        }
        if (write && both(r, other, TraceRecord.MEM_WDATA)) {
            sb.append(" wrote ").append(hex(r.memWdata));
        }
        return sb.toString();
    }

    private static String csrs(TraceRecord r) {
        List<String> writes = new ArrayList<>();
        for (int i = 0; i < r.csrCount; i++) {
            String n = Disassembler.csrName(r.csrAddr[i]);
            writes.add((n == null ? "0x" + Integer.toHexString(r.csrAddr[i]) : n) + "=" + hex(r.csrValue[i]));
        }
        writes.sort(null);
        return writes.isEmpty() ? "none" : String.join(" ", writes);
    }

    private static String hex(int v) {
        return String.format("0x%08x", v);
    }

    /** One input stream: filtering, skipping and splitting off interrupt excursions. */
    private static final class Side {
        final TraceSource source;
        final String name;
        final Options options;
        final TraceRecord scratch = new TraceRecord();
        final Deque<List<TraceRecord>> excursions = new ArrayDeque<>();
        boolean ended;
        TraceRecord pushBack;
        final Deque<TraceRecord> replay = new ArrayDeque<>();
        TraceRecord unaligned;

        Side(TraceSource source, Options options) {
            this.source = source;
            this.name = source.name();
            this.options = options;
        }

        void start() {
            for (long i = 0; i < options.skip(); i++) {
                if (read() == null) {
                    return;
                }
            }
            if (options.startPc() != null) {
                TraceRecord r;
                while ((r = read()) != null) {
                    if (r.pc == options.startPc()) {
                        pushBack = r.copy();
                        return;
                    }
                }
            }
        }

        /** The next record after filtering, or null at the end (a copy only when kept). */
        TraceRecord read() {
            if (pushBack != null) {
                TraceRecord r = pushBack;
                pushBack = null;
                return r;
            }
            if (!replay.isEmpty()) {
                return replay.poll();
            }
            while (!ended) {
                if (!source.next(scratch)) {
                    ended = true;
                    return null;
                }
                if (scratch.kind == RetireBuffer.KIND_TRAP && options.ignore().contains(Field.TRAP)) {
                    continue;
                }
                if (scratch.kind == RetireBuffer.KIND_INTERRUPT && options.ignore().contains(Field.INTERRUPT)) {
                    continue;
                }
                return scratch;
            }
            return null;
        }

        TraceRecord nextMain() {
            while (true) {
                TraceRecord r = read();
                if (r == null) {
                    return null;
                }
                if (!options.alignInterrupts() || r.kind != RetireBuffer.KIND_INTERRUPT || r == unaligned) {
                    return r;
                }
                List<TraceRecord> excursion = new ArrayList<>();
                TraceRecord interrupt = r.copy();
                excursion.add(interrupt);
                TraceRecord e;
                boolean returned = false;
                while (excursion.size() < MAX_EXCURSION && (e = read()) != null) {
                    excursion.add(e.copy());
                    if (e.has(TraceRecord.NEXT_PC) && e.nextPc == interrupt.pc) {
                        returned = true;
                        break;
                    }
                }
                if (!returned && excursion.size() == MAX_EXCURSION) {
                    // The handler does not come back (a context switch, say): compare this
                    // interrupt in place, so memory stays bounded.
                    unaligned = interrupt;
                    replay.addAll(excursion);
                    continue;
                }
                excursions.add(excursion);
            }
        }

        /** Like {@link #nextMain} for the window after a divergence: bad input just ends it. */
        TraceRecord nextMainQuietly() {
            try {
                TraceRecord r = nextMain();
                return r == null ? null : r.copy();
            } catch (TandemException e) {
                return null;
            }
        }
    }
}
