package tandem.trace;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import tandem.golden.TandemException;
import tandem.golden.retire.RetireBuffer;

/**
 * Reads a binary trace written by {@link TraceWriter}, one record at a time through a fixed
 * buffer. Every field is known. A file that stops inside a record, or ends without the end
 * record, raises a {@link TandemException} naming the file, the record number and its byte
 * offset (in the uncompressed stream); the records before it were delivered.
 */
public final class TraceReader implements TraceSource {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final String name;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private long base;

    private long records;
    private long nextOrder;
    private int lastNextPc;
    private int lastPriv = 3;
    private boolean ended;

    /** Reads from {@code in} (already un-gzipped); {@code name} names it in messages. */
    public TraceReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
        fill();
        if (limit < 8 || buf[0] != TraceWriter.MAGIC[0] || buf[1] != TraceWriter.MAGIC[1]
                || buf[2] != TraceWriter.MAGIC[2] || buf[3] != TraceWriter.MAGIC[3]) {
            throw new TandemException(name + ": not a Tandem binary trace (no TDTR header)");
        }
        int version = (short) SHORT.get(buf, 4);
        if (version != TraceWriter.VERSION) {
            throw new TandemException(name + ": binary trace version " + version + " is not supported (expected "
                    + TraceWriter.VERSION + ")");
        }
        pos = 8;
    }

    @Override
    public String name() {
        return name;
    }

    /** Records read so far. */
    public long records() {
        return records;
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (!eof && limit < buf.length) {
            int n;
            try {
                n = in.read(buf, limit, buf.length - limit);
            } catch (IOException e) {
                throw new TandemException(name + ": read error at offset " + (base + limit) + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    @Override
    public boolean next(TraceRecord r) {
        if (ended) {
            return false;
        }
        if (limit - pos < TraceWriter.MAX_RECORD) {
            fill();
        }
        long start = base + pos;
        if (pos == limit) {
            throw new TandemException(name + ": truncated trace: ends after record " + records + " at offset "
                    + start + " without an end record");
        }
        byte[] a = buf;
        int p = pos;
        int h0 = a[p++] & 0xFF;
        int kind = h0 & 3;
        if (kind == TraceWriter.KIND_END) {
            need(p, 8, start);
            long count = (long) LONG.get(a, p);
            if (count != records) {
                throw corrupt(start, "end record counts " + count + " records, read " + records);
            }
            pos = p + 8;
            ended = true;
            return false;
        }
        int h1 = 0;
        if ((h0 & TraceWriter.H_EXT) != 0) {
            need(p, 1, start);
            h1 = a[p++] & 0xFF;
        }
        r.clear();
        r.known = TraceRecord.ALL;
        r.kind = (byte) kind;
        r.where = name + "@" + start;
        if ((h1 & TraceWriter.X_ORDER) != 0) {
            need(p, 8, start);
            r.order = (long) LONG.get(a, p);
            p += 8;
        } else {
            r.order = nextOrder;
        }
        if ((h1 & TraceWriter.X_PRIV) != 0) {
            need(p, 1, start);
            int pv = a[p++];
            r.privBefore = pv & 3;
            r.privAfter = (pv >> 4) & 3;
        } else {
            r.privBefore = lastPriv;
            r.privAfter = lastPriv;
        }
        if ((h0 & TraceWriter.H_PC) != 0) {
            need(p, 4, start);
            r.pc = (int) INT.get(a, p);
            p += 4;
        } else {
            if (records == 0) {
                throw corrupt(start, "first record has no pc");
            }
            r.pc = lastNextPc;
        }
        need(p, 2, start);
        int lo = (short) SHORT.get(a, p) & 0xFFFF;
        p += 2;
        if ((lo & 3) == 3) {
            need(p, 2, start);
            r.insn = lo | ((short) SHORT.get(a, p) & 0xFFFF) << 16;
            p += 2;
        } else {
            r.insn = lo;
        }
        if ((h0 & TraceWriter.H_NEXT) != 0) {
            need(p, 4, start);
            r.nextPc = (int) INT.get(a, p);
            p += 4;
        } else {
            r.nextPc = r.pc + r.insnLength();
        }
        if (kind != RetireBuffer.KIND_RETIRE) {
            need(p, 9, start);
            r.cause = (int) INT.get(a, p);
            r.tval = (int) INT.get(a, p + 4);
            r.mmuFailure = a[p + 8] & 0xFF;
            p += 9;
        }
        if ((h0 & TraceWriter.H_RD) != 0) {
            need(p, 5, start);
            r.rdAddr = a[p];
            r.rdWdata = (int) INT.get(a, p + 1);
            if (r.rdAddr <= 0 || r.rdAddr > 31) {
                throw corrupt(start, "register x" + r.rdAddr);
            }
            p += 5;
        }
        if ((h0 & TraceWriter.H_MEM) != 0) {
            need(p, 6, start);
            int mf = a[p];
            r.memFlags = mf & 3;
            r.memWidth = a[p + 1];
            r.memVaddr = (int) INT.get(a, p + 2);
            p += 6;
            if (r.memFlags == 0 || (r.memWidth != 1 && r.memWidth != 2 && r.memWidth != 4)) {
                throw corrupt(start, "memory access flags " + mf + " width " + r.memWidth);
            }
            if ((mf & TraceWriter.M_PADDR) != 0) {
                need(p, 4, start);
                r.memPaddr = (int) INT.get(a, p);
                p += 4;
            } else {
                r.memPaddr = r.memVaddr;
            }
            if ((mf & RetireBuffer.MEM_READ) != 0) {
                need(p, 4, start);
                r.memRdata = (int) INT.get(a, p);
                p += 4;
            }
            if ((mf & RetireBuffer.MEM_WRITE) != 0) {
                need(p, 4, start);
                r.memWdata = (int) INT.get(a, p);
                p += 4;
            }
        }
        if ((h0 & TraceWriter.H_CSR) != 0) {
            need(p, 1, start);
            int n = a[p++] & 0xFF;
            if (n == 0 || n > RetireBuffer.MAX_CSR_WRITES) {
                throw corrupt(start, n + " CSR writes");
            }
            need(p, 6 * n, start);
            for (int i = 0; i < n; i++) {
                r.addCsr((short) SHORT.get(a, p) & 0xFFF, (int) INT.get(a, p + 2));
                p += 6;
            }
        }
        pos = p;
        lastNextPc = r.nextPc;
        lastPriv = r.privAfter;
        nextOrder = r.order + 1;
        records++;
        return true;
    }

    private void need(int p, int n, long start) {
        if (p + n > limit) {
            throw new TandemException(name + ": truncated trace: record " + records + " at offset " + start
                    + " is cut short");
        }
    }

    private TandemException corrupt(long start, String what) {
        return new TandemException(name + ": corrupt trace: record " + records + " at offset " + start + ": " + what);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new TandemException(name + ": close failed: " + e.getMessage(), e);
        }
    }
}
