package tandem.golden.hart;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import tandem.golden.retire.EncodedRetireListener;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.TraceFormat;

/**
 * A test listener that turns every record into one line of text, whether it arrives through
 * the retire buffer or as plain retires encoded by compiled code (decoded here with the
 * format's rules), so a compiled run's stream can be compared with an interpreted run's.
 */
final class TraceDecoder implements EncodedRetireListener {
    final List<String> lines = new ArrayList<>();
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private long nextOrder;
    private int lastNextPc = 1;
    private int lastPriv = 3;
    long appendedRecords;

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        for (int s = from; s < from + count; s++) {
            StringBuilder csr = new StringBuilder();
            for (int i = 0; i < b.csrCount(s); i++) {
                csr.append(String.format(" %03x=%08x", b.csrAddr(s, i), b.csrValue(s, i)));
            }
            int mem = b.memFlags(s);
            lines.add(line(b.order(s), b.kind(s), b.pc(s), b.nextPc(s), b.insn(s), b.privBefore(s), b.privAfter(s),
                    b.rdAddr(s), b.rdWdata(s), mem, mem == 0 ? 0 : b.memWidth(s), mem == 0 ? 0 : b.memVaddr(s),
                    mem == 0 ? 0 : b.memPaddr(s), (mem & RetireBuffer.MEM_READ) != 0 ? b.memRdata(s) : 0,
                    (mem & RetireBuffer.MEM_WRITE) != 0 ? b.memWdata(s) : 0)
                    + " cause " + Integer.toHexString(b.cause(s)) + " tval " + Integer.toHexString(b.tval(s))
                    + " mmu " + b.mmuFailure(s) + csr);
            nextOrder = b.order(s) + 1;
            lastNextPc = b.nextPc(s);
            lastPriv = b.privAfter(s);
        }
    }

    private static String line(long order, int kind, int pc, int next, int insn, int privBefore, int privAfter,
            int rd, int value, int mem, int width, int va, int pa, int rdata, int wdata) {
        return order + " k" + kind + " pc " + Integer.toHexString(pc) + " next " + Integer.toHexString(next)
                + " insn " + Integer.toHexString(insn) + " priv " + privBefore + ">" + privAfter + " x" + rd + "="
                + Integer.toHexString(value) + " mem " + mem + "/" + width + " " + Integer.toHexString(va) + " "
                + Integer.toHexString(pa) + " r" + Integer.toHexString(rdata) + " w" + Integer.toHexString(wdata);
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
    public void drain() {
        pos = 0;
    }

    @Override
    public boolean continues(long order, int pc, int priv) {
        return order == nextOrder && pc == lastNextPc && priv == lastPriv;
    }

    @Override
    public void appended(int position, long count, int nextPc) {
        ByteBuffer in = ByteBuffer.wrap(buf, pos, position - pos).order(ByteOrder.LITTLE_ENDIAN);
        for (long n = 0; n < count; n++) {
            int h0 = in.get() & 0xFF;
            if ((h0 & (3 | TraceFormat.H_CSR | TraceFormat.H_PC | TraceFormat.H_EXT)) != 0) {
                throw new AssertionError("not a plain retire: h0 " + Integer.toHexString(h0));
            }
            int pc = lastNextPc;
            int insn = in.getShort() & 0xFFFF;
            if ((insn & 3) == 3) {
                insn |= (in.getShort() & 0xFFFF) << 16;
            }
            int length = (insn & 3) == 3 ? 4 : 2;
            int next = (h0 & TraceFormat.H_NEXT) != 0 ? in.getInt() : pc + length;
            int rd = 0;
            int value = 0;
            if ((h0 & TraceFormat.H_RD) != 0) {
                rd = in.get();
                value = in.getInt();
            }
            int mem = 0;
            int width = 0;
            int va = 0;
            int pa = 0;
            int rdata = 0;
            int wdata = 0;
            if ((h0 & TraceFormat.H_MEM) != 0) {
                int flags = in.get();
                mem = flags & 3;
                width = in.get();
                va = in.getInt();
                pa = (flags & TraceFormat.M_PADDR) != 0 ? in.getInt() : va;
                rdata = (flags & RetireBuffer.MEM_READ) != 0 ? in.getInt() : 0;
                wdata = (flags & RetireBuffer.MEM_WRITE) != 0 ? in.getInt() : 0;
            }
            lines.add(line(nextOrder, 0, pc, next, insn, lastPriv, lastPriv, rd, value, mem, width, va, pa, rdata, wdata)
                    + " cause 0 tval 0 mmu 0");
            nextOrder++;
            lastNextPc = next;
        }
        if (in.hasRemaining() || lastNextPc != nextPc) {
            throw new AssertionError("appended records end at " + in.position() + " of " + position
                    + ", next pc " + Integer.toHexString(lastNextPc) + " vs " + Integer.toHexString(nextPc));
        }
        pos = position;
        appendedRecords += count;
    }
}
