package tandem.report.coverage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tandem.golden.bus.Bus;
import tandem.golden.csr.Csr;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.isa.Opcode;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.trap.Cause;
import tandem.report.model.CoverageDimension;
import tandem.report.model.CoverageUniverse;

/**
 * The full coverage sets of a golden-model profile, taken from the model's own tables: every
 * {@link Opcode} row the profile enables, every CSR its CSR file defines, every {@link Cause},
 * the six privilege changes between M, S and U, and each Sv32 {@link TranslationFailure} with
 * the accesses it can happen to.
 */
public final class IsaCoverageUniverse {

    private IsaCoverageUniverse() {
    }

    /** The universe of {@code profile}. */
    public static CoverageUniverse of(Profile profile) {
        Map<CoverageDimension, List<String>> items = new EnumMap<>(CoverageDimension.class);
        List<String> insns = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            if (profile.has(op.extension())) {
                insns.add(op.mnemonic());
            }
        }
        items.put(CoverageDimension.INSTRUCTIONS, insns);
        List<String> csrs = new ArrayList<>();
        // The CSR file is built by the hart from the profile; a hart on an empty bus is the way to list it.
        for (Csr c : new Hart(profile, new Bus()).csrs().all()) {
            csrs.add(c.name());
        }
        items.put(CoverageDimension.CSRS_READ, csrs);
        items.put(CoverageDimension.CSRS_WRITTEN, csrs);
        List<String> exceptions = new ArrayList<>();
        List<String> interrupts = new ArrayList<>();
        for (Cause c : Cause.values()) {
            (c.isInterrupt() ? interrupts : exceptions).add(causeName(c));
        }
        items.put(CoverageDimension.EXCEPTIONS, exceptions);
        items.put(CoverageDimension.INTERRUPTS, interrupts);
        boolean supervisor = !csrs.isEmpty() && csrs.contains("satp");
        items.put(CoverageDimension.PRIVILEGE_TRANSITIONS, csrs.isEmpty() ? List.of()
                : supervisor ? List.of("M>S", "M>U", "S>M", "S>U", "U>M", "U>S") : List.of("M>U", "U>M"));
        List<String> mmu = new ArrayList<>();
        if (supervisor) {
            for (TranslationFailure f : TranslationFailure.values()) {
                for (Access a : Access.values()) {
                    if (possible(f, a)) {
                        mmu.add(mmuFault(a, f));
                    }
                }
            }
        }
        items.put(CoverageDimension.MMU_FAULTS, mmu);
        return new CoverageUniverse(items);
    }

    /** The spelling of a cause in coverage and vectors: {@code load-page-fault}. */
    public static String causeName(Cause c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The spelling of an MMU fault kind: {@code store dirty-clear}. */
    public static String mmuFault(Access a, TranslationFailure f) {
        return a.name().toLowerCase(Locale.ROOT) + " " + f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean possible(TranslationFailure f, Access a) {
        return switch (f) {
            case SUPERVISOR_FETCH_FROM_USER_PAGE, NOT_EXECUTABLE -> a == Access.FETCH;
            case SUPERVISOR_ACCESS_TO_USER_PAGE -> a != Access.FETCH;
            case NOT_READABLE -> a == Access.LOAD;
            case NOT_WRITABLE, DIRTY_CLEAR -> a == Access.STORE;
            default -> true;
        };
    }
}
