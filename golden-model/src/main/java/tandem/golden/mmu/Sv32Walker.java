package tandem.golden.mmu;

import tandem.golden.bus.Bus;
import tandem.golden.bus.BusError;
import tandem.golden.trap.Cause;

/**
 * Sv32 translation as VexRiscv's MmuPlugin does it, following the privileged spec's
 * "Virtual Address Translation Process" (section 4.3.2) step by step. The hart calls it on a
 * translation-cache miss; tools call it to ask "how does this VA translate in this satp, for
 * this access at this privilege, and why does it fault".
 *
 * <p>VexRiscv deviations from the spec's permitted choices are marked {@code VexRiscv:}.
 */
public final class Sv32Walker {
    /** satp.MODE: Sv32 translation on. */
    public static final int SATP_MODE_SV32 = 0x8000_0000;

    private final Bus bus;
    private final boolean accessedDirtyFaults;

    /** A walker reading page tables from {@code bus}, faulting on A=0 and on stores with D=0. */
    public Sv32Walker(Bus bus) {
        this(bus, true);
    }

    /**
     * A walker reading page tables from {@code bus}. VexRiscv: upstream MmuPlugin faults on A=0
     * and on a store with D=0 ({@code accessedDirtyFaults}); the older MmuPlugin in the
     * Baochip-1x core ignores A and D altogether (its generated Verilog has
     * {@code allowWrite <= pte_W} and no A check, confirmed in lockstep).
     */
    public Sv32Walker(Bus bus, boolean accessedDirtyFaults) {
        this.bus = bus;
        this.accessedDirtyFaults = accessedDirtyFaults;
    }

    /** Whether {@code satp} turns translation on (MODE = Sv32). */
    public static boolean enabled(int satp) {
        return (satp & SATP_MODE_SV32) != 0;
    }

    /**
     * Translates {@code va}.
     *
     * @param satp the satp value (MODE, ASID, PPN); with MODE = Bare the VA is the PA
     * @param va the virtual address
     * @param access fetch, load or store
     * @param priv effective privilege of the access (0 U, 1 S; M is never translated)
     * @param sum mstatus.SUM
     * @param mxr mstatus.MXR
     * @param walk receives the details; may be {@code null}
     * @return the 32-bit physical address (non-negative), or {@code -1 - failure.ordinal()}
     */
    public long translate(int satp, int va, Access access, int priv, boolean sum, boolean mxr, Walk walk) {
        return translate(satp, va, access, priv, priv, sum, mxr, walk);
    }

    /**
     * Translates {@code va} with the page tables of privilege {@code priv} but the U/SUM checks
     * of {@code checkPriv}. VexRiscv: an M-mode access with MPRV translates as MPP but checks
     * the U bit against the real privilege (M), so it never takes a U/SUM fault.
     */
    public long translate(int satp, int va, Access access, int priv, int checkPriv, boolean sum, boolean mxr,
                          Walk walk) {
        if (walk != null) {
            walk.level = -1;
            walk.failure = null;
        }
        if (!enabled(satp) || priv == 3) {
            return ok(walk, va & 0xFFFF_FFFFL);
        }
        // Step 1. VexRiscv: PPN bits above 32-bit physical addresses are dropped.
        long a = Pte.address(satp << 10) & 0xFFFF_FFFFL;
        int pte = 0;
        int level = 1;
        while (true) {
            // Step 2.
            long pteAddr = (a + (((va >>> (12 + 10 * level)) & 0x3FF) << 2)) & 0xFFFF_FFFFL;
            try {
                pte = bus.load(pteAddr, 4);
            } catch (BusError e) {
                return fail(walk, level, TranslationFailure.PTE_ACCESS_FAULT);
            }
            if (walk != null) {
                walk.pteAddress[level] = pteAddr;
                walk.pte[level] = pte;
                walk.level = level;
            }
            // Step 3.
            if ((pte & Pte.V) == 0) {
                return fail(walk, level, TranslationFailure.INVALID);
            }
            if ((pte & Pte.R) == 0 && (pte & Pte.W) != 0) {
                return fail(walk, level, TranslationFailure.WRITE_WITHOUT_READ);
            }
            // Step 4.
            if (Pte.isLeaf(pte)) {
                break;
            }
            if (level == 0) {
                return fail(walk, level, TranslationFailure.NO_LEAF);
            }
            level--;
            a = Pte.address(pte) & 0xFFFF_FFFFL;
        }
        // Step 5.
        TranslationFailure denied = permission(pte, access, checkPriv, sum, mxr);
        if (denied != null) {
            return fail(walk, level, denied);
        }
        // Step 6.
        if (level == 1 && ((pte >>> 10) & 0x3FF) != 0) {
            return fail(walk, level, TranslationFailure.MISALIGNED_SUPERPAGE);
        }
        // Step 7. VexRiscv: never updates A/D in hardware; upstream faults instead, Baochip-1x ignores them.
        if (accessedDirtyFaults && (pte & Pte.A) == 0) {
            return fail(walk, level, TranslationFailure.ACCESSED_CLEAR);
        }
        if (accessedDirtyFaults && access == Access.STORE && (pte & Pte.D) == 0) {
            return fail(walk, level, TranslationFailure.DIRTY_CLEAR);
        }
        // Step 8.
        long base = Pte.address(pte) & 0xFFFF_FFFFL;
        long offsetMask = level == 1 ? 0x3F_FFFFL : 0xFFFL;
        return ok(walk, (base & ~offsetMask) | (va & offsetMask));
    }

    private static TranslationFailure permission(int pte, Access access, int priv, boolean sum, boolean mxr) {
        boolean user = (pte & Pte.U) != 0;
        if (priv == 0 && !user) {
            return TranslationFailure.USER_ACCESS_TO_SUPERVISOR_PAGE;
        }
        // VexRiscv: SUM also lets S-mode fetch from a U page (the spec never allows it).
        if (priv == 1 && user && !sum) {
            return access == Access.FETCH ? TranslationFailure.SUPERVISOR_FETCH_FROM_USER_PAGE
                    : TranslationFailure.SUPERVISOR_ACCESS_TO_USER_PAGE;
        }
        switch (access) {
            case FETCH:
                return (pte & Pte.X) == 0 ? TranslationFailure.NOT_EXECUTABLE : null;
            case LOAD:
                boolean readable = (pte & Pte.R) != 0 || (mxr && (pte & Pte.X) != 0);
                return readable ? null : TranslationFailure.NOT_READABLE;
            default:
                return (pte & Pte.W) == 0 ? TranslationFailure.NOT_WRITABLE : null;
        }
    }

    private static long ok(Walk walk, long pa) {
        if (walk != null) {
            walk.physical = pa;
        }
        return pa;
    }

    private static long fail(Walk walk, int level, TranslationFailure why) {
        if (walk != null) {
            walk.level = level;
            walk.failure = why;
        }
        return -1 - why.ordinal();
    }

    /** The failure encoded in a negative result of {@link #translate}. */
    public static TranslationFailure failureOf(long result) {
        return TranslationFailure.values()[(int) (-1 - result)];
    }

    /**
     * The page-fault rule: the trap a failed translation raises for an access. A PTE that
     * cannot be read is an access fault (1/5/7); every other failure is a page fault
     * (12 fetch, 13 load, 15 store/AMO).
     */
    public static Cause cause(TranslationFailure failure, Access access) {
        boolean accessFault = failure == TranslationFailure.PTE_ACCESS_FAULT;
        switch (access) {
            case FETCH: return accessFault ? Cause.INSTRUCTION_ACCESS_FAULT : Cause.INSTRUCTION_PAGE_FAULT;
            case LOAD: return accessFault ? Cause.LOAD_ACCESS_FAULT : Cause.LOAD_PAGE_FAULT;
            default: return accessFault ? Cause.STORE_ACCESS_FAULT : Cause.STORE_PAGE_FAULT;
        }
    }
}
