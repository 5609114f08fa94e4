package tandem.golden.hart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import tandem.golden.bus.Bus;
import tandem.golden.bus.BusError;
import tandem.golden.bus.Ram;
import tandem.golden.bus.Ticking;
import tandem.golden.csr.CsrFile;
import tandem.golden.csr.Csrs;
import tandem.golden.csr.Mstatus;
import tandem.golden.isa.Compressed;
import tandem.golden.isa.Decoder;
import tandem.golden.isa.Extension;
import tandem.golden.isa.Format;
import tandem.golden.isa.Opcode;
import tandem.golden.isa.Rv32A;
import tandem.golden.isa.Rv32M;
import tandem.golden.isa.Zkn;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Sv32Walker;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.mmu.Walk;
import tandem.golden.retire.EncodedRetireListener;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.golden.retire.TraceFormat;
import tandem.golden.trap.Cause;
import tandem.golden.trap.Trap;

/**
 * One RV32 hart as VexRiscv implements it: registers, privilege, CSRs, Sv32 translation, and
 * the instruction loop.
 *
 * <p>The loop decodes each instruction once into a {@link DecodeCache} and runs it from a
 * switch; loads and stores hit a {@link TranslationCache} of RAM pages before falling back to
 * the {@link Sv32Walker} and the bus. Exceptions are thrown as {@link Trap} from anywhere in
 * an instruction and taken in one place ({@link TrapUnit}); interrupts are checked between
 * instructions when something that affects them changed. With no {@link RetireListener}
 * attached the loop records nothing.
 *
 * <p>Blocks the loop enters often ({@link #setCompileThreshold}) are compiled, with the decoded
 * blocks they lead to, into JVM bytecode ({@link BlockCompiler}); the interpreter stays the
 * reference and runs everything else, and compiled code is indistinguishable from it but for
 * speed. With a retire listener attached the loop interprets, except that the binary trace's
 * plain retires are appended by compiled code when an {@link EncodedRetireListener} is the only
 * listener.
 */
public final class Hart {
    /** User privilege. */
    public static final int U = 0;
    /** Supervisor privilege. */
    public static final int S = 1;
    /** Machine privilege. */
    public static final int M = 3;

    /** Why {@link #run} returned. */
    public enum Exit {
        /** The instruction budget ran out. */
        BUDGET,
        /** {@link #requestStop()} was called (a device, a hook, a tool). */
        STOPPED,
        /** WFI with nothing able to wake it for the idle limit. */
        IDLE,
        /** Exceptions kept firing with no instruction retiring in between (a fault in the handler). */
        TRAP_LOOP
    }

    /** Consecutive exceptions without a retire that count as a trap loop. */
    private static final int TRAP_LOOP_LIMIT = 32;

    private static final int RECORD_BATCH = 4096;
    private static final Opcode[] OPCODES = Opcode.values();
    /** Free trace-buffer bytes a traced region needs on entry: its longest block's records. */
    private static final int TRACE_RESERVE = DecodeCache.MAX_BLOCK * TraceFormat.MAX_PLAIN_RECORD;

    /**
     * Default for {@link #setCompileThreshold}: the system property {@code tandem.jit.threshold}
     * (0 turns the block compiler off), else 5000: high enough that a region is compiled with
     * its successors decoded and its pages in the translation cache.
     */
    public static final int DEFAULT_COMPILE_THRESHOLD = Integer.getInteger("tandem.jit.threshold", 5000);

    // ---- architectural state (package-private: TrapUnit and the CSR installers share it) ----
    /** x0..x31, and x[32]: the sink that writes to x0 land in, so x0 always reads 0. */
    final int[] x = new int[33];
    int pc;
    int priv = M;
    int mstatus = Mstatus.MPP;
    int misa;
    int mtvec;
    int stvec;
    int mepc;
    int sepc;
    int mcause;
    int scause;
    int mtval;
    int stval;
    int mscratch;
    int sscratch;
    int medeleg;
    int mideleg;
    int mie;
    int mipSoftware;
    int satp;
    boolean timerPending;
    boolean softwarePending;
    /** VexRiscv's LR/SC reservation: one bit, set by LR, cleared by any store, SC or AMO. */
    boolean reserved;
    long cycleOffset;
    long instretOffset;

    private final Profile profile;
    private final Bus bus;
    private final Decoder decoder;
    private final CsrFile csrs = new CsrFile();
    private final IrqArray irqArray;
    private final Sv32Walker walker;
    private final TrapUnit traps;
    private final DecodeCache dc = new DecodeCache();
    private final BlockCompiler compiler;
    /** Interpreted executions of a block before it is compiled; 0 keeps the interpreter only. */
    private int compileThreshold = DEFAULT_COMPILE_THRESHOLD;
    private long compiledRegions;
    final TranslationCache loads = new TranslationCache();
    final TranslationCache stores = new TranslationCache();
    private final Walk walk = new Walk();
    private final int pcAlignMask;
    /** Per physical page, one bit per 64-byte line holding decoded code. */
    private final long[] codeLines = new long[1 << 20];
    private final List<Integer> codePages = new ArrayList<>();
    /** Why the translation behind the exception being raised failed; null for other exceptions. */
    private TranslationFailure translationFailure;
    /** Whether the last instruction decoded came from RAM (device code is never cached). */
    private boolean lastFetchCacheable;

    // ---- run control ----
    /** Instructions retired; compiled blocks add theirs on exit. */
    long retired;
    private long stalled;
    private long ctx;
    private long stopAt;
    private long nextEvent;
    private long nextTick;
    private long wakeAt = Long.MAX_VALUE;
    private long tickInterval = 256;
    private long lastTick;
    private long idleLimit = 200_000_000L;
    /** Something between instructions needs looking at: leave the execution loop. */
    boolean attention;
    private int trapStreak;
    private Cause lastTrapCause;
    private TranslationFailure lastTranslationFailure;
    private int lastTrapTval;
    private int lastTrapPc;
    private long lastTrapRetired = -1;
    private boolean stopRequested;
    private boolean waiting;
    private boolean autonomousInterrupts = true;
    private Ticking ticker;
    private EcallHook ecallHook;
    private MmioPort mmio;
    private LongSupplier timeSource;

    // ---- retire stream ----
    private final List<RetireListener> listeners = new ArrayList<>();
    private final RetireBuffer records = new RetireBuffer(RECORD_BATCH);
    private boolean tracing;
    /** The only listener when it takes encoded records from compiled code, else null. */
    private EncodedRetireListener encoder;
    private int slot;
    private boolean recordOpen;
    private long order;

    /** A hart of {@code profile} on {@code bus}, in M-mode at pc 0. */
    public Hart(Profile profile, Bus bus) {
        this.profile = profile;
        this.bus = bus;
        this.decoder = new Decoder(profile.extensions());
        this.walker = new Sv32Walker(bus, profile.accessedDirtyFaults());
        this.irqArray = new IrqArray(this, profile.irqLatency(), this::interruptInputsChanged);
        this.traps = new TrapUnit(this);
        this.pcAlignMask = decoder.compressed() ? 1 : 3;
        this.compiler = new BlockCompiler(pcAlignMask);
        this.mmio = new MmioPort() {
            @Override
            public int load(long paddr, int width) {
                return bus.load(paddr, width);
            }

            @Override
            public void store(long paddr, int value, int width) {
                bus.store(paddr, value, width);
            }
        };
        this.misa = profile.misa();
        this.mtvec = profile.resetMtvec();
        this.timeSource = this::cycles;
        MachineCsrs.install(this, csrs);
        if (profile.has(Profile.CsrGroup.IRQ_ARRAY)) {
            irqArray.install(csrs);
        }
        privilegeChanged();
    }

    // =========================================================================================
    // The instruction loop
    // =========================================================================================

    /**
     * Runs until {@code maxInstructions} more instructions retired, a stop was requested, or
     * the hart idles in WFI past the idle limit. Traps and interrupts are taken inside.
     */
    public Exit run(long maxInstructions) {
        stopAt = maxInstructions >= Long.MAX_VALUE - retired ? Long.MAX_VALUE : retired + maxInstructions;
        Exit exit = null;
        while (exit == null) {
            if (attention) {
                exit = service();
                if (exit != null) {
                    break;
                }
            }
            if (retired >= stopAt) {
                exit = Exit.BUDGET;
                break;
            }
            nextEvent = Math.min(Math.min(stopAt, nextTick), wakeAt == Long.MAX_VALUE ? wakeAt : wakeAt - stalled);
            try {
                execute();
            } catch (Trap t) {
                takeException(t.trapCause(), t.tval());
                if (trapStreak >= TRAP_LOOP_LIMIT) {
                    exit = Exit.TRAP_LOOP;
                }
            }
            if (retired >= nextTick) {
                tick();
            }
            if (cycles() >= wakeAt) {
                wakeAt = Long.MAX_VALUE;
                irqArray.advance(cycles());
            }
        }
        flushRecords();
        return exit;
    }

    /** Runs one instruction (or takes one pending interrupt first, as {@link #run} would). */
    public Exit step() {
        return run(1);
    }

    /** Runs instructions until {@code retired >= nextEvent} or something needs attention. */
    private void execute() {
        final int[] x = this.x;
        final DecodeCache dc = this.dc;
        final long[] tags = dc.tag;
        final int[] fields = dc.fields;
        final int[] imms = dc.imm;
        // Both change only where the loop is left (privilege change, flush, listener change).
        final long ctx = this.ctx;
        final boolean tracing = this.tracing;
        // Compiled code records nothing but the binary trace's plain retires, so other listeners
        // get an interpreted run.
        final EncodedRetireListener encoder = this.encoder;
        final int threshold = tracing && encoder == null ? 0 : compileThreshold;
        final CompiledBlock[] compiledTable = tracing ? dc.compiledTraced : dc.compiled;
        while (true) {
            int pc = this.pc;
            final int t = DecodeCache.index(pc);
            int p = tags[t] == (ctx | (pc & 0xFFFF_FFFFL)) ? dc.block[t] : fill(pc, t);
            long room = nextEvent - retired;
            if (threshold != 0) {
                CompiledBlock cb = compiledTable[p];
                if (cb == null && ++dc.heat[p] >= threshold) {
                    cb = compiler.compile(dc, p, pc, ctx, tracing);
                    if (cb != null) {
                        compiledRegions++;
                    } else {
                        dc.heat[p] = Integer.MIN_VALUE;
                    }
                }
                if (cb != null && dc.remaining[p] <= room && (encoder == null || readyToAppend(encoder))) {
                    long before = retired;
                    cb.run(this, (int) Math.min(room, Integer.MAX_VALUE));
                    if (attention || retired >= nextEvent) {
                        return;
                    }
                    if (retired != before) {
                        continue;
                    }
                    // The region left before its first instruction (an access off the fast path, a
                    // trapping jump, in a traced run a system instruction): the interpreter runs it.
                }
            }
            final int end = p + (int) Math.min(dc.remaining[p], room);
            for (; p < end; p++) {
            if (tracing) {
                beginRecord(RetireBuffer.KIND_RETIRE, dc.raw[p]);
            }
            final int f = fields[p];
            final int rd = (f >>> 8) & 0x3F;
            final int rs1 = (f >>> 14) & 0x3F;
            final int rs2 = (f >>> 20) & 0x3F;
            final int imm = imms[p];
            int npc = pc + (f >>> 26);
            switch (f & 0xFF) {
                case OpIds.LUI: x[rd] = imm; break;
                case OpIds.AUIPC: x[rd] = pc + imm; break;
                case OpIds.JAL: npc = jump(pc + imm); x[rd] = pc + (f >>> 26); break;
                case OpIds.JALR: npc = jump((x[rs1] + imm) & ~1); x[rd] = pc + (f >>> 26); break;
                case OpIds.BEQ: if (x[rs1] == x[rs2]) npc = jump(pc + imm); break;
                case OpIds.BNE: if (x[rs1] != x[rs2]) npc = jump(pc + imm); break;
                case OpIds.BLT: if (x[rs1] < x[rs2]) npc = jump(pc + imm); break;
                case OpIds.BGE: if (x[rs1] >= x[rs2]) npc = jump(pc + imm); break;
                case OpIds.BLTU: if (Integer.compareUnsigned(x[rs1], x[rs2]) < 0) npc = jump(pc + imm); break;
                case OpIds.BGEU: if (Integer.compareUnsigned(x[rs1], x[rs2]) >= 0) npc = jump(pc + imm); break;
                case OpIds.LB: x[rd] = (byte) load(x[rs1] + imm, 1); break;
                case OpIds.LH: x[rd] = (short) load(x[rs1] + imm, 2); break;
                case OpIds.LW: x[rd] = load(x[rs1] + imm, 4); break;
                case OpIds.LBU: x[rd] = load(x[rs1] + imm, 1); break;
                case OpIds.LHU: x[rd] = load(x[rs1] + imm, 2); break;
                case OpIds.SB: store(x[rs1] + imm, x[rs2], 1); break;
                case OpIds.SH: store(x[rs1] + imm, x[rs2], 2); break;
                case OpIds.SW: store(x[rs1] + imm, x[rs2], 4); break;
                case OpIds.ADDI: x[rd] = x[rs1] + imm; break;
                case OpIds.SLTI: x[rd] = x[rs1] < imm ? 1 : 0; break;
                case OpIds.SLTIU: x[rd] = Integer.compareUnsigned(x[rs1], imm) < 0 ? 1 : 0; break;
                case OpIds.XORI: x[rd] = x[rs1] ^ imm; break;
                case OpIds.ORI: x[rd] = x[rs1] | imm; break;
                case OpIds.ANDI: x[rd] = x[rs1] & imm; break;
                case OpIds.SLLI: x[rd] = x[rs1] << imm; break;
                case OpIds.SRLI: x[rd] = x[rs1] >>> imm; break;
                case OpIds.SRAI: x[rd] = x[rs1] >> imm; break;
                case OpIds.ADD: x[rd] = x[rs1] + x[rs2]; break;
                case OpIds.SUB: x[rd] = x[rs1] - x[rs2]; break;
                case OpIds.SLL: x[rd] = x[rs1] << x[rs2]; break;
                case OpIds.SLT: x[rd] = x[rs1] < x[rs2] ? 1 : 0; break;
                case OpIds.SLTU: x[rd] = Integer.compareUnsigned(x[rs1], x[rs2]) < 0 ? 1 : 0; break;
                case OpIds.XOR: x[rd] = x[rs1] ^ x[rs2]; break;
                case OpIds.SRL: x[rd] = x[rs1] >>> x[rs2]; break;
                case OpIds.SRA: x[rd] = x[rs1] >> x[rs2]; break;
                case OpIds.OR: x[rd] = x[rs1] | x[rs2]; break;
                case OpIds.AND: x[rd] = x[rs1] & x[rs2]; break;
                case OpIds.MUL: x[rd] = x[rs1] * x[rs2]; break;
                case OpIds.MULH: x[rd] = Rv32M.mulh(x[rs1], x[rs2]); break;
                case OpIds.MULHSU: x[rd] = Rv32M.mulhsu(x[rs1], x[rs2]); break;
                case OpIds.MULHU: x[rd] = Rv32M.mulhu(x[rs1], x[rs2]); break;
                case OpIds.DIV: x[rd] = Rv32M.div(x[rs1], x[rs2]); break;
                case OpIds.DIVU: x[rd] = Rv32M.divu(x[rs1], x[rs2]); break;
                case OpIds.REM: x[rd] = Rv32M.rem(x[rs1], x[rs2]); break;
                case OpIds.REMU: x[rd] = Rv32M.remu(x[rs1], x[rs2]); break;
                case OpIds.FENCE: case OpIds.VEX_DCACHE_FLUSH: break;
                default:
                    npc = executeSystem(f & 0xFF, dc.raw[p], pc, npc, rd, rs1, rs2, imm);
                    break;
            }
            this.pc = npc;
            pc = npc;
            retired++;
            if (tracing) {
                records.rd(slot, rd & 31, x[rd]);
                endRecord(npc);
            }
            if (attention) {
                // A device access stopped the run or moved an interrupt line: leave mid-block.
                return;
            }
            }
            if (retired >= nextEvent) {
                return;
            }
        }
    }

    /**
     * The instructions outside the hot set: fences, atomics, CSRs, environment and privileged
     * instructions, AES. Kept out of {@link #execute} so the JIT compiles the common loop tight.
     */
    int executeSystem(int opId, int raw, int pc, int npc, int rd, int rs1, int rs2, int imm) {
        this.pc = pc;
        final int[] x = this.x;
        switch (opId) {
            case OpIds.FENCE_I: invalidateCode(); break;
            case OpIds.LR_W: x[rd] = loadReserved(x[rs1]); break;
            case OpIds.SC_W: x[rd] = storeConditional(x[rs1], x[rs2]); break;
            case OpIds.AMOSWAP_W: case OpIds.AMOADD_W: case OpIds.AMOXOR_W: case OpIds.AMOAND_W: case OpIds.AMOOR_W:
            case OpIds.AMOMIN_W: case OpIds.AMOMAX_W: case OpIds.AMOMINU_W: case OpIds.AMOMAXU_W:
                x[rd] = amo(OPCODES[opId], x[rs1], x[rs2]);
                break;
            case OpIds.CSRRW: case OpIds.CSRRS: case OpIds.CSRRC: case OpIds.CSRRWI: case OpIds.CSRRSI: case OpIds.CSRRCI:
                x[rd] = csrInstruction(OPCODES[opId], rd, rs1, imm, raw);
                break;
            case OpIds.ECALL: ecall(); break;
            case OpIds.EBREAK: throw new Trap(Cause.BREAKPOINT, 0x0010_0073);
            case OpIds.MRET: npc = traps.mret(raw); break;
            case OpIds.SRET: npc = traps.sret(raw); break;
            case OpIds.WFI: waitForInterrupt(raw); break;
            case OpIds.SFENCE_VMA: sfenceVma(raw); break;
            case OpIds.AES32ESI: x[rd] = Zkn.aes32esi(x[rs1], x[rs2], imm); break;
            case OpIds.AES32ESMI: x[rd] = Zkn.aes32esmi(x[rs1], x[rs2], imm); break;
            case OpIds.AES32DSI: x[rd] = Zkn.aes32dsi(x[rs1], x[rs2], imm); break;
            case OpIds.AES32DSMI: x[rd] = Zkn.aes32dsmi(x[rs1], x[rs2], imm); break;
            default: throw new IllegalStateException("no semantics for " + OPCODES[opId]);
        }
        return npc;
    }

    /** A jump or taken branch target; without C, a target not on 4 bytes traps (cause 0). */
    private int jump(int target) {
        if ((target & pcAlignMask) != 0) {
            throw new Trap(Cause.INSTRUCTION_ADDRESS_MISALIGNED, target);
        }
        return target;
    }

    // =========================================================================================
    // Fetch and decode
    // =========================================================================================

    /**
     * Decodes the block starting at {@code pc} into the pool and returns its first slot. Only
     * the first instruction may raise a fetch fault or illegal-instruction trap; a later one
     * that would simply ends the block, so the trap is raised when execution reaches it.
     */
    private int fill(int pc, int t) {
        int start = dc.allocate();
        long now = dc.context(priv);
        if (now != ctx) {
            // The pool was full and flushed: every block is gone; the loop must pick up the new context.
            ctx = now;
            attention = true;
        }
        boolean cacheable = true;
        int n = 0;
        int at = pc;
        while (true) {
            Opcode op;
            try {
                op = decodeInto(start + n, at);
            } catch (Trap trap) {
                if (n == 0) {
                    throw trap;
                }
                break;
            }
            cacheable &= lastFetchCacheable;
            at += dc.fields[start + n] >>> 26;
            n++;
            if (endsBlock(op) || n == DecodeCache.MAX_BLOCK) {
                break;
            }
        }
        dc.commit(start, n);
        dc.block[t] = start;
        dc.tag[t] = cacheable ? ctx | (pc & 0xFFFF_FFFFL) : DecodeCache.UNCACHEABLE;
        return start;
    }

    /**
     * Control transfers end a block, and so does everything outside RV32I/M's computational
     * rows (CSRs, atomics, fences, environment and privileged instructions), which may change
     * what the next instruction sees.
     */
    private static boolean endsBlock(Opcode op) {
        Extension e = op.extension();
        return op.format() == Format.B || op == Opcode.JAL || op == Opcode.JALR
                || (e != Extension.I && e != Extension.M);
    }

    /** Fetches and decodes the instruction at {@code pc} into pool slot {@code slot}. */
    private Opcode decodeInto(int slot, int pc) {
        if ((pc & pcAlignMask) != 0) {
            throw new Trap(Cause.INSTRUCTION_ADDRESS_MISALIGNED, pc);
        }
        long pa = translate(pc, Access.FETCH);
        boolean cacheable = isRam(pa);
        int lo = fetch16(pa, pc);
        int raw;
        int bits;
        int length;
        long pa2 = -1;
        if (decoder.compressed() && (lo & 3) != 3) {
            raw = lo;
            bits = Compressed.expand(lo);
            length = 2;
            if (bits == Compressed.ILLEGAL) {
                throw new Trap(Cause.ILLEGAL_INSTRUCTION, raw);
            }
        } else {
            int pc2 = pc + 2;
            pa2 = (pc2 & 0xFFF) == 0 ? translate(pc2, Access.FETCH) : pa + 2;
            raw = lo | (fetch16(pa2, pc2) << 16);
            bits = raw;
            length = 4;
            cacheable &= isRam(pa2);
        }
        Opcode op = decoder.decode(bits);
        if (op == null) {
            throw new Trap(Cause.ILLEGAL_INSTRUCTION, raw);
        }
        if (cacheable) {
            markCode(pa);
            if (pa2 >= 0) {
                markCode(pa2);
            }
        }
        lastFetchCacheable = cacheable;
        int rd = Decoder.rd(op, bits);
        dc.op[slot] = op;
        dc.fields[slot] = op.ordinal() | (rd == 0 ? 32 : rd) << 8 | Decoder.rs1(bits) << 14 | Decoder.rs2(bits) << 20
                | length << 26;
        dc.imm[slot] = Decoder.imm(op, bits);
        dc.raw[slot] = raw;
        return op;
    }

    private int fetch16(long pa, int va) {
        try {
            return bus.load(pa, 2);
        } catch (BusError e) {
            throw new Trap(Cause.INSTRUCTION_ACCESS_FAULT, va & ~3);
        }
    }

    private boolean isRam(long pa) {
        return bus.findMemory(pa) != null;
    }

    private void markCode(long pa) {
        int page = (int) (pa >>> 12);
        long bit = 1L << ((pa >>> 6) & 63);
        if (codeLines[page] == 0) {
            codePages.add(page);
            stores.flush();
        }
        codeLines[page] |= bit;
    }

    /**
     * Forgets every decoded instruction (FENCE.I, a store to code, a loader writing memory).
     * Stores to decoded code call this themselves, so the model never runs stale code.
     */
    public void invalidateCode() {
        dc.flush();
        for (int page : codePages) {
            codeLines[page] = 0;
        }
        codePages.clear();
        ctx = dc.context(priv);
        attention = true;
    }

    // =========================================================================================
    // Address translation
    // =========================================================================================

    private int dataPrivilege() {
        return priv == M && (mstatus & Mstatus.MPRV) != 0 ? Mstatus.mpp(mstatus) : priv;
    }

    private long translate(int va, Access access) {
        int p = access == Access.FETCH ? priv : dataPrivilege();
        long r = walker.translate(satp, va, access, p, access == Access.FETCH ? priv : this.priv == M ? M : p,
                (mstatus & Mstatus.SUM) != 0, (mstatus & Mstatus.MXR) != 0, walk);
        if (r < 0) {
            translationFailure = Sv32Walker.failureOf(r);
            // VexRiscv: its instruction buses report a fetch fault at the word address.
            throw new Trap(Sv32Walker.cause(translationFailure, access), access == Access.FETCH ? va & ~3 : va);
        }
        return r;
    }

    /**
     * Translates {@code va} as the hart would now (current privilege, satp, MPRV, SUM, MXR),
     * without touching any cache, and returns the walk with the PTEs and any failure.
     */
    public Walk translateNow(int va, Access access) {
        Walk w = new Walk();
        int p = access == Access.FETCH ? priv : dataPrivilege();
        walker.translate(satp, va, access, p, access == Access.FETCH ? priv : this.priv == M ? M : p,
                (mstatus & Mstatus.SUM) != 0, (mstatus & Mstatus.MXR) != 0, w);
        return w;
    }

    /** Drops every cached translation and decoded instruction (satp write, SFENCE.VMA). */
    public void flushTranslations() {
        loads.flush();
        stores.flush();
        invalidateCode();
    }

    private void sfenceVma(int raw) {
        if (priv == U) {
            throw new Trap(Cause.ILLEGAL_INSTRUCTION, raw);
        }
        flushTranslations();
    }

    // =========================================================================================
    // Loads and stores
    // =========================================================================================

    private int load(int va, int width) {
        if ((va & (width - 1)) == 0) {
            int vpn = va >>> 12;
            int i = vpn & TranslationCache.MASK;
            if (loads.tag[i] == vpn) {
                byte[] m = loads.mem[i];
                int off = loads.offset[i] + (va & 0xFFF);
                int v = width == 4 ? Ram.getInt(m, off) : width == 2 ? Ram.getShort(m, off) : m[off] & 0xFF;
                if (tracing) {
                    records.memRead(slot, va, loads.physical[i] | (va & 0xFFF), width, v);
                }
                return v;
            }
        }
        return loadSlow(va, width);
    }

    private int loadSlow(int va, int width) {
        if ((va & (width - 1)) != 0) {
            throw new Trap(Cause.LOAD_ADDRESS_MISALIGNED, va);
        }
        long pa = translate(va, Access.LOAD);
        Bus.Mapping m = bus.findMemory(pa);
        int v;
        if (m != null) {
            Ram ram = (Ram) m.device();
            int off = (int) (pa - m.base());
            cachePage(loads, va, pa, m);
            v = ram.load(off, width);
        } else {
            v = mmioLoad(pa, width, va, Cause.LOAD_ACCESS_FAULT);
        }
        if (tracing) {
            records.memRead(slot, va, (int) pa, width, v);
        }
        return v;
    }

    private int mmioLoad(long pa, int width, int va, Cause fault) {
        try {
            return mmio.load(pa, width);
        } catch (BusError e) {
            throw new Trap(fault, va);
        }
    }

    private void store(int va, int value, int width) {
        reserved = false;
        if ((va & (width - 1)) == 0) {
            int vpn = va >>> 12;
            int i = vpn & TranslationCache.MASK;
            if (stores.tag[i] == vpn) {
                byte[] m = stores.mem[i];
                int off = stores.offset[i] + (va & 0xFFF);
                if (width == 4) {
                    Ram.putInt(m, off, value);
                } else if (width == 2) {
                    Ram.putShort(m, off, value);
                } else {
                    m[off] = (byte) value;
                }
                if (tracing) {
                    records.memWrite(slot, va, stores.physical[i] | (va & 0xFFF), width, mask(value, width));
                }
                return;
            }
        }
        storeSlow(va, value, width);
    }

    private void storeSlow(int va, int value, int width) {
        if ((va & (width - 1)) != 0) {
            throw new Trap(Cause.STORE_ADDRESS_MISALIGNED, va);
        }
        long pa = translate(va, Access.STORE);
        storePhysical(pa, value, width, va);
        if (tracing) {
            records.memWrite(slot, va, (int) pa, width, mask(value, width));
        }
    }

    private void storePhysical(long pa, int value, int width, int va) {
        Bus.Mapping m = bus.findMemory(pa);
        if (m == null) {
            try {
                mmio.store(pa, value, width);
            } catch (BusError e) {
                throw new Trap(Cause.STORE_ACCESS_FAULT, va);
            }
            return;
        }
        Ram ram = (Ram) m.device();
        if (!ram.writable()) {
            throw new Trap(Cause.STORE_ACCESS_FAULT, va);
        }
        long lines = codeLines[(int) (pa >>> 12)];
        if (lines != 0) {
            if ((lines & (1L << ((pa >>> 6) & 63))) != 0) {
                invalidateCode();
            }
        } else {
            cachePage(stores, va, pa, m);
        }
        ram.poke((int) (pa - m.base()), value, width);
    }

    private static void cachePage(TranslationCache cache, int va, long pa, Bus.Mapping m) {
        long pagePa = pa & ~0xFFFL;
        if (pagePa >= m.base() && pagePa + 4096 <= m.end()) {
            cache.put(va >>> 12, ((Ram) m.device()).bytes(), (int) (pagePa - m.base()), (int) pagePa);
        }
    }

    private static int mask(int value, int width) {
        return width == 4 ? value : value & ((1 << (8 * width)) - 1);
    }

    private int loadReserved(int va) {
        if ((va & 3) != 0) {
            throw new Trap(Cause.LOAD_ADDRESS_MISALIGNED, va);
        }
        int v = loadSlow(va, 4);
        reserved = true;
        return v;
    }

    private int storeConditional(int va, int value) {
        if ((va & 3) != 0) {
            throw new Trap(Cause.STORE_ADDRESS_MISALIGNED, va);
        }
        long pa = translate(va, Access.STORE);
        boolean success = reserved;
        reserved = false;
        if (!success) {
            return 1;
        }
        storePhysical(pa, value, 4, va);
        if (tracing) {
            records.memWrite(slot, va, (int) pa, 4, value);
        }
        return 0;
    }

    private int amo(Opcode op, int va, int rs2) {
        if ((va & 3) != 0) {
            throw new Trap(Cause.STORE_ADDRESS_MISALIGNED, va);
        }
        long pa = translate(va, Access.STORE);
        Bus.Mapping m = bus.findMemory(pa);
        int old = m != null ? m.device().load((int) (pa - m.base()), 4)
                : mmioLoad(pa, 4, va, Cause.STORE_ACCESS_FAULT);
        int result = Rv32A.amo(op, old, rs2);
        storePhysical(pa, result, 4, va);
        reserved = false;
        if (tracing) {
            records.memRead(slot, va, (int) pa, 4, old);
            records.memWrite(slot, va, (int) pa, 4, result);
        }
        return old;
    }

    // =========================================================================================
    // System instructions
    // =========================================================================================

    private int csrInstruction(Opcode op, int rd, int rs1, int csrAddress, int raw) {
        boolean immediate = op == Opcode.CSRRWI || op == Opcode.CSRRSI || op == Opcode.CSRRCI;
        int operand = immediate ? rs1 : x[rs1];
        boolean reads = !(op == Opcode.CSRRW || op == Opcode.CSRRWI) || rd != 32;
        boolean isWrite = op == Opcode.CSRRW || op == Opcode.CSRRWI || rs1 != 0;
        // Baochip-1x: an instruction that reads a read-only CSR is legal and its write is dropped
        if (isWrite && reads && profile.traps().readOnlyCsrWritesDropped() && Csrs.readOnly(csrAddress)) {
            isWrite = false;
        }
        var csr = csrs.access(csrAddress, priv, isWrite, raw);
        int old = reads ? csr.read() : 0;
        if (isWrite) {
            int value;
            switch (op) {
                case CSRRW: case CSRRWI: value = operand; break;
                case CSRRS: case CSRRSI: value = old | operand; break;
                default: value = old & ~operand; break;
            }
            csr.writer().accept(value);
            if (tracing) {
                records.csr(slot, csrAddress, csr.read());
            }
        }
        return old;
    }

    private void ecall() {
        if (ecallHook != null && ecallHook.handle(this)) {
            return;
        }
        Cause c = priv == U ? Cause.ECALL_FROM_U : priv == S ? Cause.ECALL_FROM_S : Cause.ECALL_FROM_M;
        // VexRiscv: xtval holds the instruction for every exception the CSR plugin raises itself.
        throw new Trap(c, 0x0000_0073);
    }

    private void waitForInterrupt(int raw) {
        if (priv == U && profile.has(Profile.CsrGroup.SUPERVISOR)) {
            throw new Trap(Cause.ILLEGAL_INSTRUCTION, raw);
        }
        if ((mip() & mie) == 0) {
            waiting = true;
            attention = true;
        }
    }

    // =========================================================================================
    // Traps, interrupts, events
    // =========================================================================================

    private void takeException(Cause cause, int tval) {
        lastTranslationFailure = translationFailure;
        trapStreak = retired == lastTrapRetired ? trapStreak + 1 : 1;
        lastTrapRetired = retired;
        if (trapStreak == 1) {
            lastTrapCause = cause;
            lastTrapTval = tval;
            lastTrapPc = pc;
        }
        if (tracing && !recordOpen) {
            beginRecord(RetireBuffer.KIND_TRAP, 0);
        }
        traps.take(cause, tval);
        if (tracing) {
            records.trap(slot, RetireBuffer.KIND_TRAP, cause.xcause(), tval);
            if (translationFailure != null) {
                records.mmuFailure(slot, translationFailure.ordinal() + 1);
            }
            recordTrapCsrs();
            endRecord(pc);
        }
        translationFailure = null;
    }

    private void takeInterrupt(Cause cause) {
        if (tracing) {
            beginRecord(RetireBuffer.KIND_INTERRUPT, 0);
        }
        traps.take(cause, 0);
        if (tracing) {
            records.trap(slot, RetireBuffer.KIND_INTERRUPT, cause.xcause(), 0);
            recordTrapCsrs();
            endRecord(pc);
        }
    }

    private void recordTrapCsrs() {
        if (priv == S) {
            records.csr(slot, tandem.golden.csr.Csrs.SSTATUS, mstatus & Mstatus.SSTATUS_MASK);
            records.csr(slot, tandem.golden.csr.Csrs.SEPC, sepc);
            records.csr(slot, tandem.golden.csr.Csrs.SCAUSE, scause);
            records.csr(slot, tandem.golden.csr.Csrs.STVAL, stval);
        } else {
            records.csr(slot, tandem.golden.csr.Csrs.MSTATUS, mstatus);
            records.csr(slot, tandem.golden.csr.Csrs.MEPC, mepc);
            records.csr(slot, tandem.golden.csr.Csrs.MCAUSE, mcause);
            records.csr(slot, tandem.golden.csr.Csrs.MTVAL, mtval);
        }
    }

    /** Handles interrupts, WFI and stop requests between instructions; non-null ends the run. */
    private Exit service() {
        attention = false;
        if (stopRequested) {
            stopRequested = false;
            return Exit.STOPPED;
        }
        if (autonomousInterrupts) {
            Cause c = pendingInterrupt();
            if (c != null) {
                waiting = false;
                takeInterrupt(c);
                return null;
            }
        }
        if (waiting) {
            return idle();
        }
        return null;
    }

    /** WFI: advance the devices' time until an interrupt is pending (even if not enabled). */
    private Exit idle() {
        long waited = 0;
        while ((mip() & mie) == 0) {
            if (stopRequested) {
                stopRequested = false;
                attention = true;
                return Exit.STOPPED;
            }
            if (waited >= idleLimit || ticker == null) {
                attention = true;
                return Exit.IDLE;
            }
            stalled += tickInterval;
            waited += tickInterval;
            tick();
            irqArray.advance(cycles());
        }
        waiting = false;
        attention = true;
        return null;
    }

    private void tick() {
        long now = cycles();
        long elapsed = now - lastTick;
        lastTick = now;
        nextTick = retired + tickInterval;
        if (ticker != null && elapsed > 0) {
            ticker.tick(elapsed);
        }
    }

    /**
     * The interrupt the hart would take now, following the privileged spec: pending and
     * enabled in mie, routed to M unless delegated in mideleg, globally enabled by the target
     * mode's xIE or by running below it; priority MEI, MSI, MTI, SEI, SSI, STI.
     */
    public Cause pendingInterrupt() {
        int pending = mip() & mie;
        if (pending == 0) {
            return null;
        }
        int machine = pending & ~mideleg;
        boolean machineEnabled = priv < M || (mstatus & Mstatus.MIE) != 0;
        if (machine != 0 && machineEnabled) {
            return highestPriority(machine);
        }
        int supervisor = pending & mideleg;
        boolean supervisorEnabled = priv < S || (priv == S && (mstatus & Mstatus.SIE) != 0);
        if (supervisor != 0 && supervisorEnabled) {
            return highestPriority(supervisor);
        }
        return null;
    }

    private static final Cause[] PRIORITY = {
        Cause.MACHINE_EXTERNAL_INTERRUPT, Cause.MACHINE_SOFTWARE_INTERRUPT, Cause.MACHINE_TIMER_INTERRUPT,
        Cause.SUPERVISOR_EXTERNAL_INTERRUPT, Cause.SUPERVISOR_SOFTWARE_INTERRUPT, Cause.SUPERVISOR_TIMER_INTERRUPT,
    };

    private static Cause highestPriority(int bits) {
        for (Cause c : PRIORITY) {
            if ((bits & (1 << c.code())) != 0) {
                return c;
            }
        }
        return null;
    }

    /** mip as software reads it: software-written bits plus the device lines. */
    int mip() {
        int v = mipSoftware;
        if (timerPending) {
            v |= 1 << 7;
        }
        if (softwarePending) {
            v |= 1 << 3;
        }
        if (irqArray.machinePending() != 0) {
            v |= 1 << 11;
        }
        if (irqArray.supervisorPending() != 0) {
            v |= 1 << 9;
        }
        return v;
    }

    /**
     * Lockstep: takes interrupt {@code cause} now, at this instruction boundary, because the
     * RTL took it here. The caller checks legality with {@link #pendingInterrupt()} first.
     */
    public void forceInterrupt(Cause cause) {
        waiting = false;
        takeInterrupt(cause);
        flushRecords();
    }

    /** Whether the hart takes interrupts on its own (off in lockstep: the RTL decides). */
    public void setAutonomousInterrupts(boolean on) {
        autonomousInterrupts = on;
        attention = true;
    }

    // ---- state-change notifications from CSRs, TrapUnit and devices ----

    void interruptInputsChanged() {
        attention = true;
    }

    void privilegeChanged() {
        loads.flush();
        stores.flush();
        ctx = dc.context(priv);
        attention = true;
    }

    void satpChanged() {
        flushTranslations();
    }

    void mstatusChanged() {
        loads.flush();
        stores.flush();
        attention = true;
    }

    // =========================================================================================
    // Retire stream
    // =========================================================================================

    private void beginRecord(byte kind, int insn) {
        records.begin(slot, order, kind, pc, insn, priv);
        recordOpen = true;
    }

    private void endRecord(int nextPc) {
        records.end(slot, nextPc, priv);
        recordOpen = false;
        order++;
        if (++slot == RECORD_BATCH) {
            flushRecords();
        }
    }

    private void flushRecords() {
        if (slot > 0) {
            for (RetireListener l : listeners) {
                l.retired(records, 0, slot);
            }
            slot = 0;
        }
    }

    /** Attaches a listener to the retire stream; the hart records only while one is attached. */
    public void addRetireListener(RetireListener listener) {
        flushRecords();
        listeners.add(listener);
        listenersChanged();
    }

    /** Detaches a listener. */
    public void removeRetireListener(RetireListener listener) {
        flushRecords();
        listeners.remove(listener);
        listenersChanged();
    }

    private void listenersChanged() {
        tracing = !listeners.isEmpty();
        encoder = listeners.size() == 1 && listeners.get(0) instanceof EncodedRetireListener e ? e : null;
        attention = true;
    }

    /**
     * Before a traced region appends to {@code encoder}'s buffer: hands it the records made so
     * far, makes room for one block, and says whether the next record follows on from them.
     */
    private boolean readyToAppend(EncodedRetireListener encoder) {
        flushRecords();
        if (encoder.buffer().length - encoder.position() < TRACE_RESERVE) {
            encoder.drain();
        }
        return encoder.continues(order, pc, priv);
    }

    /** The trace buffer, for a traced region. */
    byte[] jitTraceBuffer() {
        return encoder.buffer();
    }

    /** Where a traced region appends. */
    int jitTracePosition() {
        return encoder.position();
    }

    /** A traced region appended {@code count} records up to {@code position}; pc is already past them. */
    void jitAppended(int position, int count) {
        order += count;
        encoder.appended(position, count, pc);
    }

    // =========================================================================================
    // Accessors for tools, platforms and tests
    // =========================================================================================

    /** The profile the hart was built with. */
    public Profile profile() { return profile; }
    /** The physical bus. */
    public Bus bus() { return bus; }
    /** The CSRs, for tools (no privilege checks). */
    public CsrFile csrs() { return csrs; }
    /** VexRiscv's external interrupt lines. */
    public IrqArray irqArray() { return irqArray; }
    /** The page-table walker over this hart's bus. */
    public Sv32Walker walker() { return walker; }
    /** The program counter. */
    public int pc() { return pc; }

    /** Sets the program counter (loaders, lockstep). */
    public void setPc(int pc) {
        this.pc = pc;
    }

    /** Register {@code i} (x0 reads 0). */
    public int x(int i) { return i == 0 ? 0 : x[i]; }

    /** Sets register {@code i}; writes to x0 are ignored. */
    public void setX(int i, int value) {
        if (i != 0) {
            x[i] = value;
        }
    }

    /** Current privilege: {@link #U}, {@link #S} or {@link #M}. */
    public int privilege() { return priv; }

    /** Sets the privilege (loaders entering a mode directly). */
    public void setPrivilege(int p) {
        priv = p;
        privilegeChanged();
    }

    /** satp. */
    public int satp() { return satp; }
    /** mstatus. */
    public int mstatus() { return mstatus; }
    /** Instructions retired since reset (not counting traps and interrupts). */
    public long instret() { return retired; }
    /** Cycles: one per instruction plus cycles spent waiting in WFI. */
    public long cycles() { return retired + stalled; }
    /**
     * The exception that started the latest run of exceptions with no instruction retired in
     * between (the last exception when each was followed by progress), or {@code null}.
     */
    public Cause lastTrapCause() { return lastTrapCause; }
    /** Why the last exception's address translation failed, or {@code null} if it was not an MMU fault. */
    public TranslationFailure lastTranslationFailure() { return lastTranslationFailure; }
    /** xtval of {@link #lastTrapCause()}'s exception. */
    public int lastTrapTval() { return lastTrapTval; }
    /** pc of the instruction that raised {@link #lastTrapCause()}'s exception. */
    public int lastTrapPc() { return lastTrapPc; }
    /** Whether the hart sits in WFI. */
    public boolean waitingForInterrupt() { return waiting; }

    /** Drives the machine timer interrupt line (MTIP). */
    public void setMachineTimerPending(boolean level) {
        if (timerPending != level) {
            timerPending = level;
            attention = true;
        }
    }

    /** Drives the machine software interrupt line (MSIP). */
    public void setMachineSoftwarePending(boolean level) {
        if (softwarePending != level) {
            softwarePending = level;
            attention = true;
        }
    }

    /** Asks the loop to stop at the next instruction boundary; {@link #run} returns STOPPED. */
    public void requestStop() {
        stopRequested = true;
        attention = true;
    }

    /** Devices advanced every {@code interval} cycles by {@code ticker}. */
    public void setTicker(Ticking ticker, long interval) {
        this.ticker = ticker;
        this.tickInterval = Math.max(1, interval);
        this.nextTick = retired + tickInterval;
    }

    /** Asks the loop to stop executing by cycle {@code cycle} so a delayed input can land. */
    void wakeAt(long cycle) {
        if (cycle < wakeAt) {
            wakeAt = cycle;
            attention = true;
        }
    }

    /** Cycles a WFI may wait with nothing pending before {@link #run} returns IDLE. */
    public void setIdleLimit(long cycles) {
        this.idleLimit = cycles;
    }

    /**
     * Compiles a block to JVM bytecode once the interpreter has entered it {@code executions}
     * times (1: at once, as tests do to check the compiler); 0 runs the interpreter only.
     * Compiled and interpreted execution are indistinguishable but for speed.
     */
    public void setCompileThreshold(int executions) {
        if (executions < 0) {
            throw new IllegalArgumentException("compile threshold must be >= 0");
        }
        this.compileThreshold = executions;
        attention = true;
    }

    /** Regions of hot blocks compiled to bytecode (or taken from the shared cache) so far. */
    public long compiledRegions() {
        return compiledRegions;
    }

    /** Services ECALLs before they trap; {@code null} removes the hook. */
    public void setEcallHook(EcallHook hook) {
        this.ecallHook = hook;
    }

    /** Routes device (non-RAM) data accesses; lockstep uses it to replay RTL reads. */
    public void setMmioPort(MmioPort port) {
        this.mmio = port;
    }

    /** The source of the time CSR (a platform timer); defaults to the cycle count. */
    public void setTimeSource(LongSupplier source) {
        this.timeSource = source;
    }

    long time() {
        return timeSource.getAsLong();
    }

    long retiredCount() {
        return retired;
    }
}
