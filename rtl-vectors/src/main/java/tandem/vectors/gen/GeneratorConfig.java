package tandem.vectors.gen;

/**
 * What a generated program contains. Each flag enables a kind of body unit; {@code units} is
 * how many units the body has. {@link #DEFAULT} enables everything.
 *
 * @param units      body units per program (each a few instructions)
 * @param compressed RVC instructions in the instruction mix
 * @param traps      synchronous exceptions: ecall, ebreak, illegal, misaligned, access faults
 * @param privilege  M to S and M to U switches (mret), illegal CSR access from lower privileges
 * @param mmu        Sv32 sections: page tables, satp switches, loads/stores/fetches through every
 *                   kind of leaf (valid, read-only, invalid, A=0, D=0, user, execute-only, W-only)
 * @param interrupts supervisor software interrupts raised through mip and taken in M-mode
 * @param atomics    AMOs and LR/SC on the data region
 * @param accessFaults among the traps, loads from unmapped addresses (access faults); leave them out for
 *                   lockstep, whose harness gives no bus error
 */
public record GeneratorConfig(int units, boolean compressed, boolean traps, boolean privilege, boolean mmu,
                              boolean interrupts, boolean atomics, boolean accessFaults) {

    /** 60 units, everything enabled. */
    public static final GeneratorConfig DEFAULT = new GeneratorConfig(60, true, true, true, true, true, true, true);
    /**
     * 60 units of RV32IM only, for SpinalHDL's RiscvCore: no compressed or atomic instructions
     * and no CSR access at all, so no trap handler either (nothing in such a program traps).
     */
    public static final GeneratorConfig RV32IM = new GeneratorConfig(60, false, false, false, false, false, false, false);

    /** Checks the unit count. */
    public GeneratorConfig {
        if (units < 1 || units > 400) {
            throw new IllegalArgumentException("units must be 1..400, got " + units);
        }
    }

    /** This configuration with {@code n} units. */
    public GeneratorConfig withUnits(int n) {
        return new GeneratorConfig(n, compressed, traps, privilege, mmu, interrupts, atomics, accessFaults);
    }

    /** Whether programs touch CSRs (a trap handler, privilege switches, satp, mip). */
    public boolean usesCsrs() {
        return traps || privilege || mmu || interrupts;
    }
}
