package tandem.golden.hart;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tandem.golden.TandemException;
import tandem.golden.isa.Extension;

/**
 * The ISA and CSR set of a CPU, chosen at start-up. A hart is its profile's list of
 * extensions and CSR groups; nothing on the instruction loop asks which profile it runs.
 *
 * @param name the profile's name on the command line
 * @param extensions instruction extensions decoded
 * @param csrGroups CSR groups installed
 * @param misa reset value of misa
 * @param misaWritable whether misa's extension bits take writes (Baochip-1x)
 * @param mvendorid value of mvendorid
 * @param marchid value of marchid
 * @param mimpid value of mimpid
 * @param mhartid value of mhartid
 * @param resetMtvec mtvec after reset
 * @param irqLatency cycles from an interrupt-array line changing to the pending CSRs and
 *        MEIP/SEIP seeing it (the RTL's register stages)
 * @param accessedDirtyFaults whether Sv32 faults on A=0 and on a store with D=0 (upstream
 *        VexRiscv) or ignores A and D (the older MmuPlugin of the Baochip-1x core)
 * @param traps how trap entry and CSR access depart from the spec's defaults
 */
public record Profile(String name, Set<Extension> extensions, Set<CsrGroup> csrGroups, int misa,
                      boolean misaWritable, int mvendorid, int marchid, int mimpid, int mhartid, int resetMtvec,
                      int irqLatency, boolean accessedDirtyFaults, TrapRules traps) {

    /**
     * Trap and CSR-access rules that differ between cores.
     *
     * @param vectoredTvec whether xtvec mode 1 sends interrupts to base + 4 × cause; without it
     *        xtvec keeps both mode bits as written but every trap goes to base (Baochip-1x)
     * @param medelegWritable the medeleg bits that take writes
     * @param readOnlyCsrWritesDropped whether a CSR instruction that reads a read-only CSR is legal
     *        and its write part dropped, only {@code csrrw/csrrwi} with rd = x0 trapping
     *        (Baochip-1x's CsrPlugin), instead of every write attempt trapping (the spec)
     */
    public record TrapRules(boolean vectoredTvec, int medelegWritable, boolean readOnlyCsrWritesDropped) {
        /** The spec's rules: vectored xtvec, every synchronous exception but ECALL-from-M delegable, writes to read-only CSRs trap. */
        public static final TrapRules SPEC = new TrapRules(true, 0xB3FF, false);
    }

    /** CSR groups a profile may install. */
    public enum CsrGroup {
        /** Machine trap setup and handling, ids, misa. */
        MACHINE,
        /** Supervisor trap setup and handling, and the delegation CSRs. */
        SUPERVISOR,
        /** satp: Sv32 translation. */
        SV32,
        /** cycle/instret and their machine counterparts with high halves. */
        COUNTERS,
        /** time/timeh. */
        TIME,
        /** VexRiscv's external interrupt array: 0xBC0, 0xFC0, 0x9C0, 0xDC0. */
        IRQ_ARRAY,
        /** Baochip-1x's read-only 0xCC0. */
        BAOCHIP_INFO
    }

    private static final int MISA_IMACSU = 0x4000_0000 | 1 | (1 << 2) | (1 << 8) | (1 << 12) | (1 << 18) | (1 << 20);

    /** VexRiscv as Xous-class SoCs configure it: RV32IMAC + Zicsr + Zifencei, M/S/U, Sv32, IRQ array. */
    public static final Profile VEXRISCV = new Profile("vexriscv",
            EnumSet.of(Extension.I, Extension.M, Extension.A, Extension.C, Extension.ZICSR,
                    Extension.ZIFENCEI, Extension.PRIV, Extension.VEX_FLUSH),
            EnumSet.allOf(CsrGroup.class).stream().filter(g -> g != CsrGroup.BAOCHIP_INFO)
                    .collect(() -> EnumSet.noneOf(CsrGroup.class), Set::add, Set::addAll),
            MISA_IMACSU, false, 0, 0, 0, 0, 0, 0, true, TrapRules.SPEC);

    /** SpinalHDL's RiscvCore as CI runs it: RV32IM, no C, no CSRs. */
    public static final Profile RV32IM = new Profile("rv32im",
            EnumSet.of(Extension.I, Extension.M), EnumSet.noneOf(CsrGroup.class),
            0x4000_0000 | (1 << 8) | (1 << 12), false, 0, 0, 0, 0, 0, 0, true, TrapRules.SPEC);

    /**
     * The Baochip-1x CPU exactly as its taped-out RTL (VexRiscvAxi4) has it: RV32IMAC with the
     * scalar AES instructions, misa reading 0x4000_0000 with writable extension bits, ids
     * 1/2/3/0, the read-only 0xCC0, the IRQ array behind two register stages, reset mtvec
     * 0x6000_0000, no time/timeh, counter-enable, envcfg, configptr or PMP CSRs, an MMU
     * that ignores the PTE A and D bits (its MmuPlugin predates the A/D faults), and its
     * CsrPlugin's trap rules: no vectored xtvec, breakpoints not delegable (medeleg 0xB3F7),
     * reads of read-only CSRs legal with their write part dropped.
     */
    public static final Profile BAOCHIP_1X = new Profile("baochip-1x",
            EnumSet.of(Extension.I, Extension.M, Extension.A, Extension.C, Extension.ZICSR,
                    Extension.ZIFENCEI, Extension.PRIV, Extension.VEX_FLUSH, Extension.ZKN_AES),
            EnumSet.of(CsrGroup.MACHINE, CsrGroup.SUPERVISOR, CsrGroup.SV32, CsrGroup.COUNTERS,
                    CsrGroup.IRQ_ARRAY, CsrGroup.BAOCHIP_INFO),
            0x4000_0000, true, 1, 2, 3, 0, 0x6000_0000, 2, false, new TrapRules(false, 0xB3F7, true));

    /** Profiles by name, the default first. */
    public static final List<Profile> ALL = List.of(VEXRISCV, RV32IM, BAOCHIP_1X);

    /** Copies the sets so a profile is immutable. */
    public Profile {
        extensions = Collections.unmodifiableSet(EnumSet.copyOf(extensions));
        csrGroups = csrGroups.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(CsrGroup.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(csrGroups));
    }

    /** This profile with a different interrupt-array latency (standalone runs matching an RTL). */
    public Profile withIrqLatency(int cycles) {
        return new Profile(name, extensions, csrGroups, misa, misaWritable, mvendorid, marchid, mimpid, mhartid,
                resetMtvec, cycles, accessedDirtyFaults, traps);
    }

    /** Whether the profile decodes {@code ext}. */
    public boolean has(Extension ext) {
        return extensions.contains(ext);
    }

    /** Whether the profile installs {@code group}. */
    public boolean has(CsrGroup group) {
        return csrGroups.contains(group);
    }

    /** The profile called {@code name}. */
    public static Profile named(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Profile p : ALL) {
            if (p.name.equals(n)) {
                return p;
            }
        }
        throw new TandemException("unknown CPU profile '" + name + "' (known: "
                + String.join(", ", ALL.stream().map(Profile::name).toList()) + ")");
    }
}
