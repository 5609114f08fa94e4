package tandem.trace;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import tandem.golden.retire.EncodedRetireListener;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.golden.retire.TraceFormat;

/**
 * Writes the retire stream as a compact binary trace. It is a {@link RetireListener}: add it to
 * a hart and every record is copied, field by field, into a fixed 1 MiB buffer that is written
 * out when full, so it allocates nothing per record and memory stays bounded. Optionally the
 * whole file is gzip-compressed (fastest level). {@link TraceReader} reads it back.
 *
 * <h2>Format (version 1, little-endian)</h2>
 * File header: the 4 bytes {@code TDTR}, u16 version (1), u16 flags (0).
 * Then one record per retire, trap or interrupt. A record starts with byte {@code h0}:
 * <ul>
 * <li>bits 1:0 kind: 0 retire, 1 trap, 2 interrupt, 3 end of trace;</li>
 * <li>bit 2: a register write follows (u8 rd, u32 value);</li>
 * <li>bit 3: a memory access follows (see below);</li>
 * <li>bit 4: CSR writes follow (u8 count, then count × (u16 address, u32 value));</li>
 * <li>bit 5: u32 pc follows; otherwise pc is the previous record's next pc;</li>
 * <li>bit 6: u32 next pc follows; otherwise next pc is pc + instruction length;</li>
 * <li>bit 7: a second header byte {@code h1} follows: bit 0, u64 order follows (otherwise
 *     the previous order + 1, starting at 0); bit 1, u8 privilege follows (before in bits 1:0,
 *     after in bits 5:4; otherwise both equal the previous record's privilege after, starting at 3).</li>
 * </ul>
 * Fields come in this order: h0, [h1], [order], [privilege], [pc], instruction (u16 low half, plus
 * u16 high half when the low two bits are 11), [next pc], for traps and interrupts u32 cause,
 * u32 tval and u8 MMU failure (the golden model's {@code TranslationFailure} ordinal + 1, 0 when
 * none), [rd], [memory], [CSR writes]. Memory: u8 flags (bit 0 read, bit 1 write, bit 2 the
 * physical address differs), u8 width, u32 virtual address, [u32 physical address],
 * [u32 data read], [u32 data written]. The end record (kind 3) carries the u64 record count;
 * a file without it was cut short.
 *
 * <p>The hart's compiled code appends plain retires to the buffer itself
 * ({@link EncodedRetireListener}), in exactly the encoding {@link #retired} gives them.
 */
public final class TraceWriter implements EncodedRetireListener, Closeable {

    /** The first four bytes of every binary trace. */
    static final byte[] MAGIC = {'T', 'D', 'T', 'R'};
    /** Format version written. */
    static final int VERSION = 1;
    /** Largest record in bytes: header bytes, order, priv, pc, insn, next pc, trap, rd, memory, 8 CSR writes. */
    static final int MAX_RECORD = 2 + 8 + 1 + 4 + 4 + 4 + 9 + 5 + 18 + 1 + 6 * RetireBuffer.MAX_CSR_WRITES;

    static final int KIND_END = 3;
    static final int H_RD = TraceFormat.H_RD;
    static final int H_MEM = TraceFormat.H_MEM;
    static final int H_CSR = TraceFormat.H_CSR;
    static final int H_PC = TraceFormat.H_PC;
    static final int H_NEXT = TraceFormat.H_NEXT;
    static final int H_EXT = TraceFormat.H_EXT;
    static final int X_ORDER = 1;
    static final int X_PRIV = 1 << 1;
    static final int M_PADDR = TraceFormat.M_PADDR;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 20];
    private int pos;
    private long records;
    private long nextOrder;
    private int lastNextPc = 1;
    private int lastPriv = 3;
    private boolean closed;

    /** Writes to {@code out} (closed with this writer) and writes the file header. */
    public TraceWriter(OutputStream out) {
        this.out = out;
        System.arraycopy(MAGIC, 0, buf, 0, 4);
        SHORT.set(buf, 4, (short) VERSION);
        SHORT.set(buf, 6, (short) 0);
        pos = 8;
    }

    /** Creates (or replaces) {@code file}, gzip-compressed when {@code gzip} is set. */
    public static TraceWriter open(Path file, boolean gzip) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (gzip) {
            os = new GZIPOutputStream(new BufferedOutputStream(os, 1 << 16), 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
        return new TraceWriter(os);
    }

    /** Number of records written so far. */
    public long records() {
        return records;
    }

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        // Fast path for the common record (a retire with the expected order and privilege and no
        // CSR write): the common fields are stored unconditionally and the write position is
        // advanced by 0 or their size, because data-dependent branches (compressed or not,
        // register written or not, jump or not) mispredict often and cost more than the stores.
        byte[] a = buf;
        int p = pos;
        int lastNext = lastNextPc;
        for (int slot = from, end = from + count; slot < end; slot++) {
            if (p > a.length - MAX_RECORD) {
                pos = p;
                drain();
                p = 0;
            }
            long order = b.order(slot);
            int kind = b.kind(slot);
            int privBefore = b.privBefore(slot);
            int privAfter = b.privAfter(slot);
            int csrCount = b.csrCount(slot);
            if ((order ^ nextOrder) != 0 || (kind | csrCount | (privBefore ^ lastPriv) | (privAfter ^ privBefore)) != 0) {
                lastNextPc = lastNext;
                p = writeGeneral(b, slot, a, p);
                lastNext = lastNextPc;
                continue;
            }
            int pc = b.pc(slot);
            int insn = b.insn(slot);
            int nextPc = b.nextPc(slot);
            int rd = b.rdAddr(slot);
            int memFlags = b.memFlags(slot);
            int len = 2 + 2 * (((insn & 3) + 1) >>> 2);
            int hasRd = (rd | -rd) >>> 31;
            int pcJump = ((pc - lastNext) | (lastNext - pc)) >>> 31;
            int nextJump = ((nextPc - pc - len) | (pc + len - nextPc)) >>> 31;
            int hasMem = (memFlags | -memFlags) >>> 31;
            a[p++] = (byte) (hasRd << 2 | hasMem << 3 | pcJump << 5 | nextJump << 6);
            INT.set(a, p, pc);
            p += pcJump << 2;
            INT.set(a, p, insn);
            p += len;
            INT.set(a, p, nextPc);
            p += nextJump << 2;
            a[p] = (byte) rd;
            INT.set(a, p + 1, b.rdWdata(slot));
            p += hasRd * 5;
            if (memFlags != 0) {
                p = writeMem(b, slot, memFlags, a, p);
            }
            lastNext = nextPc;
            nextOrder = order + 1;
        }
        pos = p;
        lastNextPc = lastNext;
        records += count;
    }

    /** Any record, with every optional part; updates the delta state. */
    private int writeGeneral(RetireBuffer b, int slot, byte[] a, int p) {
        int kind = b.kind(slot);
        int pc = b.pc(slot);
        int insn = b.insn(slot);
        int len = (insn & 3) == 3 ? 4 : 2;
        int nextPc = b.nextPc(slot);
        long order = b.order(slot);
        int privBefore = b.privBefore(slot);
        int privAfter = b.privAfter(slot);
        int rd = b.rdAddr(slot);
        int memFlags = b.memFlags(slot);
        int csrCount = b.csrCount(slot);
        int h0 = kind;
        if (rd != 0) {
            h0 |= H_RD;
        }
        if (memFlags != 0) {
            h0 |= H_MEM;
        }
        if (csrCount != 0) {
            h0 |= H_CSR;
        }
        if (pc != lastNextPc) {
            h0 |= H_PC;
        }
        if (nextPc != pc + len) {
            h0 |= H_NEXT;
        }
        int h1 = (order != nextOrder ? X_ORDER : 0) | (privBefore != lastPriv || privAfter != privBefore ? X_PRIV : 0);
        if (h1 != 0) {
            a[p++] = (byte) (h0 | H_EXT);
            a[p++] = (byte) h1;
            if ((h1 & X_ORDER) != 0) {
                LONG.set(a, p, order);
                p += 8;
            }
            if ((h1 & X_PRIV) != 0) {
                a[p++] = (byte) (privBefore | privAfter << 4);
            }
        } else {
            a[p++] = (byte) h0;
        }
        if ((h0 & H_PC) != 0) {
            INT.set(a, p, pc);
            p += 4;
        }
        INT.set(a, p, insn);
        p += len;
        if ((h0 & H_NEXT) != 0) {
            INT.set(a, p, nextPc);
            p += 4;
        }
        if (kind != RetireBuffer.KIND_RETIRE) {
            INT.set(a, p, b.cause(slot));
            INT.set(a, p + 4, b.tval(slot));
            a[p + 8] = (byte) b.mmuFailure(slot);
            p += 9;
        }
        if (rd != 0) {
            a[p] = (byte) rd;
            INT.set(a, p + 1, b.rdWdata(slot));
            p += 5;
        }
        if (memFlags != 0) {
            p = writeMem(b, slot, memFlags, a, p);
        }
        if (csrCount != 0) {
            a[p++] = (byte) csrCount;
            for (int i = 0; i < csrCount; i++) {
                SHORT.set(a, p, (short) b.csrAddr(slot, i));
                INT.set(a, p + 2, b.csrValue(slot, i));
                p += 6;
            }
        }
        lastNextPc = nextPc;
        lastPriv = privAfter;
        nextOrder = order + 1;
        return p;
    }

    private static int writeMem(RetireBuffer b, int slot, int memFlags, byte[] a, int p) {
        int vaddr = b.memVaddr(slot);
        int paddr = b.memPaddr(slot);
        int mf = memFlags & 3;
        if (paddr != vaddr) {
            mf |= M_PADDR;
        }
        a[p] = (byte) mf;
        a[p + 1] = (byte) b.memWidth(slot);
        INT.set(a, p + 2, vaddr);
        p += 6;
        if ((mf & M_PADDR) != 0) {
            INT.set(a, p, paddr);
            p += 4;
        }
        if ((mf & RetireBuffer.MEM_READ) != 0) {
            INT.set(a, p, b.memRdata(slot));
            p += 4;
        }
        if ((mf & RetireBuffer.MEM_WRITE) != 0) {
            INT.set(a, p, b.memWdata(slot));
            p += 4;
        }
        return p;
    }

    @Override
    public byte[] buffer() {
        return buf;
    }

    @Override
    public int position() {
        return pos;
    }

    @Override
    public boolean continues(long order, int pc, int priv) {
        return order == nextOrder && pc == lastNextPc && priv == lastPriv;
    }

    @Override
    public void appended(int position, long count, int nextPc) {
        pos = position;
        records += count;
        nextOrder += count;
        lastNextPc = nextPc;
    }

    @Override
    public void drain() {
        try {
            out.write(buf, 0, pos);
        } catch (IOException e) {
            throw new UncheckedIOException("writing trace: " + e.getMessage(), e);
        }
        pos = 0;
    }

    /** Writes what is buffered to the underlying stream (the trace is still open). */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Writes the end record and closes the file. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (pos > buf.length - 16) {
                drain();
            }
            buf[pos++] = (byte) KIND_END;
            LONG.set(buf, pos, records);
            pos += 8;
            drain();
        } finally {
            out.close();
        }
    }
}
