package tandem.golden.csr;

import java.util.Collection;
import java.util.Collections;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import tandem.golden.trap.Cause;
import tandem.golden.trap.Trap;

/**
 * The CSRs a profile implements, keyed by address. Extensions register their own CSRs
 * ({@link #define}); the CSR instructions go through {@link #access}, which applies the
 * spec's privilege and read-only rules and raises illegal-instruction otherwise.
 */
public final class CsrFile {
    private final Csr[] byAddress = new Csr[4096];
    private final TreeMap<Integer, Csr> defined = new TreeMap<>();

    /** Registers a CSR; {@code writer} null makes it read-only. */
    public void define(int address, String name, IntSupplier reader, IntConsumer writer) {
        if (byAddress[address] != null) {
            throw new IllegalStateException(String.format("CSR 0x%03x defined twice", address));
        }
        Csr csr = new Csr(address, name, reader, writer);
        byAddress[address] = csr;
        defined.put(address, csr);
    }

    /** The CSR at {@code address}, or {@code null} when the profile lacks it. */
    public Csr get(int address) {
        return byAddress[address & 0xFFF];
    }

    /** Every implemented CSR in address order. */
    public Collection<Csr> all() {
        return Collections.unmodifiableCollection(defined.values());
    }

    /** Reads a CSR with no privilege check (tools, tests, reports). */
    public int read(int address) {
        Csr csr = get(address);
        if (csr == null) {
            throw new IllegalArgumentException(String.format("no CSR 0x%03x in this profile", address));
        }
        return csr.read();
    }

    /** Writes a CSR with no privilege check, through its WARL rules (tools, tests, loaders). */
    public void write(int address, int value) {
        Csr csr = get(address);
        if (csr == null || csr.writer() == null) {
            throw new IllegalArgumentException(String.format("CSR 0x%03x is not writable in this profile", address));
        }
        csr.writer().accept(value);
    }

    /**
     * Checks that a CSR instruction may touch {@code address} at {@code priv}, and returns the
     * CSR. Raises illegal-instruction (tval = the instruction, as VexRiscv reports it) for a
     * missing CSR, too low a privilege, or a write to a read-only CSR.
     */
    public Csr access(int address, int priv, boolean writes, int insn) {
        Csr csr = byAddress[address];
        if (csr == null || priv < Csrs.minPrivilege(address) || (writes && csr.readOnly())) {
            throw new Trap(Cause.ILLEGAL_INSTRUCTION, insn);
        }
        return csr;
    }
}
