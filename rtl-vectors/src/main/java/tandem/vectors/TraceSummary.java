package tandem.vectors;

import java.util.HexFormat;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;

/**
 * A fingerprint of a retire stream: how many instructions retired, how many traps and
 * interrupts were taken, and a 64-bit FNV-1a hash over every record's architectural effects
 * (pc, next pc, instruction, privilege, register write, memory access, cause, tval). Two runs
 * with the same summary took the same path with the same effects. Written
 * {@code retires=N traps=K hash=0123456789abcdef}.
 */
public final class TraceSummary implements RetireListener {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long retires;
    private long traps;
    private long hash = FNV_OFFSET;

    /** An empty summary; attach it to a hart to fill it. */
    public TraceSummary() {
    }

    private TraceSummary(long retires, long traps, long hash) {
        this.retires = retires;
        this.traps = traps;
        this.hash = hash;
    }

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        for (int s = from; s < from + count; s++) {
            if (b.kind(s) == RetireBuffer.KIND_RETIRE) {
                retires++;
            } else {
                traps++;
            }
            mix(b.kind(s));
            mix(b.pc(s));
            mix(b.nextPc(s));
            mix(b.insn(s));
            mix(b.privAfter(s));
            mix(b.rdAddr(s));
            mix(b.rdWdata(s));
            int mem = b.memFlags(s);
            mix(mem);
            if (mem != 0) {
                mix(b.memPaddr(s));
                mix(b.memWidth(s));
                mix((mem & RetireBuffer.MEM_READ) != 0 ? b.memRdata(s) : 0);
                mix((mem & RetireBuffer.MEM_WRITE) != 0 ? b.memWdata(s) : 0);
            }
            mix(b.cause(s));
            mix(b.tval(s));
        }
    }

    private void mix(int v) {
        for (int i = 0; i < 4; i++) {
            hash ^= (v >>> (8 * i)) & 0xFF;
            hash *= FNV_PRIME;
        }
    }

    /** Instructions retired. */
    public long retires() {
        return retires;
    }

    /** Traps and interrupts taken. */
    public long traps() {
        return traps;
    }

    /** The hash. */
    public long hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "retires=" + retires + " traps=" + traps + " hash=" + HexFormat.of().toHexDigits(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceSummary t && t.retires == retires && t.traps == traps && t.hash == hash;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }

    /** Parses the {@link #toString()} form. */
    static TraceSummary parse(String text) throws CellException {
        long r = -1;
        long t = -1;
        Long h = null;
        for (String item : text.strip().split("\\s+")) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? item : item.substring(0, eq);
            String val = eq < 0 ? "" : item.substring(eq + 1);
            try {
                switch (key) {
                    case "retires" -> r = Long.parseLong(val);
                    case "traps" -> t = Long.parseLong(val);
                    case "hash" -> {
                        if (val.length() != 16) {
                            throw new NumberFormatException();
                        }
                        h = Long.parseUnsignedLong(val, 16);
                    }
                    default -> throw new CellException("unknown trace field '" + key + "'");
                }
            } catch (NumberFormatException e) {
                throw new CellException("bad value in '" + item + "'");
            }
        }
        if (r < 0 || t < 0 || h == null) {
            throw new CellException("expected retires=N traps=K hash=<16 hex digits>, got '" + text.strip() + "'");
        }
        return new TraceSummary(r, t, h);
    }
}
