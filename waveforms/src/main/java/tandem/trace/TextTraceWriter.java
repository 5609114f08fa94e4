package tandem.trace;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import tandem.golden.isa.Disassembler;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;

/**
 * Writes the retire stream as text, one line per retire, trap or interrupt, in the style of
 * Spike's {@code --log-commits} log with the disassembly added:
 *
 * <pre>
 * # tandem text trace v1
 * core   0: 3 0x80000000 (0x00000297) auipc t0,0x0                    x5  0x80000000
 * core   0: 3 0x80000004 (0x4501) li a0,0                              x10 0x00000000
 * core   0: 3 0x80000006 (0x0002a303) lw t1,0(t0)                      x6  0x12345678 mem 0x80001000 rdata 0x12345678
 * core   0: 3 0x8000000a (0x0062a023) sw t1,0(t0)                      mem 0x80001000 0x12345678
 * core   0: 3 0x8000000e (0x30529073) csrw mtvec,t0                    c773_mtvec 0x80000100
 * core   0: 3 0x80000012 (0x00000073) ecall                            trap 0x0000000b tval 0x00000000 c833_mepc 0x80000012 -> 3 0x80000100
 * core   0: 3 0x80000020 (0x00000013)                                  interrupt 0x80000007 tval 0x00000000 -> 3 0x80000100
 * </pre>
 *
 * After {@code core 0:} come the privilege before the instruction (0 U, 1 S, 3 M), the pc, the
 * instruction bits (4 hex digits when compressed) and the disassembly ({@link Disassembler}),
 * then the effects, each a keyword and values:
 * <ul>
 * <li>{@code xN value}: register write (Spike's spelling);</li>
 * <li>{@code cN_name value}: CSR write, N the decimal CSR number (Spike's spelling);</li>
 * <li>{@code mem addr value}: store of the value's width (Spike's spelling); {@code mem addr
 *     rdata value}: load; an AMO has both; then {@code pa addr}, the physical address, when it
 *     differs from the virtual one;</li>
 * <li>{@code trap cause tval value} or {@code interrupt cause tval value}: the record is an
 *     exception or an interrupt taken at this pc; a trap caused by a failed Sv32 translation
 *     adds {@code mmu FAILURE} (a {@code TranslationFailure} name such as {@code INVALID});</li>
 * <li>{@code -> priv nextpc}: privilege and pc afterwards, written only when the pc does not
 *     simply move past the instruction or the privilege changes.</li>
 * </ul>
 * {@link CommitLogReader} reads it back (and reads Spike's own logs).
 */
public final class TextTraceWriter implements RetireListener, Closeable {

    /** First line of every Tandem text trace. */
    public static final String HEADER = "# tandem text trace v1";

    private static final int DISASM_COLUMN = 64;
    private static final TranslationFailure[] FAILURES = TranslationFailure.values();

    private final Writer out;
    private final TraceRecord scratch = new TraceRecord();
    private final StringBuilder line = new StringBuilder(200);

    /** Writes to {@code out} (closed with this writer), starting with the header line. */
    public TextTraceWriter(Writer out) {
        this.out = out;
        try {
            out.write(HEADER);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing text trace: " + e.getMessage(), e);
        }
    }

    /** Creates (or replaces) {@code file}, gzip-compressed when its name ends in {@code .gz}. */
    public static TextTraceWriter open(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new TextTraceWriter(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.US_ASCII), 1 << 16));
    }

    @Override
    public void retired(RetireBuffer buffer, int from, int count) {
        for (int slot = from; slot < from + count; slot++) {
            scratch.copyFrom(buffer, slot);
            write(scratch);
        }
    }

    /** Writes one record. */
    public void write(TraceRecord r) {
        line.setLength(0);
        append(line, r, r.kind == RetireBuffer.KIND_INTERRUPT ? "" : Disassembler.disassemble(r.insn, r.pc), true);
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("writing text trace: " + e.getMessage(), e);
        }
    }

    /** One line for {@code r} without its line break; {@code disasm} may be null to leave it out. */
    public static String format(TraceRecord r, String disasm) {
        StringBuilder sb = new StringBuilder(160);
        append(sb, r, disasm, true);
        return sb.toString();
    }

    /**
     * The record on one short line for reports and diff windows: without the {@code core 0:}
     * prefix and without padding after the disassembly, e.g.
     * {@code 3 0x80000000 (0x00000297) auipc t0,0x0 | x5  0x80000000}.
     */
    public static String formatCompact(TraceRecord r) {
        StringBuilder sb = new StringBuilder(120);
        String disasm = r.kind == RetireBuffer.KIND_INTERRUPT || !r.has(TraceRecord.INSN) ? ""
                : Disassembler.disassemble(r.insn, r.pc);
        append(sb, r, disasm, false);
        return sb.substring(CORE.length());
    }

    private static final String CORE = "core   0: ";

    /** Appends the line; fields the record does not know (from other tools' traces) are left out or shown as ?. */
    private static void append(StringBuilder sb, TraceRecord r, String disasm, boolean pad) {
        int start = sb.length();
        sb.append(CORE).append(r.has(TraceRecord.PRIV) ? Integer.toString(r.privBefore) : "?").append(' ');
        hex(sb, r.pc, 8);
        if (r.has(TraceRecord.INSN)) {
            sb.append(" (");
            hex(sb, r.insn, r.insnLength() == 4 ? 8 : 4);
            sb.append(')');
        } else {
            sb.append(" (?)");
        }
        if (disasm != null) {
            if (!disasm.isEmpty() && r.has(TraceRecord.INSN)) {
                sb.append(' ').append(disasm);
            }
            if (pad) {
                sb.append(" ".repeat(Math.max(0, start + DISASM_COLUMN - 1 - sb.length())));
            } else {
                sb.append(" |");
            }
        }
        if (r.kind != RetireBuffer.KIND_RETIRE) {
            sb.append(r.kind == RetireBuffer.KIND_TRAP ? " trap " : " interrupt ");
            if (r.has(TraceRecord.CAUSE)) {
                hex(sb, r.cause, 8);
            } else {
                sb.append('?');
            }
            if (r.has(TraceRecord.TVAL)) {
                sb.append(" tval ");
                hex(sb, r.tval, 8);
            }
            if (r.mmuFailure > 0 && r.mmuFailure <= FAILURES.length && r.has(TraceRecord.MMU_FAILURE)) {
                sb.append(" mmu ").append(FAILURES[r.mmuFailure - 1].name());
            }
        }
        if (r.rdAddr != 0) {
            sb.append(" x").append(r.rdAddr).append(r.rdAddr < 10 ? "  " : " ");
            hex(sb, r.rdWdata, 8);
        }
        for (int i = 0; i < r.csrCount; i++) {
            String name = Disassembler.csrName(r.csrAddr[i]);
            sb.append(" c").append(r.csrAddr[i]).append('_').append(name == null ? "unknown" : name).append(' ');
            hex(sb, r.csrValue[i], 8);
        }
        int digits = r.has(TraceRecord.MEM_WIDTH) ? r.memWidth * 2 : 8;
        if ((r.memFlags & RetireBuffer.MEM_READ) != 0) {
            sb.append(" mem ");
            hex(sb, r.memVaddr, 8);
            if (r.has(TraceRecord.MEM_RDATA)) {
                sb.append(" rdata ");
                hex(sb, r.memRdata, digits);
            }
        }
        if ((r.memFlags & RetireBuffer.MEM_WRITE) != 0) {
            sb.append(" mem ");
            hex(sb, r.memVaddr, 8);
            if (r.has(TraceRecord.MEM_WDATA)) {
                sb.append(' ');
                hex(sb, r.memWdata, digits);
            }
        }
        if (r.memFlags != 0 && r.has(TraceRecord.MEM_PADDR) && r.memPaddr != r.memVaddr) {
            sb.append(" pa ");
            hex(sb, r.memPaddr, 8);
        }
        boolean sequential = r.nextPc == r.pc + r.insnLength() && r.kind == RetireBuffer.KIND_RETIRE;
        boolean privChange = r.has(TraceRecord.PRIV_AFTER) && r.privAfter != r.privBefore;
        if (r.has(TraceRecord.NEXT_PC) && (!sequential || privChange)) {
            sb.append(" -> ").append(r.has(TraceRecord.PRIV_AFTER) ? Integer.toString(r.privAfter) : "?").append(' ');
            hex(sb, r.nextPc, 8);
        }
    }

    private static void hex(StringBuilder sb, int v, int digits) {
        sb.append("0x");
        for (int d = digits - 1; d >= 0; d--) {
            sb.append(Character.forDigit((v >>> (4 * d)) & 0xF, 16));
        }
    }

    /** Flushes buffered lines. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
