package tandem.report.coverage;

import tandem.golden.bus.Bus;
import tandem.golden.csr.Csr;
import tandem.golden.csr.Mstatus;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.isa.Compressed;
import tandem.golden.isa.Decoder;
import tandem.golden.isa.Opcode;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Walk;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.golden.trap.Cause;
import tandem.report.model.Coverage;
import tandem.report.model.CoverageDimension;

/**
 * Counts coverage from the retire stream: mnemonics executed (compressed ones under their
 * 32-bit twin), CSRs read by CSR instructions (csrrw/csrrwi only when rd is not x0, as the spec
 * says) and CSRs written by anything, exception and interrupt causes, privilege changes, and
 * MMU faults.
 *
 * <p>The retire record says a page fault happened, not why; when the collector is
 * {@linkplain #watching(Hart) watching a hart} it walks the faulting address again with the
 * hart's walker to find the failed check. That walk uses the page tables and satp of the moment
 * the batch is delivered: exact when the hart is stepped one instruction at a time (as the
 * vector runner does), and when satp changed in between the fault is counted as
 * {@code <access> unclassified}.
 */
public final class CoverageCollector implements RetireListener {

    private final Coverage coverage = new Coverage();
    private final Decoder decoder;
    private final String[] csrNames = new String[4096];
    private Hart hart;

    /** A collector decoding with {@code profile}'s instruction set and CSR names. */
    public CoverageCollector(Profile profile) {
        this.decoder = new Decoder(profile.extensions());
        for (Csr c : new Hart(profile, new Bus()).csrs().all()) {
            csrNames[c.address()] = c.name();
        }
    }

    /** Classifies page faults by walking them again on {@code h}; returns this collector. */
    public CoverageCollector watching(Hart h) {
        this.hart = h;
        return this;
    }

    /** The counts so far (live; merge or copy it to keep a snapshot). */
    public Coverage coverage() {
        return coverage;
    }

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        for (int s = from; s < from + count; s++) {
            byte kind = b.kind(s);
            int insn = b.insn(s);
            if (kind != RetireBuffer.KIND_INTERRUPT && insn != 0) {
                instruction(b, s, kind, insn);
            }
            for (int i = 0; i < b.csrCount(s); i++) {
                coverage.add(CoverageDimension.CSRS_WRITTEN, csrName(b.csrAddr(s, i)), 1);
            }
            if (kind != RetireBuffer.KIND_RETIRE) {
                Cause c = Cause.ofXcause(b.cause(s));
                String name = c == null ? String.format("cause-0x%08x", b.cause(s)) : IsaCoverageUniverse.causeName(c);
                coverage.add(kind == RetireBuffer.KIND_INTERRUPT ? CoverageDimension.INTERRUPTS
                        : CoverageDimension.EXCEPTIONS, name, 1);
                if (c != null && kind == RetireBuffer.KIND_TRAP) {
                    mmu(b, s, c);
                }
            }
            if (b.privBefore(s) != b.privAfter(s)) {
                coverage.add(CoverageDimension.PRIVILEGE_TRANSITIONS,
                        priv(b.privBefore(s)) + ">" + priv(b.privAfter(s)), 1);
            }
        }
    }

    private void instruction(RetireBuffer b, int s, byte kind, int insn) {
        int bits = (insn & 3) == 3 ? insn : Compressed.expand(insn);
        Opcode op = bits == Compressed.ILLEGAL ? null : decoder.decode(bits);
        if (op == null) {
            return;
        }
        coverage.add(CoverageDimension.INSTRUCTIONS, op.mnemonic(), 1);
        if (kind == RetireBuffer.KIND_RETIRE) {
            boolean csrInsn = switch (op) {
                case CSRRW, CSRRWI -> Decoder.rd(op, bits) != 0;
                case CSRRS, CSRRC, CSRRSI, CSRRCI -> true;
                default -> false;
            };
            if (csrInsn) {
                coverage.add(CoverageDimension.CSRS_READ, csrName(bits >>> 20), 1);
            }
        }
    }

    private void mmu(RetireBuffer b, int s, Cause c) {
        Access access = switch (c) {
            case INSTRUCTION_PAGE_FAULT -> Access.FETCH;
            case LOAD_PAGE_FAULT -> Access.LOAD;
            case STORE_PAGE_FAULT -> Access.STORE;
            default -> null;
        };
        if (access == null) {
            return;
        }
        String kind = null;
        if (hart != null) {
            Walk w = new Walk();
            int status = hart.mstatus();
            hart.walker().translate(hart.satp(), b.tval(s), access, b.privBefore(s), (status & Mstatus.SUM) != 0,
                    (status & Mstatus.MXR) != 0, w);
            if (w.failure != null) {
                kind = IsaCoverageUniverse.mmuFault(access, w.failure);
            }
        }
        coverage.add(CoverageDimension.MMU_FAULTS,
                kind != null ? kind : access.name().toLowerCase(java.util.Locale.ROOT) + " unclassified", 1);
    }

    private String csrName(int addr) {
        String n = csrNames[addr & 0xFFF];
        return n != null ? n : String.format("csr-0x%03x", addr & 0xFFF);
    }

    private static String priv(int p) {
        return switch (p) {
            case 3 -> "M";
            case 1 -> "S";
            case 0 -> "U";
            default -> Integer.toString(p);
        };
    }
}
