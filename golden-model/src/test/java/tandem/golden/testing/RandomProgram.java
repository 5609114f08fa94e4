package tandem.golden.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a seeded random RV32IMAC test program for the differential test against QEMU.
 *
 * <p>The program (linked with {@code tandem_runtime.S}) runs three phases: M-mode with physical
 * addressing, S-mode under Sv32 and U-mode under Sv32. Each phase loads random values into the
 * registers, runs a random stream of ALU, M, A (AMOs and LR/SC pairs), C, load/store and
 * forward-branch/jump/counted-loop instructions over a scratch region, self-modifying code
 * (a store over a later instruction, then FENCE.I), S-mode rewrites of its own page-table
 * leaves followed by SFENCE.VMA, sprinkled with trapping
 * instructions and software interrupts that M- or (per a seed-dependent medeleg/mideleg) S-mode
 * handlers log and step over, and
 * returns to M-mode, which prints every register, mcause, scause, sepc, the mstatus fields and a
 * checksum of all scratch memory and the trap log on the UART. After the third dump it exits through the finisher. The golden model and QEMU must
 * print the same text.
 *
 * <p>Under Sv32 the scratch region is reached through an alias at 0x4000_0000 whose pages map
 * to the physical scratch pages in a seed-dependent order (U-mode's with U = 1), or for S-mode
 * (per seed) through a 4 MiB superpage at 0x4040_0000; S-mode code runs on the identity map
 * built by {@code tandem_map_ram} and U-mode code from a second mapping of its pages at
 * 0x4080_0000, so fetches are translated too.
 *
 * <p>What the generator avoids, because QEMU and VexRiscv legitimately differ there:
 * <ul>
 *   <li>PTEs with A = 0 or D = 0 (QEMU sets A/D in hardware, VexRiscv faults): every PTE has
 *       both set;</li>
 *   <li>misaligned loads, stores and AMOs (QEMU completes them, VexRiscv traps): every
 *       address is aligned to its width;</li>
 *   <li>cycle/time/instret and mcycle/minstret (QEMU without {@code -icount} derives them from
 *       the host clock);</li>
 *   <li>LR/SC corner cases (VexRiscv's reservation has no address and is cleared by any store;
 *       QEMU compares the reserved value): only LR then SC to the same word with no memory
 *       access between, and an SC right after a completed pair, which fails on both;</li>
 *   <li>xtval of ECALL (VexRiscv writes the instruction, QEMU 0), mstatus (QEMU's FS/SD bits),
 *       misa and the IDs: never printed;</li>
 *   <li>stores to code without FENCE.I (VexRiscv's instruction cache would keep stale code);</li>
 *   <li>interrupts other than software interrupts raised while masked and then unmasked by a
 *       CSR write (both simulators take them right after that write), several pending at once
 *       (QEMU 7.2 without AIA takes the lowest-numbered first), S-mode writes to sip.SSIP when
 *       it is not delegated (QEMU ignores them, VexRiscv does not), and WFI; injected traps are ECALL, EBREAK, an illegal
 *       word and (under Sv32) loads/stores to an unmapped region, all 4 bytes long, and the
 *       trap log keeps xtval only for page faults.</li>
 * </ul>
 */
public final class RandomProgram {

    /** Registers the random stream writes: everything but x0, sp (scratch base), s11 (loop
     *  counter), t3 (address temporary) and t4-t6 (the runtime's). */
    private static final int[] DEST;
    /** Registers the random stream reads. */
    private static final int[] SRC;
    private static final int SP = 2;
    private static final int LOOP = 27;
    private static final int ADDR = 28;
    private static final int[] INTERESTING = {0, 1, -1, 2, 0x7fffffff, 0x80000000, 0x80000001, 0xffff, 0x10000,
        0xff, 0x80, 0x7ff, 0xfffff800, 31, 32, 33, 0x55555555, 0xaaaaaaaa};
    private static final String[] RR = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and"};
    private static final String[] RI = {"addi", "slti", "sltiu", "xori", "ori", "andi"};
    private static final String[] SHI = {"slli", "srli", "srai"};
    private static final String[] MUL = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    private static final String[] AMO = {"amoswap.w", "amoadd.w", "amoxor.w", "amoand.w", "amoor.w",
        "amomin.w", "amomax.w", "amominu.w", "amomaxu.w"};
    private static final String[] BR = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
    private static final String[] LOADS = {"lb", "lbu", "lh", "lhu", "lw"};
    private static final String[] STORES = {"sb", "sh", "sw"};

    static {
        List<Integer> d = new ArrayList<>();
        List<Integer> s = new ArrayList<>();
        for (int r = 0; r < 29; r++) {
            if (r != 0 && r != SP && r != LOOP && r != ADDR) {
                d.add(r);
            }
            s.add(r);
        }
        DEST = d.stream().mapToInt(Integer::intValue).toArray();
        SRC = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** t6 value marking the ECALL that ends a phase. */
    private static final int PHASE_END = 0x7a4d0e1d;
    private static final int CAUSE_ILLEGAL = 2;
    private static final int CAUSE_BREAKPOINT = 3;
    private static final int CAUSE_ECALL_U = 8;
    private static final int CAUSE_LOAD_PAGE = 13;
    private static final int CAUSE_STORE_PAGE = 15;
    /** mstatus bits printed: SIE, MIE, SPIE, MPIE, SPP, MPP, MPRV, SUM, MXR. */
    private static final int MSTATUS_FIELDS = 0x000e19aa;

    /** Scratch pages per privilege level; each is 4 KiB. */
    private static final int PAGES = 2;

    private final SplittableRandom rnd;
    private boolean ssiDelegated;
    private final int instructionsPerPhase;
    private final StringBuilder out = new StringBuilder();
    private int label;

    private RandomProgram(long seed, int instructionsPerPhase) {
        this.rnd = new SplittableRandom(seed);
        this.instructionsPerPhase = instructionsPerPhase;
    }

    /** The program for {@code seed}, about {@code instructionsPerPhase} random instructions per phase. */
    public static String generate(long seed, int instructionsPerPhase) {
        return new RandomProgram(seed, instructionsPerPhase).build(seed);
    }

    private String build(long seed) {
        line("/* Random differential test program, seed " + seed + " (generated by RandomProgram). */");
        line("#include \"tandem_test.h\"");
        line("    .text");
        line("    .globl tandem_test");
        line("tandem_test:");
        int[] kernelOrder = permutation();
        int[] userOrder = permutation();
        // Trap handlers that log each injected trap and step over it; a seed-dependent set of
        // exceptions is delegated to S-mode.
        int[] delegable = {CAUSE_ILLEGAL, CAUSE_BREAKPOINT, CAUSE_ECALL_U, CAUSE_LOAD_PAGE, CAUSE_STORE_PAGE};
        int medeleg = 0;
        for (int c : delegable) {
            if (rnd.nextBoolean()) {
                medeleg |= 1 << c;
            }
        }
        line("    la t0, rand_mtrap");
        line("    csrw mtvec, t0");
        line("    la t0, rand_strap");
        line("    csrw stvec, t0");
        line("    li t0, " + hex(medeleg));
        line("    csrw medeleg, t0");
        // Software interrupts: M-mode raises MSIP through the CLINT; S-mode raises SSIP through
        // sip, only when it is delegated (QEMU ignores the write otherwise, VexRiscv does not).
        ssiDelegated = rnd.nextBoolean();
        line("    li t0, " + (ssiDelegated ? "MIP_SSIP" : "0"));
        line("    csrw mideleg, t0");
        line("    li t0, MIP_MSIP | MIP_SSIP");
        line("    csrw mie, t0");
        // The runtime's probe for PMP leaves mcause = 2 on the golden model only: trap once so
        // both start from the same mcause.
        line("    .option push");
        line("    .option norvc");
        line("    ecall");
        line("    .option pop");
        // M-mode phase: physical scratch.
        line("    la sp, scratch_m + 2048");
        phase("m");
        dump("M");
        // Page tables: identity map, then the scratch aliases at 0x40000000.
        line("    la a0, root");
        line("    la a1, l0");
        line("    li a2, PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D");
        line("    li a3, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D");
        line("    jal tandem_map_ram");
        line("    la t0, tl0");
        line("    srli t0, t0, 12");
        line("    slli t0, t0, 10");
        line("    ori t0, t0, PTE_V");
        line("    la t1, root + 0x100 * 4");
        line("    sw t0, 0(t1)");
        for (int i = 0; i < PAGES; i++) {
            line("    PTE_FOR(t0, scratch_s + " + (kernelOrder[i] * 4096) + ", PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)");
            line("    la t1, tl0 + " + (i * 4));
            line("    sw t0, 0(t1)");
            line("    PTE_FOR(t0, scratch_u + " + (userOrder[i] * 4096) + ", PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)");
            line("    la t1, tl0 + " + ((PAGES + i) * 4));
            line("    sw t0, 0(t1)");
        }
        // A superpage over the first 4 MiB of RAM at 0x40400000.
        line("    li t0, ((VIRT_RAM >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D");
        line("    la t1, root + 0x101 * 4");
        line("    sw t0, 0(t1)");
        // The user code pages again at 0x40800000, so U-mode fetches through a non-identity map.
        line("    la t0, tl2");
        line("    srli t0, t0, 12");
        line("    slli t0, t0, 10");
        line("    ori t0, t0, PTE_V");
        line("    la t1, root + 0x102 * 4");
        line("    sw t0, 0(t1)");
        line("    la t0, tandem_user_start");
        line("    la t1, tandem_user_end");
        line("    la t2, tl2");
        line("1:  srli t3, t0, 12");
        line("    slli t3, t3, 10");
        line("    ori t3, t3, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A | PTE_D");
        line("    sw t3, 0(t2)");
        line("    addi t2, t2, 4");
        line("    li t3, 4096");
        line("    add t0, t0, t3");
        line("    bltu t0, t1, 1b");
        line("    SATP_FOR(t0, root)");
        line("    csrw satp, t0");
        line("    sfence.vma");
        // S-mode phase: scratch through 4 KiB pages in a shuffled order, or through the superpage.
        if (rnd.nextBoolean()) {
            line("    li sp, 0x40000000 + 4096");
        } else {
            line("    la sp, scratch_s + 4096");
            line("    li t0, 0x40400000 - VIRT_RAM");
            line("    add sp, sp, t0");
        }
        line("    la t4, after_s");
        line("    ENTER_S(phase_s)");
        line("after_s:");
        dump("S");
        // U-mode phase, running from the alias of its code pages.
        line("    li sp, 0x40000000 + " + (PAGES * 4096 + 4096));
        line("    la t4, after_u");
        line("    li t6, MSTATUS_MPP");
        line("    csrc mstatus, t6");
        line("    la t6, phase_u");
        line("    la t5, tandem_user_start");
        line("    sub t6, t6, t5");
        line("    li t5, 0x40800000");
        line("    add t6, t6, t5");
        line("    csrw mepc, t6");
        line("    mret");
        line("after_u:");
        dump("U");
        line("    TEST_PASS");
        line("");
        line("phase_s:");
        phase("s");
        endPhase();
        line("");
        line("    .section .user.text, \"ax\"");
        line("phase_u:");
        phase("u");
        endPhase();
        line("");
        trapHandlers();
        dumpRoutine();
        data();
        return out.toString();
    }

    private int[] permutation() {
        int[] p = new int[PAGES];
        for (int i = 0; i < PAGES; i++) {
            p[i] = i;
        }
        for (int i = PAGES - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private void phase(String tag) {
        for (int r : DEST) {
            line("    li " + reg(r) + ", " + hex(value()));
        }
        int n = 0;
        while (n < instructionsPerPhase) {
            n += instruction(tag, true, true);
        }
    }

    /** Emits one random instruction or construct; returns how many instructions it counts as. */
    private int instruction(String tag, boolean mayBranch, boolean mayLoop) {
        int k = rnd.nextInt(100);
        if (k < 22) {
            emit(pick(RR) + " " + reg(dest()) + ", " + reg(src()) + ", " + reg(src()));
        } else if (k < 34) {
            emit(pick(RI) + " " + reg(dest()) + ", " + reg(src()) + ", " + imm12());
        } else if (k < 38) {
            emit(pick(SHI) + " " + reg(dest()) + ", " + reg(src()) + ", " + rnd.nextInt(32));
        } else if (k < 40) {
            emit((rnd.nextBoolean() ? "lui " : "auipc ") + reg(dest()) + ", " + hex(rnd.nextInt(1 << 20)));
        } else if (k < 50) {
            emit(pick(MUL) + " " + reg(dest()) + ", " + reg(src()) + ", " + reg(src()));
        } else if (k < 58) {
            compressed();
        } else if (k < 68) {
            int w = rnd.nextInt(3);
            String op = w == 0 ? pick(new String[] {"lb", "lbu"}) : w == 1 ? pick(new String[] {"lh", "lhu"}) : "lw";
            emit(op + " " + reg(dest()) + ", " + offset(1 << w) + "(sp)");
        } else if (k < 76) {
            int w = rnd.nextInt(3);
            emit(STORES[w] + " " + reg(src()) + ", " + offset(1 << w) + "(sp)");
        } else if (k < 81) {
            emit("addi " + reg(ADDR) + ", sp, " + offset(4));
            emit(pick(AMO) + pickOrdering() + " " + reg(dest()) + ", " + reg(src()) + ", (" + reg(ADDR) + ")");
            return 2;
        } else if (k < 84) {
            return lrsc();
        } else if (k < 93 && mayBranch) {
            return branch(tag, mayLoop);
        } else if (k < 96 && mayLoop) {
            return loop(tag);
        } else if (k < 97 && mayBranch) {
            injectTrap(tag);
        } else if (k < 98 && !tag.equals("u")) {
            String csr = tag.equals("m") ? "mscratch" : "sscratch";
            String op = pick(new String[] {"csrrw", "csrrs", "csrrc"});
            emit(op + " " + reg(dest()) + ", " + csr + ", " + reg(src()));
        } else if (k < 99) {
            return patchCode(tag);
        } else if (tag.equals("s")) {
            return remap();
        } else {
            emit("nop");
        }
        return 1;
    }

    /**
     * Self-modifying code: stores a new {@code addi rd, rd, imm} over the instruction that
     * follows, then FENCE.I. The store goes to the code's link-time (physical) address: the same
     * address as the fetch in M- and S-mode, and a different virtual address from the fetch in
     * U-mode, whose code runs from the alias at 0x4080_0000.
     */
    private int patchCode(String tag) {
        String site = tag + "_patch" + (label++);
        int rd = dest();
        int tmp = dest();
        int imm = rnd.nextInt(4096) - 2048;
        int insn = (imm << 20) | (rd << 15) | (rd << 7) | 0x13;
        emit("lui " + reg(ADDR) + ", %hi(" + site + ")");
        emit("addi " + reg(ADDR) + ", " + reg(ADDR) + ", %lo(" + site + ")");
        emit("li " + reg(tmp) + ", " + hex(insn));
        emit("sw " + reg(tmp) + ", 0(" + reg(ADDR) + ")");
        emit("fence.i");
        line("    .balign 4");
        line("    .option push");
        line("    .option norvc");
        line(site + ":");
        emit("addi " + reg(dest()) + ", " + reg(src()) + ", " + imm12());
        line("    .option pop");
        return 6;
    }

    /**
     * S-mode rewrites the leaf of one kernel alias page to point at another scratch page (or the
     * same one), then SFENCE.VMA; later accesses through the alias must see the new mapping.
     */
    private int remap() {
        int alias = rnd.nextInt(PAGES);
        int target = rnd.nextInt(PAGES);
        int tmp = dest();
        emit("lui " + reg(tmp) + ", %hi(scratch_s + " + (target * 4096) + ")");
        emit("addi " + reg(tmp) + ", " + reg(tmp) + ", %lo(scratch_s + " + (target * 4096) + ")");
        emit("srli " + reg(tmp) + ", " + reg(tmp) + ", 12");
        emit("slli " + reg(tmp) + ", " + reg(tmp) + ", 10");
        emit("ori " + reg(tmp) + ", " + reg(tmp) + ", PTE_V | PTE_R | PTE_W | PTE_A | PTE_D");
        emit("lui " + reg(ADDR) + ", %hi(tl0 + " + (alias * 4) + ")");
        emit("addi " + reg(ADDR) + ", " + reg(ADDR) + ", %lo(tl0 + " + (alias * 4) + ")");
        emit("sw " + reg(tmp) + ", 0(" + reg(ADDR) + ")");
        emit(rnd.nextBoolean() ? "sfence.vma" : "sfence.vma zero, zero");
        return 9;
    }

    private void compressed() {
        int rd = creg();
        switch (rnd.nextInt(14)) {
            case 0 -> emit("c.addi " + reg(rd) + ", " + nonZero(rnd.nextInt(64) - 32));
            case 1 -> emit("c.li " + reg(rd) + ", " + (rnd.nextInt(64) - 32));
            case 2 -> emit("c.mv " + reg(dest()) + ", " + reg(nonZeroSrc()));
            case 3 -> emit("c.add " + reg(dest()) + ", " + reg(nonZeroSrc()));
            case 4 -> emit("c.sub " + reg(rd) + ", " + reg(creg()));
            case 5 -> emit("c.and " + reg(rd) + ", " + reg(creg()));
            case 6 -> emit("c.or " + reg(rd) + ", " + reg(creg()));
            case 7 -> emit("c.xor " + reg(rd) + ", " + reg(creg()));
            case 8 -> emit("c.srli " + reg(rd) + ", " + (1 + rnd.nextInt(31)));
            case 9 -> emit("c.srai " + reg(rd) + ", " + (1 + rnd.nextInt(31)));
            case 10 -> emit("c.andi " + reg(rd) + ", " + (rnd.nextInt(64) - 32));
            case 11 -> emit("c.slli " + reg(dest()) + ", " + (1 + rnd.nextInt(31)));
            case 12 -> emit("c.lwsp " + reg(dest()) + ", " + (4 * rnd.nextInt(64)) + "(sp)");
            default -> emit("c.swsp " + reg(src()) + ", " + (4 * rnd.nextInt(64)) + "(sp)");
        }
    }

    private int lrsc() {
        emit("addi " + reg(ADDR) + ", sp, " + offset(4));
        emit("lr.w" + pickOrdering() + " " + reg(dest()) + ", (" + reg(ADDR) + ")");
        int between = rnd.nextInt(3);
        for (int i = 0; i < between; i++) {
            emit(pick(RR) + " " + reg(dest()) + ", " + reg(src()) + ", " + reg(src()));
        }
        emit("sc.w" + pickOrdering() + " " + reg(dest()) + ", " + reg(src()) + ", (" + reg(ADDR) + ")");
        if (rnd.nextInt(4) == 0) {
            emit("sc.w " + reg(dest()) + ", " + reg(src()) + ", (" + reg(ADDR) + ")");
            return 4 + between;
        }
        return 3 + between;
    }

    private int branch(String tag, boolean mayLoop) {
        String target = tag + "_fwd" + (label++);
        int kind = rnd.nextInt(10);
        if (kind < 7) {
            emit(pick(BR) + " " + reg(src()) + ", " + reg(src()) + ", " + target);
        } else if (kind < 9) {
            emit("jal " + reg(rnd.nextInt(4) == 0 ? 0 : dest()) + ", " + target);
        } else {
            emit("la " + reg(ADDR) + ", " + target);
            emit("jalr " + reg(rnd.nextInt(4) == 0 ? 0 : dest()) + ", 0(" + reg(ADDR) + ")");
        }
        int skipped = 1 + rnd.nextInt(5);
        int n = 1;
        for (int i = 0; i < skipped; i++) {
            n += instruction(tag, false, false);
        }
        line(target + ":");
        return n;
    }

    private int loop(String tag) {
        String top = tag + "_loop" + (label++);
        int iterations = 1 + rnd.nextInt(6);
        emit("li " + reg(LOOP) + ", " + iterations);
        line(top + ":");
        int body = 1 + rnd.nextInt(6);
        int n = 0;
        for (int i = 0; i < body; i++) {
            n += instruction(tag, true, false);
        }
        emit("addi " + reg(LOOP) + ", " + reg(LOOP) + ", -1");
        emit("bnez " + reg(LOOP) + ", " + top);
        return n * iterations + 3;
    }

    /** Ends an S- or U-mode phase: the ECALL with t6 = {@link #PHASE_END} returns to M at t4. */
    private void endPhase() {
        emit("li t6, " + hex(PHASE_END));
        emit("ecall");
    }

    /**
     * A trapping instruction, always 4 bytes so the handlers can step over it: ECALL, EBREAK,
     * an illegal word, and under Sv32 a load or store to the unmapped region at 0x40C0_0000.
     */
    private void injectTrap(String tag) {
        if (rnd.nextInt(4) == 0 && (tag.equals("m") || tag.equals("s") && ssiDelegated)) {
            injectInterrupt(tag);
            return;
        }
        line("    .option push");
        line("    .option norvc");
        int kind = rnd.nextInt(tag.equals("m") ? 3 : 5);
        switch (kind) {
            case 0 -> emit("ecall");
            case 1 -> emit("ebreak");
            case 2 -> emit(".word 0xffffffff");
            case 3 -> {
                emit("li " + reg(ADDR) + ", " + hex(0x40C00000 + (rnd.nextInt(1 << 20) & -4)));
                emit("lw " + reg(dest()) + ", 0(" + reg(ADDR) + ")");
            }
            default -> {
                emit("li " + reg(ADDR) + ", " + hex(0x40C00000 + (rnd.nextInt(1 << 20) & -4)));
                emit("sw " + reg(src()) + ", 0(" + reg(ADDR) + ")");
            }
        }
        line("    .option pop");
    }

    /**
     * A software interrupt raised while it is masked and then unmasked by a CSR write, so both
     * simulators take it right after that write: MSIP through the CLINT in M-mode, SSIP through
     * sip in S-mode. The handler clears the source; the stream masks again afterwards.
     */
    private void injectInterrupt(String tag) {
        if (tag.equals("m")) {
            emit("li " + reg(ADDR) + ", VIRT_CLINT_MSIP");
            int tmp = dest();
            emit("li " + reg(tmp) + ", 1");
            emit("sw " + reg(tmp) + ", 0(" + reg(ADDR) + ")");
            emit("csrsi mstatus, MSTATUS_MIE");
            emit("csrci mstatus, MSTATUS_MIE");
        } else {
            emit("csrsi sip, MIP_SSIP");
            emit("csrsi sstatus, MSTATUS_SIE");
            emit("csrci sstatus, MSTATUS_SIE");
        }
    }

    /**
     * The M- and S-mode handlers: the phase-ending ECALL (t6 = PHASE_END) resumes at t4 in
     * M-mode (the S handler passes a delegated one on with its own ECALL); any other trap appends (cause, epc, tval for page faults, handler) to trap_log,
     * which the checksum covers, and returns past the 4-byte trapping instruction, or for an
     * interrupt clears its source and returns to the interrupted instruction. xtval of
     * ECALL/EBREAK/illegal is not logged: VexRiscv writes the instruction, QEMU 0 or the pc; nor of
     * an interrupt: VexRiscv leaves it as it was, QEMU writes 0.
     */
    private void trapHandlers() {
        line("    .text");
        for (String m : new String[] {"m", "s"}) {
            line("    .balign 4");
            line("rand_" + m + "trap:");
            line("    li t5, " + hex(PHASE_END));
            line("    bne t6, t5, 1f");
            if (m.equals("m")) {
                line("    li t6, 0");
                line("    jr t4");
            } else {
                line("    ecall                       /* a delegated phase end: pass it on to M */");
            }
            line("1:  la t6, trap_save");
            line("    sw t4, 0(t6)");
            line("    lw t4, 4(t6)");
            line("    andi t4, t4, 0x3f0");
            line("    add t4, t4, t6");
            line("    csrr t5, " + m + "cause");
            line("    sw t5, 8(t4)");
            line("    csrr t5, " + m + "epc");
            line("    sw t5, 12(t4)");
            line("    csrr t5, " + m + "cause");
            line("    bltz t5, 2f                 /* an interrupt: xtval is the implementation's */");
            line("    addi t5, t5, -12");
            line("    bltz t5, 2f");
            line("    csrr t5, " + m + "tval");
            line("    j 3f");
            line("2:  li t5, 0");
            line("3:  sw t5, 16(t4)");
            line("    li t5, '" + m.toUpperCase(Locale.ROOT) + "'");
            line("    sw t5, 20(t4)");
            line("    lw t4, 4(t6)");
            line("    addi t4, t4, 16");
            line("    sw t4, 4(t6)");
            line("    csrr t5, " + m + "cause");
            line("    bgez t5, 4f");
            if (m.equals("m")) {
                line("    li t5, VIRT_CLINT_MSIP");
                line("    sw zero, 0(t5)");
            } else {
                line("    csrci sip, MIP_SSIP");
            }
            line("    j 5f");
            line("4:  csrr t5, " + m + "epc");
            line("    addi t5, t5, 4");
            line("    csrw " + m + "epc, t5");
            line("5:  lw t4, 0(t6)");
            line("    " + m + "ret");
        }
    }

    /** Stores x1..x28 and mcause in dump_regs, then prints them and the scratch checksum. */
    private void dump(String phase) {
        line("    la t6, dump_regs");
        for (int r = 1; r <= 28; r++) {
            line("    sw " + reg(r) + ", " + (4 * (r - 1)) + "(t6)");
        }
        line("    li a0, '" + phase + "'");
        line("    jal dump");
    }

    private void dumpRoutine() {
        line("    .text");
        line("/* Prints phase letter a0, x1..x28 from dump_regs, mcause, scause, sepc, mstatus fields, checksum. */");
        line("dump:");
        line("    mv s0, ra");
        line("    li s1, VIRT_UART");
        line("    sb a0, 0(s1)");
        line("    li a0, '\\n'");
        line("    sb a0, 0(s1)");
        line("    la s2, dump_regs");
        line("    li s3, 1");
        line("1:  lw a0, 0(s2)");
        line("    jal hex");
        line("    addi s2, s2, 4");
        line("    addi s3, s3, 1");
        line("    li a1, ' '");
        line("    andi a2, s3, 7");
        line("    bnez a2, 2f");
        line("    li a1, '\\n'");
        line("2:  sb a1, 0(s1)");
        line("    li a2, 29");
        line("    bltu s3, a2, 1b");
        line("    csrr a0, mcause");
        line("    jal hex");
        line("    li a1, ' '");
        line("    sb a1, 0(s1)");
        line("    csrr a0, scause");
        line("    jal hex");
        line("    li a1, ' '");
        line("    sb a1, 0(s1)");
        line("    csrr a0, sepc");
        line("    jal hex");
        line("    li a1, ' '");
        line("    sb a1, 0(s1)");
        line("    csrr a0, mstatus");
        line("    li a1, " + hex(MSTATUS_FIELDS));
        line("    and a0, a0, a1");
        line("    jal hex");
        line("    li a1, ' '");
        line("    sb a1, 0(s1)");
        line("    la s2, scratch_m");
        line("    la s3, scratch_end");
        line("    li s4, 0");
        line("3:  lw a0, 0(s2)");
        line("    slli a1, s4, 5");
        line("    srli a2, s4, 27");
        line("    or s4, a1, a2");
        line("    xor s4, s4, a0");
        line("    addi s2, s2, 4");
        line("    bltu s2, s3, 3b");
        line("    mv a0, s4");
        line("    jal hex");
        line("    li a1, '\\n'");
        line("    sb a1, 0(s1)");
        line("    mv ra, s0");
        line("    ret");
        line("/* Prints a0 as 8 hex digits; clobbers a0-a4. */");
        line("hex:");
        line("    li a3, 28");
        line("1:  srl a2, a0, a3");
        line("    andi a2, a2, 15");
        line("    li a4, 10");
        line("    blt a2, a4, 2f");
        line("    addi a2, a2, 'a' - '0' - 10");
        line("2:  addi a2, a2, '0'");
        line("    sb a2, 0(s1)");
        line("    addi a3, a3, -4");
        line("    bgez a3, 1b");
        line("    ret");
    }

    private void data() {
        line("    .data");
        line("    .balign 4096");
        scratch("scratch_m", 4096);
        scratch("scratch_s", PAGES * 4096);
        scratch("scratch_u", PAGES * 4096);
        line("trap_save: .word 0, 0");
        line("trap_log: .skip 1024");
        line("scratch_end:");
        line("    .bss");
        line("    .balign 4");
        line("dump_regs: .skip 128");
        line("    PAGE_TABLE(root)");
        line("    PAGE_TABLE(l0)");
        line("    PAGE_TABLE(tl0)");
        line("    PAGE_TABLE(tl2)");
    }

    private void scratch(String name, int bytes) {
        line(name + ":");
        for (int i = 0; i < bytes / 4; i += 8) {
            StringBuilder sb = new StringBuilder("    .word ");
            for (int j = 0; j < 8; j++) {
                sb.append(j == 0 ? "" : ", ").append(hex(rnd.nextInt(4) == 0 ? value() : rnd.nextInt()));
            }
            line(sb.toString());
        }
    }

    private String pickOrdering() {
        return switch (rnd.nextInt(6)) {
            case 0 -> ".aq";
            case 1 -> ".rl";
            case 2 -> ".aqrl";
            default -> "";
        };
    }

    /** An offset from sp (the middle of a scratch area) aligned to {@code width}. */
    private int offset(int width) {
        return (rnd.nextInt(4096) - 2048) & -width;
    }

    private int value() {
        return rnd.nextInt(3) == 0 ? INTERESTING[rnd.nextInt(INTERESTING.length)] : rnd.nextInt();
    }

    private String imm12() {
        return Integer.toString(rnd.nextInt(3) == 0 ? (rnd.nextBoolean() ? 2047 : -2048) : rnd.nextInt(4096) - 2048);
    }

    private int dest() {
        return DEST[rnd.nextInt(DEST.length)];
    }

    private int src() {
        return SRC[rnd.nextInt(SRC.length)];
    }

    private int nonZeroSrc() {
        int r;
        do {
            r = src();
        } while (r == 0);
        return r;
    }

    /** A register in x8..x15 (the compressed set) that the stream may write. */
    private int creg() {
        return 8 + rnd.nextInt(8);
    }

    private static int nonZero(int v) {
        return v == 0 ? 1 : v;
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private void emit(String insn) {
        out.append("    ").append(insn).append('\n');
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String reg(int r) {
        return "x" + r;
    }

    private static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
