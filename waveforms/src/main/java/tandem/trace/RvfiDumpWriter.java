package tandem.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import tandem.golden.isa.Disassembler;
import tandem.golden.retire.RetireBuffer;

/**
 * Writes records as an RVFI dump that {@link RvfiDumpReader} reads back: one line of
 * {@code key=value} pairs per record, only for the fields the record knows. Memory accesses are
 * written at their exact address with the masks starting at lane 0; traps and interrupts use the
 * Tandem additions ({@code kind}, {@code cause}, {@code tval}, {@code mmu_failure}), and a
 * privilege change {@code mode_after}. A CSR written twice by one record keeps its final value
 * (RVFI has one per CSR). For tools that want to hand the DUT's retires to
 * {@code tandem diff}.
 */
public final class RvfiDumpWriter implements Closeable {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    /** Writes to {@code out}, which this writer closes. */
    public RvfiDumpWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record. */
    public void write(TraceRecord r) {
        line.setLength(0);
        if (r.has(TraceRecord.ORDER)) {
            line.append("order=").append(r.order).append(' ');
        }
        if (r.has(TraceRecord.PC)) {
            hex("pc_rdata", r.pc);
        }
        if (r.has(TraceRecord.NEXT_PC)) {
            hex("pc_wdata", r.nextPc);
        }
        if (r.has(TraceRecord.INSN)) {
            hex("insn", r.insnLength() == 4 ? r.insn : r.insn & 0xFFFF);
        }
        if (r.has(TraceRecord.PRIV)) {
            line.append("mode=").append(r.privBefore).append(' ');
        }
        if (r.has(TraceRecord.PRIV_AFTER) && (!r.has(TraceRecord.PRIV) || r.privAfter != r.privBefore)) {
            line.append("mode_after=").append(r.privAfter).append(' ');
        }
        if (r.has(TraceRecord.RD)) {
            line.append("rd_addr=").append(r.rdAddr).append(' ');
            if (r.rdAddr != 0) {
                hex("rd_wdata", r.rdWdata);
            }
        }
        if (r.has(TraceRecord.MEM)) {
            int lanes = r.memFlags == 0 ? 0 : r.has(TraceRecord.MEM_WIDTH) ? (1 << r.memWidth) - 1 : 0xF;
            if (r.memFlags != 0) {
                hex("mem_addr", r.memVaddr);
            }
            boolean read = (r.memFlags & RetireBuffer.MEM_READ) != 0;
            boolean write = (r.memFlags & RetireBuffer.MEM_WRITE) != 0;
            line.append("mem_rmask=").append(read ? lanes : 0).append(' ');
            line.append("mem_wmask=").append(write ? lanes : 0).append(' ');
            if (read) {
                hex("mem_rdata", r.memRdata);
            }
            if (write) {
                hex("mem_wdata", r.memWdata);
            }
            if (r.memFlags != 0 && r.has(TraceRecord.MEM_PADDR) && r.memPaddr != r.memVaddr) {
                hex("mem_paddr", r.memPaddr);
            }
        }
        if (r.kind != RetireBuffer.KIND_RETIRE) {
            line.append("kind=").append(r.kind == RetireBuffer.KIND_TRAP ? "trap" : "interrupt").append(' ');
            if (r.has(TraceRecord.CAUSE)) {
                hex("cause", r.cause);
            }
            if (r.has(TraceRecord.TVAL)) {
                hex("tval", r.tval);
            }
            if (r.has(TraceRecord.MMU_FAILURE)) {
                line.append("mmu_failure=").append(r.mmuFailure).append(' ');
            }
        }
        if (r.has(TraceRecord.CSR)) {
            for (int i = 0; i < r.csrCount; i++) {
                if (writtenAgainLater(r, i)) {
                    continue;
                }
                String name = Disassembler.csrName(r.csrAddr[i]);
                String key = "csr_" + (name != null ? name : "0x" + Integer.toHexString(r.csrAddr[i]));
                line.append(key).append("_wmask=0xffffffff ");
                hex(key + "_wdata", r.csrValue[i]);
            }
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == ' ') {
            line.setLength(end - 1);
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("writing RVFI dump: " + e.getMessage(), e);
        }
    }

    /** RVFI has one value per CSR: a CSR written twice shows its final value. */
    private static boolean writtenAgainLater(TraceRecord r, int i) {
        for (int k = i + 1; k < r.csrCount; k++) {
            if (r.csrAddr[k] == r.csrAddr[i]) {
                return true;
            }
        }
        return false;
    }

    private void hex(String key, int value) {
        line.append(key).append("=0x").append(Integer.toHexString(value)).append(' ');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
