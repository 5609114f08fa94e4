package tandem.golden.bio;

/**
 * One BIO core: PicoRV32 as the Baochip-1x instantiates it, modelled state by state, one
 * {@code aclk} cycle per {@link #edge} call, together with its 4 KiB code/data RAM and the RAM's
 * registered ready handshake ({@code REGISTER_RAM}).
 *
 * <p>The configuration fixes the timing: dual-port register file, barrel shifter, compressed
 * instructions with PicoRV32's look-ahead fetch and high-halfword prefetch, fast multiply through
 * the internal PCPI port (four cycles in ld_rs1), illegal instructions trapping after the PCPI
 * timeout, no counters, no IRQs. The model follows the RTL's registers and the combinational
 * terms between them; it does not follow its code. Registers x16–x31 are not storage: reads and
 * writes of them become the side-effect signals ({@link #outFifoRead}, {@link #outWen} ...) that
 * {@link Bio} resolves for all four cores each cycle.
 *
 * <p>A cycle is two calls: {@link #evalOutputs} (the combinational signals the BIO block needs to
 * decide the stall) and then {@link #edge} (the clock edge; the core's own state advances only
 * when it is not stalled, the RAM handshake advances always, as the RTL's clock gate does).
 */
final class BioCore {

    // One-hot state encoding as in the RTL, so traces show the RTL's values.
    static final int TRAP = 0x80, FETCH = 0x40, LD_RS1 = 0x20, EXEC = 0x08, STMEM = 0x02, LDMEM = 0x01;

    static final int RAM_WORDS = 1024;
    private static final int DECODE_CACHE = 1024;

    final int id;
    final int[] ram;
    private final BioConfig config;

    // RAM side, clocked by aclk (never gated).
    private boolean memValidD;
    private boolean deadCycle;
    private int ramQ;

    // Memory interface.
    private int memState;
    private boolean memValid;
    private int memAddr;
    private int memWdata;
    private int memWstrb;
    private int memWordsize;
    private int memRdataQ;
    private boolean memDoPrefetch, memDoRinst, memDoRdata, memDoWdata;
    private boolean memLaSecondword, memLaFirstwordReg, lastMemValid;
    private boolean prefetchedHighWord, clearPhwQ;
    private int buf16;

    // Decoder: early fields (latched when the fetch completes) and the late op/imm (one cycle later).
    private int dec;
    private int decImmJ;
    private int pendingImm;
    private int sideRs1, sideRs2;
    private boolean decoderTrigger, decoderPseudoTrigger;
    private int op;
    private int imm;

    // Main state machine.
    int cpuState;
    int regPc;
    private int regNextPc, regOp1, regOp2, regOut;
    private boolean latchedStore, latchedStalu, latchedBranch, latchedCompr;
    private boolean latchedIsLu, latchedIsLh, latchedIsLb;
    private int latchedRd;
    private int aluOutQ;
    private boolean trap;
    private int dbgPc;

    // PCPI fast multiplier and timeout.
    private boolean pcpiValid;
    private int pcpiTimeoutCounter;
    private boolean pcpiTimeout;
    private int mulActive;
    private long mulRs1, mulRs2, mulRd;
    private boolean mulShiftOut;

    // Register file: x1..x15, and the x26/x27 masks.
    private final int[] regs;
    int gpioMask = -1;
    int eventMask;

    // Decode cache, direct-mapped on the instruction word.
    private final int[] cacheTag;
    private final int[] cacheDec;
    private final int[] cacheImm;
    private final int[] cacheImmJ;
    private final boolean[] cacheValid;
    private final int[] immScratch;

    // Outputs of evalOutputs for this cycle.
    boolean outWen;
    int outWaddr;
    int outWdata;
    /** FIFOs this core pops this cycle (bit k = FIFO k); ld_rs1 reads of x16–x19. */
    int outFifoRead;
    /** FIFOs this core pushes this cycle; writeback to x16–x19. */
    int outFifoWrite;
    /** quanta_halt: a read or write of x20 waits for the next quantum pulse. */
    boolean outQuantaHalt;
    /** stalling_for_event: a read of x30 while no masked event is set. */
    boolean outEventStall;
    /** The state changed since the outputs were last computed. */
    private boolean dirty = true;
    private boolean outputsForReset;

    BioCore(int id, BioConfig config) {
        this.id = id;
        this.config = config;
        ram = new int[RAM_WORDS];
        regs = new int[16];
        cacheTag = new int[DECODE_CACHE];
        cacheDec = new int[DECODE_CACHE];
        cacheImm = new int[DECODE_CACHE];
        cacheImmJ = new int[DECODE_CACHE];
        cacheValid = new boolean[DECODE_CACHE];
        immScratch = new int[2];
        writes = new BlockWrites();
        reset();
    }

    /** A snapshot of {@code source}'s micro-state and tracked registers, without RAM, registers or decode cache. */
    private BioCore(BioCore source) {
        this.id = source.id;
        this.config = source.config;
        ram = null;
        regs = null;
        cacheTag = null;
        cacheDec = null;
        cacheImm = null;
        cacheImmJ = null;
        cacheValid = null;
        immScratch = null;
        writes = null;
        copyMicroState(source);
        copyTracked(source, W_ALL);
    }

    /** True once the core executed an illegal instruction, ecall or ebreak (DBGn.TRAP). */
    boolean trapped() {
        return trap;
    }

    /**
     * The core has trapped and come to rest: a clock edge, gated or not, changes none of its
     * state. In the trap state with no memory request, fetch, decode or PCPI operation under way
     * and the registers a trap clock rewrites already at the values it writes, {@link #step}
     * and {@link #ramEdge} are the identity (see the trap branches there).
     */
    boolean trapAtRest() {
        if (cpuState != TRAP || !trap) {
            return false;
        }
        // A prefetch started before the trap stays requested but never completes: it only keeps
        // the look-ahead flag that step() recomputes from it.
        int nextPc = latchedStore && latchedBranch ? regOut & ~1 : regNextPc;
        boolean laFirstword = memDoPrefetch && (nextPc & 2) != 0;
        return !memValid && !memValidD && !deadCycle && !lastMemValid
                && !memDoRinst && !memDoRdata && !memDoWdata
                && !decoderTrigger && !decoderPseudoTrigger && memLaFirstwordReg == laFirstword && !memLaSecondword
                && !prefetchedHighWord && clearPhwQ == latchedBranch
                && !pcpiValid && mulActive == 0 && !mulShiftOut && pcpiTimeoutCounter == 15 && !pcpiTimeout
                && dbgPc == (regPc & 0xFFF) && (regPc & 1) == 0 && (regNextPc & 1) == 0;
    }

    /** The 12-bit program counter the DBGn register shows (one core cycle behind reg_pc). */
    int dbgPc() {
        return dbgPc;
    }

    /** Architectural register {@code i} for x1–x15, else 0. */
    int x(int i) {
        return i > 0 && i < 16 ? regs[i] : 0;
    }

    /** The RAM word the host sees through the code window while the core is disabled. */
    int ramOutput() {
        return ramQ;
    }

    /**
     * Computes this cycle's side-effect signals from the current state.
     *
     * @param events the aggregated event register (for the x30 wait)
     * @param inReset the core's reset is asserted this cycle
     */
    void evalOutputs(int events, boolean inReset) {
        if (!dirty && inReset == outputsForReset) {
            // A gated core's outputs only follow the events it may be waiting for.
            if (cpuState == LD_RS1 && !inReset) {
                int mask = eventMask;
                boolean ren2 = (dec & BioInsn.READS_RS2_PORT) != 0;
                outEventStall = mask != 0 && (mask & events) == 0 && (sideRs1 == 30 || (ren2 && sideRs2 == 30));
            }
            return;
        }
        dirty = false;
        outputsForReset = inReset;
        if (inReset) {
            outWen = false;
            outFifoRead = 0;
            outFifoWrite = 0;
            outEventStall = false;
            outQuantaHalt = sideRs1 == 20 || sideRs2 == 20;
            return;
        }
        int state = cpuState;
        boolean wen = state == FETCH && (latchedBranch || latchedStore) && latchedRd != 0;
        outWen = wen;
        int fifoWrite = 0;
        boolean quanta = sideRs1 == 20 || sideRs2 == 20;
        if (wen) {
            int waddr = latchedRd;
            outWaddr = waddr;
            outWdata = latchedBranch ? regPc + (latchedCompr ? 2 : 4) : latchedStalu ? aluOutQ : regOut;
            if ((waddr & 0x1C) == 16) {
                fifoWrite = 1 << (waddr & 3);
            } else if (waddr == 20) {
                quanta = true;
            }
        }
        outFifoWrite = fifoWrite;
        outQuantaHalt = quanta;
        int fifoRead = 0;
        boolean eventStall = false;
        if (state == LD_RS1) {
            int r1 = sideRs1;
            if ((r1 & 0x1C) == 16) {
                fifoRead = 1 << (r1 & 3);
            }
            boolean ren2 = (dec & BioInsn.READS_RS2_PORT) != 0;
            int r2 = sideRs2;
            if ((r2 & 0x1C) == 16) {
                // The register file decodes rs2 after rs1 and assigns that FIFO's pop strobe
                // from ren2, so an rs2 field naming the rs1 FIFO in a format without rs2 (an
                // immediate whose low bits are 16..19) cancels the pop: the read becomes a peek
                // that neither pops nor waits while the FIFO is empty.
                if (ren2) {
                    fifoRead |= 1 << (r2 & 3);
                } else {
                    fifoRead &= ~(1 << (r2 & 3));
                }
            }
            int mask = eventMask;
            if (mask != 0 && (mask & events) == 0 && (r1 == 30 || (ren2 && r2 == 30))) {
                eventStall = true;
            }
        }
        outFifoRead = fifoRead;
        outEventStall = eventStall;
    }

    /**
     * One aclk edge.
     *
     * @param stalled the core clock is gated this cycle
     * @param inReset the core's reset is asserted
     * @param enabled en_sync: the core owns its RAM port (else the host does)
     * @param bio the block, for the register-file inputs (FIFO heads, pins, events, x31)
     */
    void edge(boolean stalled, boolean inReset, boolean enabled, Bio bio) {
        boolean ready = memValidD && !deadCycle && memValid;
        int rdata = ramQ;
        ramEdge(enabled);
        if (inReset) {
            // The x26/x27 registers reset asynchronously; PicoRV32's reset is synchronous and
            // needs the core clock, which the gate holds while the core is disabled or waiting.
            dirty = true;
            gpioMask = -1;
            eventMask = 0;
            if (!stalled) {
                reset();
            }
            return;
        }
        if (!stalled) {
            dirty = true;
            spanStart = false;
            step(ready, rdata, bio);
        }
    }

    /**
     * The RAM and its ready handshake on the ungated clock, from pre-edge values: all of a clock
     * edge that a stalled core out of reset sees.
     *
     * @param enabled en_sync: the core owns its RAM port (else the host does)
     */
    void ramEdge(boolean enabled) {
        boolean valid = memValid;
        boolean ready = memValidD && !deadCycle && valid;
        boolean newValidD = valid || (outQuantaHalt && memValidD);
        deadCycle = memValidD && ready;
        memValidD = newValidD;
        if (valid && enabled) {
            if ((written & W_MEMADDR) == 0) {
                consumed |= W_MEMADDR;
            }
            int addr = memAddr;
            if ((addr >>> 28) != 0) {
                throw new tandem.golden.TandemException(String.format(
                        "BIO core %d: access to 0x%08x at pc 0x%03x goes to the BDMA bus, which the model does not cover",
                        id, addr, regPc & 0xFFF));
            }
            int index = (addr >>> 2) & (RAM_WORDS - 1);
            int old = ram[index];
            ramQ = old;
            written |= W_RAMQ;
            int strobe = memWstrb;
            if (memAddrIsFetch && strobe == 0 && learnNode != null) {
                logFetch(index);
            }
            if (strobe != 0) {
                int mask = (strobe & 1) * 0xFF | (strobe & 2) * 0x7F80 | (strobe & 4) * 0x3FC000 | (strobe & 8) * 0x1FE00000;
                ram[index] = (old & ~mask) | (memWdata & mask);
                if (fetchedWords[index]) {
                    codeVersion++;
                }
            }
        }
    }

    /**
     * {@code n} more stalled clocks of {@link #ramEdge} after two have already run: from then on
     * the handshake of a waiting request only toggles {@code dead_cycle} (the RAM re-reads the same
     * word), and without a request nothing moves.
     */
    void ramEdgesSettled(long n) {
        if (memValid && memValidD && (n & 1) != 0) {
            deadCycle = !deadCycle;
        }
    }

    /** Applies the core's reset (global reset or RESTART). x1–x15 keep their values, as in the RTL. */
    void reset() {
        dirty = true;
        memState = 0;
        memValid = false;
        memLaSecondword = false;
        prefetchedHighWord = false;
        memLaFirstwordReg = false;
        lastMemValid = false;
        clearPhwQ = true;
        memDoPrefetch = memDoRinst = memDoRdata = memDoWdata = false;
        decoderTrigger = false;
        decoderPseudoTrigger = false;
        dbgPc = regPc & 0xFFF;
        regPc = 0;
        regNextPc = 0;
        latchedStore = true;
        latchedRd = 2;
        regOut = 0xFFF;
        written |= W_REGOUT;
        latchedStalu = false;
        latchedBranch = false;
        latchedIsLu = latchedIsLh = latchedIsLb = false;
        pcpiValid = false;
        pcpiTimeout = false;
        pcpiTimeoutCounter = 15;
        mulActive = 0;
        cpuState = FETCH;
        trap = false;
        gpioMask = -1;
        eventMask = 0;
    }

    int readPort(int r, Bio bio) {
        switch (r) {
            case 0: return 0;
            case 16: case 17: case 18: case 19: return bio.fifoHead(r - 16);
            case 21: return bio.pinsSeenByCores();
            case 30: return bio.events();
            default: return r < 16 ? regs[r] : localOperand(r, bio.clockCount(id));
        }
    }

    private int decode(int word) {
        int key = (word ^ (word >>> 13) ^ (word >>> 22)) & (DECODE_CACHE - 1);
        if (!cacheValid[key] || cacheTag[key] != word) {
            int[] immOut = immScratch;
            cacheDec[key] = BioInsn.decode(word, immOut);
            cacheImm[key] = immOut[0];
            cacheImmJ[key] = immOut[1];
            cacheTag[key] = word;
            cacheValid[key] = true;
        }
        pendingImm = cacheImm[key];
        decImmJ = cacheImmJ[key];
        return cacheDec[key];
    }

    static int aluOut(int op, int a, int b) {
        switch (op) {
            case BioInsn.SUB: return a - b;
            case BioInsn.SLT: case BioInsn.SLTI: return a < b ? 1 : 0;
            case BioInsn.SLTU: case BioInsn.SLTIU: return Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
            case BioInsn.XOR: case BioInsn.XORI: return a ^ b;
            case BioInsn.OR: case BioInsn.ORI: return a | b;
            case BioInsn.AND: case BioInsn.ANDI: return a & b;
            case BioInsn.SLL: case BioInsn.SLLI: return a << b;
            case BioInsn.SRL: case BioInsn.SRLI: return a >>> b;
            case BioInsn.SRA: case BioInsn.SRAI: return a >> b;
            default: return a + b;
        }
    }

    static boolean branchTaken(int op, int a, int b) {
        switch (op) {
            case BioInsn.BEQ: return a == b;
            case BioInsn.BNE: return a != b;
            case BioInsn.BLT: return a < b;
            case BioInsn.BGE: return a >= b;
            case BioInsn.BLTU: return Integer.compareUnsigned(a, b) < 0;
            case BioInsn.BGEU: return Integer.compareUnsigned(a, b) >= 0;
            default: return false;
        }
    }

    /** The core's clock edge when not stalled and not in reset. */
    private void step(boolean memReady, int memRdata, Bio bio) {
        // Register-file write (combinational in fetch, committed at this edge).
        if (outWen) {
            int waddr = outWaddr;
            if (waddr < 16) {
                regs[waddr] = outWdata;
            } else if (waddr == 26) {
                gpioMask = outWdata;
            } else if (waddr == 27) {
                eventMask = outWdata;
            }
        }

        // Memory interface, combinational part.
        final boolean doPrefetch = memDoPrefetch;
        final boolean doRinst = memDoRinst;
        final boolean doRdata = memDoRdata;
        final boolean doWdata = memDoWdata;
        final boolean fetching = doPrefetch || doRinst;
        final int nextPc = latchedStore && latchedBranch ? regOut & ~1 : regNextPc;
        final boolean laFirstword = fetching && (nextPc & 2) != 0 && !memLaSecondword;
        final boolean clearPhw = latchedBranch || (prefetchedHighWord && clearPhwQ);
        final boolean laUsePhw = laFirstword && prefetchedHighWord && !clearPhw;
        final boolean xfer = (memValid && memReady) || (laUsePhw && doRinst);
        final boolean staleRdata = (written & W_RAMQ) == 0;
        if (memValid && memReady && staleRdata) {
            // The RAM output this transfer reads was there before the span began.
            consumed |= W_RAMQ;
        }
        if ((laUsePhw || memLaSecondword) && (written & W_BUF16) == 0) {
            consumed |= W_BUF16;
        }
        if (!xfer && memState == 3 && doRinst && (written & W_MEMRDATAQ) == 0) {
            consumed |= W_MEMRDATAQ;
        }
        final int noshuf = xfer ? memRdata : memRdataQ;
        final int latched = laUsePhw ? buf16
                : memLaSecondword ? (noshuf << 16) | buf16
                : laFirstword ? noshuf >>> 16 : noshuf;
        final boolean firstwordSel = lastMemValid ? memLaFirstwordReg : laFirstword;
        final boolean full32 = (latched & 3) == 3;
        final boolean memDone = ((xfer && memState != 0 && (doRinst || doRdata || doWdata)) || (memState == 3 && doRinst))
                && (!laFirstword || (!full32 && xfer));
        final boolean laWrite = memState == 0 && doWdata;
        final boolean laRead = (!laUsePhw && memState == 0 && (fetching || doRdata))
                || (xfer && firstwordSel && !memLaSecondword && full32);

        if (!lastMemValid) {
            memLaFirstwordReg = laFirstword;
        }
        lastMemValid = memValid && !memReady;

        // Memory interface, registered part.
        final int wordsize = memWordsize;
        final int op1 = regOp1;
        if (trap) {
            if (memReady) {
                memValid = false;
            }
            memLaSecondword = false;
            prefetchedHighWord = false;
        } else {
            if (laRead || laWrite) {
                int addr = fetching ? ((nextPc >>> 2) + (xfer && firstwordSel ? 1 : 0)) << 2 : op1 & ~3;
                memAddr = addr;
                memAddrIsFetch = fetching;
                written |= W_MEMADDR;
                if (laWrite) {
                    int op2 = regOp2;
                    switch (wordsize) {
                        case 0: memWstrb = 0xF; memWdata = op2; break;
                        case 1: memWstrb = (op1 & 2) != 0 ? 0xC : 0x3; memWdata = (op2 & 0xFFFF) * 0x10001; break;
                        default: memWstrb = 1 << (op1 & 3); memWdata = (op2 & 0xFF) * 0x01010101; break;
                    }
                    written |= W_MEMWDATA;
                } else {
                    memWstrb = 0;
                }
            }
            switch (memState) {
                case 0:
                    if (fetching || doRdata) {
                        memValid = !laUsePhw;
                        memWstrb = 0;
                        memState = 1;
                    }
                    if (doWdata) {
                        memValid = true;
                        memState = 2;
                    }
                    break;
                case 1:
                    if (xfer) {
                        if (laRead) {
                            memValid = true;
                            if (!laUsePhw) {
                                buf16 = memRdata >>> 16;
                                written |= W_BUF16;
                            }
                            memLaSecondword = true;
                        } else {
                            boolean second = memLaSecondword;
                            memValid = false;
                            memLaSecondword = false;
                            if (!doRdata) {
                                if (staleRdata && !(memValid && memReady)) {
                                    // A prefetched halfword completed the fetch; the RAM output
                                    // left from before the span decides the next prefetch flag.
                                    staleLowBitsRead = true;
                                }
                                if ((memRdata & 3) != 3 || second) {
                                    buf16 = memRdata >>> 16;
                                    written |= W_BUF16;
                                    prefetchedHighWord = true;
                                } else {
                                    prefetchedHighWord = false;
                                }
                            }
                            memState = doRinst || doRdata ? 0 : 3;
                        }
                    }
                    break;
                case 2:
                    if (xfer) {
                        memValid = false;
                        memState = 0;
                    }
                    break;
                default:
                    if (doRinst) {
                        memState = 0;
                    }
                    break;
            }
        }
        if (clearPhw) {
            prefetchedHighWord = false;
        }
        clearPhwQ = clearPhw;
        if (xfer) {
            memRdataQ = latched;
            written |= W_MEMRDATAQ;
        }

        // PCPI multiplier (its registers sample the pre-edge pcpi_valid / operands) and the
        // PCPI timeout; both sit still while no PCPI instruction is in ld_rs1.
        final boolean pcpiReady = (mulActive & 2) != 0;
        final int pcpiRd = mulShiftOut ? (int) (mulRd >>> 32) : (int) mulRd;
        final int curOp = op;
        final boolean timeout = pcpiTimeout;
        if (pcpiValid || mulActive != 0 || mulShiftOut) {
            final boolean mulInsn = pcpiValid && curOp >= BioInsn.MUL;
            final long product = mulRs1 * mulRs2;
            int active0 = 0;
            if (mulInsn && (mulActive & 3) == 0) {
                mulRs1 = curOp == BioInsn.MULH || curOp == BioInsn.MULHSU ? (long) regOp1 : regOp1 & 0xFFFF_FFFFL;
                mulRs2 = curOp == BioInsn.MULH ? (long) regOp2 : regOp2 & 0xFFFF_FFFFL;
                active0 = 1;
                written |= W_MULRS;
            }
            mulActive = ((mulActive << 1) & 0xE) | active0;
            mulRd = product;
            written |= W_MULRD;
            mulShiftOut = mulInsn && curOp != BioInsn.MUL;
        }
        if (pcpiValid || pcpiTimeoutCounter != 15 || timeout) {
            pcpiTimeout = pcpiTimeoutCounter == 0;
            if (pcpiValid) {
                if (pcpiTimeoutCounter != 0) {
                    pcpiTimeoutCounter--;
                }
            } else {
                pcpiTimeoutCounter = 15;
            }
        }

        // Main state machine.
        boolean nPrefetch = doPrefetch;
        boolean nRinst = doRinst;
        boolean nRdata = doRdata;
        boolean nWdata = doWdata;
        boolean setRinst = false;
        boolean setRdata = false;
        boolean setWdata = false;
        boolean nDecoderTrigger = doRinst && memDone;
        boolean nPseudo = false;
        final int oldPc = regPc;
        dbgPc = oldPc & 0xFFF;
        final int d = dec;
        trap = false;
        switch (cpuState) {
            case TRAP:
                trap = true;
                break;
            case FETCH: {
                nRinst = !decoderTrigger;
                memWordsize = 0;
                int cur = regNextPc;
                if (latchedBranch && latchedStore) {
                    cur = (latchedStalu ? aluOutQ : regOut) & ~1;
                }
                regPc = cur;
                regNextPc = cur;
                latchedStore = false;
                latchedStalu = false;
                latchedBranch = false;
                latchedIsLu = latchedIsLh = latchedIsLb = false;
                latchedRd = BioInsn.rd(d);
                latchedCompr = (d & BioInsn.COMPRESSED) != 0;
                if (decoderTrigger) {
                    regNextPc = cur + ((d & BioInsn.COMPRESSED) != 0 ? 2 : 4);
                    int early = BioInsn.op(d);
                    if (early == BioInsn.JAL) {
                        nRinst = true;
                        regNextPc = cur + decImmJ;
                        latchedBranch = true;
                    } else {
                        nRinst = false;
                        nPrefetch = early != BioInsn.JALR;
                        cpuState = LD_RS1;
                        spanStart = true;
                    }
                }
                break;
            }
            case LD_RS1: {
                int rs1 = BioInsn.rs1(d);
                int rs2 = BioInsn.rs2(d);
                int v1 = rs1 == 0 ? 0 : readPort(rs1, bio);
                if (BioInsn.isPcpi(curOp)) {
                    int v2 = rs2 == 0 ? 0 : readPort(rs2, bio);
                    regOp1 = v1;
                    regOp2 = v2;
                    written |= W_REGOP1 | W_REGOP2;
                    pcpiValid = true;
                    if (pcpiReady) {
                        nRinst = true;
                        pcpiValid = false;
                        regOut = pcpiRd;
                        written |= W_REGOUT;
                        latchedStore = true;
                        cpuState = FETCH;
                    } else if (timeout || curOp == BioInsn.ECALL_EBREAK) {
                        pcpiValid = false;
                        cpuState = TRAP;
                    }
                } else if ((d & BioInsn.UJ_CATEGORY) != 0) {
                    regOp1 = BioInsn.op(d) == BioInsn.LUI ? 0 : oldPc;
                    regOp2 = imm;
                    written |= W_REGOP1 | W_REGOP2;
                    nRinst = doPrefetch;
                    cpuState = EXEC;
                } else if ((d & BioInsn.LOAD_CATEGORY) != 0) {
                    regOp1 = v1;
                    written |= W_REGOP1;
                    nRinst = true;
                    cpuState = LDMEM;
                } else if ((d & BioInsn.IMM_CATEGORY) != 0) {
                    regOp1 = v1;
                    regOp2 = curOp == BioInsn.SLLI || curOp == BioInsn.SRLI || curOp == BioInsn.SRAI ? rs2 : imm;
                    written |= W_REGOP1 | W_REGOP2;
                    nRinst = doPrefetch;
                    cpuState = EXEC;
                } else {
                    regOp1 = v1;
                    regOp2 = rs2 == 0 ? 0 : readPort(rs2, bio);
                    written |= W_REGOP1 | W_REGOP2;
                    if ((d & BioInsn.STORE_CATEGORY) != 0) {
                        nRinst = true;
                        cpuState = STMEM;
                    } else {
                        nRinst = doPrefetch;
                        cpuState = EXEC;
                    }
                }
                break;
            }
            case EXEC: {
                // alu_out_q is registered every cycle but only read in the fetch cycle after exec.
                aluOutQ = aluOut(curOp, regOp1, regOp2);
                regOut = oldPc + imm;
                written |= W_ALUOUT | W_REGOUT;
                if ((d & BioInsn.BRANCH_CATEGORY) != 0) {
                    boolean taken = branchTaken(curOp, regOp1, regOp2);
                    latchedRd = 0;
                    latchedStore = taken;
                    latchedBranch = taken;
                    if (memDone) {
                        cpuState = FETCH;
                    }
                    if (taken) {
                        nDecoderTrigger = false;
                        setRinst = true;
                    }
                } else {
                    latchedBranch = BioInsn.op(d) == BioInsn.JALR;
                    latchedStore = true;
                    latchedStalu = true;
                    cpuState = FETCH;
                }
                break;
            }
            case STMEM:
                if (!doPrefetch || memDone) {
                    if (!doWdata) {
                        memWordsize = curOp == BioInsn.SB ? 2 : curOp == BioInsn.SH ? 1 : 0;
                        regOp1 = op1 + imm;
                        written |= W_REGOP1;
                        setWdata = true;
                    }
                    if (!doPrefetch && memDone) {
                        cpuState = FETCH;
                        nDecoderTrigger = true;
                        nPseudo = true;
                    }
                }
                break;
            case LDMEM:
                latchedStore = true;
                if (!doPrefetch || memDone) {
                    if (!doRdata) {
                        memWordsize = curOp == BioInsn.LB || curOp == BioInsn.LBU ? 2
                                : curOp == BioInsn.LH || curOp == BioInsn.LHU ? 1 : 0;
                        latchedIsLu = curOp == BioInsn.LBU || curOp == BioInsn.LHU || curOp == BioInsn.LW;
                        latchedIsLh = curOp == BioInsn.LH;
                        latchedIsLb = curOp == BioInsn.LB;
                        regOp1 = op1 + imm;
                        written |= W_REGOP1;
                        setRdata = true;
                    }
                    if (!doPrefetch && memDone) {
                        int word;
                        switch (wordsize) {
                            case 0: word = memRdata; break;
                            case 1: word = (op1 & 2) != 0 ? memRdata >>> 16 : memRdata & 0xFFFF; break;
                            default: word = (memRdata >>> ((op1 & 3) * 8)) & 0xFF; break;
                        }
                        written |= W_REGOUT;
                        if (latchedIsLu) {
                            regOut = word;
                        } else if (latchedIsLh) {
                            regOut = (short) word;
                        } else if (latchedIsLb) {
                            regOut = (byte) word;
                        }
                        nDecoderTrigger = true;
                        nPseudo = true;
                        cpuState = FETCH;
                    }
                }
                break;
            default:
                break;
        }
        if (memDone) {
            nPrefetch = nRinst = nRdata = nWdata = false;
        }
        if (setRinst) {
            nRinst = true;
        }
        if (setRdata) {
            nRdata = true;
        }
        if (setWdata) {
            nWdata = true;
        }
        // Late decode of the instruction latched one cycle earlier, then the early decode of a new one.
        if (decoderTrigger && !decoderPseudoTrigger) {
            op = BioInsn.op(d);
            imm = pendingImm;
        }
        if (doRinst && memDone) {
            int nd = decode(latched);
            dec = nd;
            int r1 = BioInsn.rs1(nd);
            int r2 = BioInsn.rs2(nd);
            sideRs1 = config.phantomRs1() || (nd & BioInsn.RS1_REAL) != 0 ? r1 : 0;
            sideRs2 = config.phantomRs2() || (nd & BioInsn.RS2_REAL) != 0 ? r2 : 0;
        }
        decoderTrigger = nDecoderTrigger;
        decoderPseudoTrigger = nPseudo;
        memDoPrefetch = nPrefetch;
        memDoRinst = nRinst;
        memDoRdata = nRdata;
        memDoWdata = nWdata;
        regPc &= ~1;
        regNextPc &= ~1;
    }

    // ---------------------------------------------------------------- span replay

    /*
     * A span runs from the clock a core enters ld_rs1 for an instruction to the clock it enters
     * ld_rs1 for the next one. The reference steps above are learned once per SpanNode and outcome
     * (SpanEdge); later visits replay the instruction's effect on registers and memory in one step
     * and take the learned micro-state. Bio decides when (see Bio.runSpans).
     */

    /** Tracked datapath registers: written by spans with operand-dependent or span-constant values. */
    static final int W_REGOP1 = 1, W_REGOP2 = 2, W_ALUOUT = 4, W_REGOUT = 8, W_MULRS = 16, W_MULRD = 32,
            W_MEMWDATA = 64, W_MEMADDR = 128, W_RAMQ = 256, W_MEMRDATAQ = 512, W_BUF16 = 1024, W_ALL = 2047;
    /** The tracked registers instruction fetches write. */
    static final int FETCH_FIELDS = W_MEMADDR | W_RAMQ | W_MEMRDATAQ | W_BUF16;

    /** Tracked registers written since the learning span began. */
    private int written;
    /** The last clock edge entered ld_rs1 and the core has not been dispatched since: a span boundary. */
    boolean spanStart;
    /** memAddr was set by an instruction fetch (its RAM reads belong to the span's fetched words). */
    private boolean memAddrIsFetch;
    private final int[] fetchLog = new int[8];
    /** Distinct fetched RAM words this span, or -1 after more than the log holds. */
    private int fetchCount;

    // Replay state, driven by Bio.
    /** The core runs ahead by spans; its micro-state fields are stale until {@link #materialize}. */
    boolean fast;
    /** While {@link #fast}: the clock at which the core sits at {@link #node}. */
    long tc;
    SpanNode node;
    /** The table spans are learned into, shared by the block's cores ({@link #useTable}). */
    SpanTable table;
    /** The table's RAM word indices some learned span fetches, and this core's count of changes to them. */
    private boolean[] fetchedWords;
    private int codeVersion;
    /** The last span replayed since the micro-state was last materialised. */
    private SpanEdge lastEdge;
    /** A committed span's FIFO pop (at its first clock) and block write, for Bio to apply at those clocks. */
    long popAt = -1;
    int popMask;
    /** Block writes of replayed spans not yet applied (null in a snapshot). */
    final BlockWrites writes;

    // Learning, while the reference steps a span.
    private SpanNode learnNode;
    private long learnStart;
    private int learnV1;
    private int learnV2;
    private int learnWord;
    private int learnVariant;
    private int learnNextPc;
    private int learnWens;
    private int learnRamQ;
    /** Tracked registers the learning span read as they were when it began (its guards). */
    private int consumed;
    private int learnMemAddr;
    private int learnBuf16;
    private int learnMemRdataQ;
    /** The learning span took the prefetch flag and halfword from the RAM output as it was when the span began. */
    private boolean staleLowBitsRead;
    private final int[] learnWenOffset = new int[4];
    private final int[] learnWenAddr = new int[4];
    private final int[] learnWenData = new int[4];

    private void logFetch(int index) {
        int n = fetchCount;
        if (n < 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (fetchLog[i] == index) {
                return;
            }
        }
        if (n == fetchLog.length) {
            fetchCount = -1;
            return;
        }
        fetchLog[n] = index;
        fetchCount = n + 1;
    }

    /** PicoRV32's and the memory interface's control registers, packed (the timing-relevant state). */
    long controlWord() {
        long w = (memValidD ? 1 : 0) | (deadCycle ? 2 : 0) | memState << 2 | (memValid ? 16 : 0) | memWordsize << 5
                | (memDoPrefetch ? 1 << 7 : 0) | (memDoRinst ? 1 << 8 : 0) | (memDoRdata ? 1 << 9 : 0)
                | (memDoWdata ? 1 << 10 : 0) | (memLaSecondword ? 1 << 11 : 0) | (memLaFirstwordReg ? 1 << 12 : 0)
                | (lastMemValid ? 1 << 13 : 0) | (prefetchedHighWord ? 1 << 14 : 0) | (clearPhwQ ? 1 << 15 : 0)
                | (decoderTrigger ? 1 << 16 : 0) | (decoderPseudoTrigger ? 1 << 17 : 0) | cpuState << 18
                | (latchedStore ? 1 << 26 : 0) | (latchedStalu ? 1 << 27 : 0) | (latchedBranch ? 1 << 28 : 0)
                | (latchedCompr ? 1 << 29 : 0) | (latchedIsLu ? 1 << 30 : 0);
        return w | (latchedIsLh ? 1L << 31 : 0) | (latchedIsLb ? 1L << 32 : 0) | (long) latchedRd << 33
                | (trap ? 1L << 39 : 0) | (pcpiValid ? 1L << 40 : 0) | (long) pcpiTimeoutCounter << 41
                | (pcpiTimeout ? 1L << 45 : 0) | (long) mulActive << 46 | (mulShiftOut ? 1L << 50 : 0)
                | (long) memWstrb << 51 | (memAddrIsFetch ? 1L << 55 : 0) | (long) (regNextPc - regPc) << 56;
    }

    /** The node this core sits at (call at a span boundary). */
    SpanNode.Key nodeKey() {
        return new SpanNode.Key(controlWord(), regPc, dec, pendingImm, decImmJ, op, imm, sideRs1, sideRs2);
    }

    /** Copies every register but the RAM, x1–x15, the masks and the tracked datapath registers. */
    private void copyMicroState(BioCore s) {
        memValidD = s.memValidD;
        deadCycle = s.deadCycle;
        memState = s.memState;
        memValid = s.memValid;
        memWstrb = s.memWstrb;
        memWordsize = s.memWordsize;
        memDoPrefetch = s.memDoPrefetch;
        memDoRinst = s.memDoRinst;
        memDoRdata = s.memDoRdata;
        memDoWdata = s.memDoWdata;
        memLaSecondword = s.memLaSecondword;
        memLaFirstwordReg = s.memLaFirstwordReg;
        lastMemValid = s.lastMemValid;
        prefetchedHighWord = s.prefetchedHighWord;
        clearPhwQ = s.clearPhwQ;
        memAddrIsFetch = s.memAddrIsFetch;
        dec = s.dec;
        decImmJ = s.decImmJ;
        pendingImm = s.pendingImm;
        sideRs1 = s.sideRs1;
        sideRs2 = s.sideRs2;
        decoderTrigger = s.decoderTrigger;
        decoderPseudoTrigger = s.decoderPseudoTrigger;
        op = s.op;
        imm = s.imm;
        cpuState = s.cpuState;
        regPc = s.regPc;
        regNextPc = s.regNextPc;
        latchedStore = s.latchedStore;
        latchedStalu = s.latchedStalu;
        latchedBranch = s.latchedBranch;
        latchedCompr = s.latchedCompr;
        latchedIsLu = s.latchedIsLu;
        latchedIsLh = s.latchedIsLh;
        latchedIsLb = s.latchedIsLb;
        latchedRd = s.latchedRd;
        trap = s.trap;
        dbgPc = s.dbgPc;
        pcpiValid = s.pcpiValid;
        pcpiTimeoutCounter = s.pcpiTimeoutCounter;
        pcpiTimeout = s.pcpiTimeout;
        mulActive = s.mulActive;
        mulShiftOut = s.mulShiftOut;
        dirty = true;
    }

    private void copyTracked(BioCore s, int mask) {
        if ((mask & W_REGOP1) != 0) {
            regOp1 = s.regOp1;
        }
        if ((mask & W_REGOP2) != 0) {
            regOp2 = s.regOp2;
        }
        if ((mask & W_ALUOUT) != 0) {
            aluOutQ = s.aluOutQ;
        }
        if ((mask & W_REGOUT) != 0) {
            regOut = s.regOut;
        }
        if ((mask & W_MULRS) != 0) {
            mulRs1 = s.mulRs1;
            mulRs2 = s.mulRs2;
        }
        if ((mask & W_MULRD) != 0) {
            mulRd = s.mulRd;
        }
        if ((mask & W_MEMWDATA) != 0) {
            memWdata = s.memWdata;
        }
        if ((mask & W_MEMADDR) != 0) {
            memAddr = s.memAddr;
        }
        if ((mask & W_RAMQ) != 0) {
            ramQ = s.ramQ;
        }
        if ((mask & W_MEMRDATAQ) != 0) {
            memRdataQ = s.memRdataQ;
        }
        if ((mask & W_BUF16) != 0) {
            buf16 = s.buf16;
        }
    }

    /** The tracked registers in {@code mask} that hold the same values in {@code a} and {@code b}. */
    private static int trackedEqual(BioCore a, BioCore b, int mask) {
        int same = 0;
        same |= a.regOp1 == b.regOp1 ? W_REGOP1 : 0;
        same |= a.regOp2 == b.regOp2 ? W_REGOP2 : 0;
        same |= a.aluOutQ == b.aluOutQ ? W_ALUOUT : 0;
        same |= a.regOut == b.regOut ? W_REGOUT : 0;
        same |= a.mulRs1 == b.mulRs1 && a.mulRs2 == b.mulRs2 ? W_MULRS : 0;
        same |= a.mulRd == b.mulRd ? W_MULRD : 0;
        same |= a.memWdata == b.memWdata ? W_MEMWDATA : 0;
        same |= a.memAddr == b.memAddr ? W_MEMADDR : 0;
        same |= a.ramQ == b.ramQ ? W_RAMQ : 0;
        same |= a.memRdataQ == b.memRdataQ ? W_MEMRDATAQ : 0;
        same |= a.buf16 == b.buf16 ? W_BUF16 : 0;
        return same & mask;
    }

    /** The instruction's next pc for operands {@code v1}, {@code v2} (the outcome a span is learned for). */
    static int nextPc(SpanNode n, int v1, int v2) {
        switch (n.kind) {
            case SpanNode.BRANCH:
                return branchTaken(n.op, v1, v2) ? n.target : n.fallthrough;
            case SpanNode.JALR:
                return (v1 + n.imm) & ~1;
            default:
                return n.fallthrough;
        }
    }

    private static long mulOperand1(int op, int v) {
        return op == BioInsn.MULH || op == BioInsn.MULHSU ? (long) v : v & 0xFFFF_FFFFL;
    }

    private static long mulOperand2(int op, int v) {
        return op == BioInsn.MULH ? (long) v : v & 0xFFFF_FFFFL;
    }

    /**
     * Sets the tracked registers the instruction writes ({@link SpanNode#predictable}) to the values
     * it gives them and returns the value it writes back; {@code word} is the RAM word at a load or
     * store address before the access.
     */
    private int setTracked(SpanNode n, int v1, int v2, int word, boolean storedWordRead) {
        if (n.exec) {
            return execTracked(n, v1, v2);
        }
        switch (n.kind) {
            case SpanNode.LOAD:
                return trLoad(n.op, v1 + n.imm, word);
            case SpanNode.STORE:
                trStoreTracked(n.op, v1 + n.imm, v2, word, storedWordRead);
                return 0;
            default:
                return trMul(n.op, v1, v2);
        }
    }

    /** ld_rs1 latches both operands (registers or constants), exec the ALU output and pc + imm. */
    private int execTracked(SpanNode n, int v1, int v2) {
        int alu = trExec(n.op, v1 + n.op1Add, v2 + n.op2Add, n.execOut);
        return n.link ? n.fallthrough : alu;
    }

    /*
     * Span primitives: one instruction's effect on the tracked registers (and registers, RAM)
     * with its operation and constants as arguments. Replay calls them; so does the code
     * SpanTraceCompiler generates, with constant arguments the JIT folds.
     */

    /** Exec operands {@code a}, {@code b} of operation {@code op}: the latches, the ALU output (returned). */
    int trExec(int op, int a, int b, int execOut) {
        int alu = aluOut(op, a, b);
        regOp1 = a;
        regOp2 = b;
        aluOutQ = alu;
        regOut = execOut;
        return alu;
    }

    /** A load {@code op} of RAM word {@code word} at {@code addr}; returns the value loaded. */
    int trLoad(int op, int addr, int word) {
        int value = loaded(op, addr, word);
        regOp1 = addr;
        regOut = value;
        memAddr = addr & ~3;
        ramQ = word;
        memRdataQ = word;
        return value;
    }

    private void trStoreTracked(int op, int addr, int v2, int word, boolean storedWordRead) {
        regOp1 = addr;
        regOp2 = v2;
        memWdata = storeLanes(op, v2);
        memAddr = addr & ~3;
        // The RAM re-reads a write request it holds for a second clock: then its output is the
        // stored word.
        ramQ = storedWordRead ? storedWord(op, addr, v2, word) : word;
        memRdataQ = word;
    }

    /** A store {@code op} of {@code v2} at {@code addr} in local RAM: latches and RAM. */
    void trStore(int op, int addr, int v2, boolean storedWordRead) {
        int index = (addr >>> 2) & (RAM_WORDS - 1);
        int word = ram[index];
        trStoreTracked(op, addr, v2, word, storedWordRead);
        ram[index] = storedWord(op, addr, v2, word);
        if (fetchedWords[index]) {
            codeVersion++;
        }
    }

    /** A multiply {@code op}: latches, the multiplier's registers; returns the product's word. */
    int trMul(int op, int v1, int v2) {
        regOp1 = v1;
        regOp2 = v2;
        mulRs1 = mulOperand1(op, v1);
        mulRs2 = mulOperand2(op, v2);
        mulRd = mulRs1 * mulRs2;
        int result = op == BioInsn.MUL ? (int) mulRd : (int) (mulRd >>> 32);
        regOut = result;
        return result;
    }

    /** The fetch-written tracked registers in {@code mask} take the span's end values. */
    void trFetch(int mask, int endMemAddr, int endRamQ, int endMemRdataQ, int endBuf16) {
        if ((mask & W_MEMADDR) != 0) {
            memAddr = endMemAddr;
        }
        if ((mask & W_RAMQ) != 0) {
            ramQ = endRamQ;
        }
        if ((mask & W_MEMRDATAQ) != 0) {
            memRdataQ = endMemRdataQ;
        }
        if ((mask & W_BUF16) != 0) {
            buf16 = endBuf16;
        }
    }

    /** The prefetched halfword becomes the high half of the RAM output register. */
    void trHalf() {
        buf16 = ramQ >>> 16;
    }

    /** x{@code r} for r below 16 (x0 reads 0). */
    int reg(int r) {
        return regs[r];
    }

    /** 1 when the RAM output register's low bits are 11 (the data variant's bit 1). */
    int ramQLow() {
        return (ramQ & 3) == 3 ? 1 : 0;
    }

    /** The local RAM word at {@code addr}. */
    int ramWord(int addr) {
        return ram[(addr >>> 2) & (RAM_WORDS - 1)];
    }

    /** The RAM word at {@code addr} is one some learned span fetches. */
    boolean fetchedWord(int addr) {
        return fetchedWords[(addr >>> 2) & (RAM_WORDS - 1)];
    }

    /** The tracked register {@code bit} (W_MEMADDR, W_BUF16, W_MEMRDATAQ or W_RAMQ), for guards. */
    int trackedValue(int bit) {
        switch (bit) {
            case W_MEMADDR: return memAddr;
            case W_BUF16: return buf16;
            case W_MEMRDATAQ: return memRdataQ;
            default: return ramQ;
        }
    }

    /** Leaves a trace: {@code elapsed} clocks later, at {@code at}, after span {@code last} (null: none ran). */
    void traceExit(int elapsed, SpanNode at, SpanEdge last) {
        tc += elapsed;
        node = at;
        if (last != null) {
            lastEdge = last;
        }
    }

    /** The value a load {@code op} at {@code addr} takes from RAM word {@code word}. */
    private static int loaded(int op, int addr, int word) {
        switch (op) {
            case BioInsn.LW: return word;
            case BioInsn.LH: return (short) ((addr & 2) != 0 ? word >>> 16 : word);
            case BioInsn.LHU: return (addr & 2) != 0 ? word >>> 16 : word & 0xFFFF;
            case BioInsn.LB: return (byte) (word >>> ((addr & 3) * 8));
            default: return (word >>> ((addr & 3) * 8)) & 0xFF;
        }
    }

    /**
     * One of the tracked registers in {@code mask} holds the accessed word, its high half, or for a
     * store the stored word or its high half (then it may not be a constant of the span).
     */
    private boolean dataLikeConstant(int mask, SpanNode n) {
        int w = learnWord;
        int stored = n.kind == SpanNode.STORE ? storedWord(n.op, learnV1 + n.imm, learnV2, w) : w;
        int[] values = {memAddr, buf16, memRdataQ, ramQ};
        int[] bits = {W_MEMADDR, W_BUF16, W_MEMRDATAQ, W_RAMQ};
        for (int i = 0; i < bits.length; i++) {
            int v = values[i];
            if ((mask & bits[i]) != 0 && (v == w || v == w >>> 16 || v == stored || v == stored >>> 16)) {
                return true;
            }
        }
        return (mask & ~FETCH_FIELDS) != 0;
    }

    /** A store's data as the memory interface puts it on the bus: a halfword or byte repeated in every lane. */
    private static int storeLanes(int op, int v2) {
        return op == BioInsn.SW ? v2 : op == BioInsn.SH ? (v2 & 0xFFFF) * 0x10001 : (v2 & 0xFF) * 0x01010101;
    }

    /** The RAM word {@code word} after store {@code op} of {@code v2} at {@code addr}. */
    private static int storedWord(int op, int addr, int v2, int word) {
        int mask = op == BioInsn.SW ? -1 : op == BioInsn.SH ? 0xFFFF << ((addr & 2) * 8) : 0xFF << ((addr & 3) * 8);
        return (word & ~mask) | (storeLanes(op, v2) & mask);
    }

    /** A load or store address of a span from {@code n} that a replay can do: local RAM, not a word the span fetches. */
    boolean dataAccessReplayable(SpanNode n, SpanEdge e, int v1) {
        int addr = v1 + n.imm;
        int index = (addr >>> 2) & (RAM_WORDS - 1);
        return (addr >>> 28) == 0 && (n.kind != SpanNode.STORE || !fetchedWords[index] || !e.fetches(index));
    }

    /**
     * Replays span {@code e} from node {@code n} with operands {@code v1}, {@code v2}: registers,
     * memory and the tracked registers as the reference would leave them. Returns the value written back.
     */
    int replay(SpanNode n, SpanEdge e, int v1, int v2) {
        if (e.halfFromRamQ) {
            trHalf();
        }
        int result;
        if (n.exec) {
            result = execTracked(n, v1, v2);
        } else if (n.kind == SpanNode.MUL) {
            result = trMul(n.op, v1, v2);
        } else if (n.kind == SpanNode.LOAD) {
            result = trLoad(n.op, v1 + n.imm, ramWord(v1 + n.imm));
        } else {
            trStore(n.op, v1 + n.imm, v2, e.storedWordRead);
            result = 0;
        }
        int constant = e.constMask;
        if ((constant & ~FETCH_FIELDS) != 0) {
            copyTracked(e.template, constant);
        } else if (constant != 0) {
            // The common case: only what instruction fetches left, kept in the edge itself.
            trFetch(constant, e.constMemAddr, e.constRamQ, e.constMemRdataQ, e.constBuf16);
        }
        if (n.writesLocal) {
            regs[n.rd] = result;
        } else if (n.writesBack) {
            writeRegister(n.rd, result);
        }
        int[] extra = e.extraReg;
        for (int i = 0; i < extra.length; i++) {
            writeRegister(extra[i], e.extraValue[i]);
        }
        lastEdge = e;
        return result;
    }

    /**
     * Replays spans from {@link #node} at {@link #tc} while they read nothing from the block, up
     * to {@code limit}; a span that writes to the block is replayed too, its write queued in
     * {@link #writes} while there is room.
     *
     * @param now the block's clock
     * @param clockNow this core's clock counter (x31) at {@code now}
     * @return spans replayed
     */
    int runAhead(long limit, long now, int clockNow, Bio bio) {
        long t = tc;
        SpanNode n = node;
        final int[] r = regs;
        int replayed = 0;
        while (n.free || (n.replayable && n.outputOnly && !writes.isFull())) {
            SpanTrace trace = n.trace;
            if (trace != null && codeHolds(trace)) {
                tc = t;
                node = n;
                int k = trace.run(this, (int) Math.min(limit - t, Integer.MAX_VALUE / 2), clockNow + (int) (t - now));
                if (k > 0) {
                    table.countTraced(k);
                    replayed += k;
                    t = tc;
                    n = node;
                    continue;
                }
            }
            int s1 = n.src1;
            int s2 = n.src2;
            int v1 = s1 < 16 ? r[s1] : localOperand(s1, clockNow + (int) (t - now));
            int v2 = s2 < 16 ? r[s2] : localOperand(s2, clockNow + (int) (t - now));
            SpanEdge e = edgeFor(n, nextPc(n, v1, v2), v1);
            if (e == null || t + e.cycles > limit || !codeHolds(e)
                    || (n.memory && !dataAccessReplayable(n, e, v1))
                    || (e.effectOffset >= 0 && !bio.roomForPush(n.rd, (int) (t - now) + e.effectOffset))) {
                break;
            }
            int result = replay(n, e, v1, v2);
            if (e.effectOffset >= 0) {
                scheduleWrite(n.rd, t + e.effectOffset, result);
            }
            replayed++;
            n.lastUsed = e;
            if (++n.visits == SpanTable.TRACE_AFTER && n.free) {
                n.trace = table.compileTrace(n);
            }
            t += e.cycles;
            n = e.to;
        }
        tc = t;
        node = n;
        return replayed;
    }

    /** The learned span from {@code n} for this outcome and data, or null. */
    SpanEdge edgeFor(SpanNode n, int nextPc, int v1) {
        int variant = dataVariant(n, v1);
        SpanEdge e = nextPc == n.fallthrough ? n.quick[variant]
                : n.kind == SpanNode.BRANCH && nextPc == n.target ? n.quick[4 | variant] : n.find(nextPc, variant);
        if (e == null || e.guards == 0) {
            return e;
        }
        int g = e.guards;
        boolean holds = ((g & W_MEMADDR) == 0 || memAddr == e.guardMemAddr) && ((g & W_BUF16) == 0 || buf16 == e.guardBuf16)
                && ((g & W_MEMRDATAQ) == 0 || memRdataQ == e.guardMemRdataQ) && ((g & W_RAMQ) == 0 || ramQ == e.guardRamQ);
        return holds ? e : null;
    }

    /**
     * The data variant of a span from {@code n} with rs1 value {@code v1}: bit 0 for a load or
     * store whose word has low bits 11, bit 1 when the RAM output register has low bits 11 (a
     * fetch completed from a prefetched halfword takes the next prefetch flag from it). The memory interface's look-ahead test for a
     * 32-bit instruction also looks at data words, and with a stale first-word flag that sends the
     * access down another path (a second read; the data's high half kept as a prefetched halfword).
     */
    int dataVariant(SpanNode n, int v1) {
        int stale = (ramQ & 3) == 3 ? 2 : 0;
        return n.memory && (ramWord(v1 + n.imm) & 3) == 3 ? stale | 1 : stale;
    }

    /** A register x16–x31 that the core itself supplies (x31 from its clock count {@code clock}). */
    int localOperand(int reg, int clock) {
        switch (reg) {
            case 26: return gpioMask;
            case 27: return eventMask;
            case 31: return id << 30 | (clock & 0x3FFF_FFFF);
            default: return 0;
        }
    }

    /** Schedules the block write of a replayed span: x{@code reg} := {@code value} at clock {@code at}. */
    void scheduleWrite(int reg, long at, int value) {
        writes.add(at, reg, value, gpioMask);
    }

    /** The words {@code code} was learned or compiled from are in this core's RAM. */
    boolean codeHolds(FetchedCode code) {
        return code.holdsIn(ram, id, codeVersion);
    }

    /** Learns into and replays from {@code spans}. */
    void useTable(SpanTable spans) {
        table = spans;
        fetchedWords = spans.fetchedWords();
    }

    /** RAM word {@code index} changed from outside the core (host window or program load). */
    void codeChanged() {
        codeVersion++;
    }

    void writeRegister(int r, int value) {
        if (r < 16) {
            regs[r] = value;
        } else if (r == 26) {
            gpioMask = value;
        } else if (r == 27) {
            eventMask = value;
        }
    }

    /** Leaves replay: the micro-state becomes the last replayed span's end state (call at the core's {@link #tc}). */
    void materialize() {
        if (lastEdge != null) {
            copyMicroState(lastEdge.template);
            lastEdge = null;
        }
        fast = false;
        node = null;
        spanStart = true;
    }

    /** Starts learning the span the reference is about to step from node {@code n} at clock {@code now}. */
    void startLearning(SpanNode n, long now, int v1, int v2, int nextPc) {
        learnNode = n;
        learnStart = now;
        learnV1 = v1;
        learnV2 = v2;
        learnNextPc = nextPc;
        learnWord = n.memory ? ramWord(v1 + n.imm) : 0;
        learnVariant = dataVariant(n, v1);
        learnWens = 0;
        learnRamQ = ramQ;
        learnMemAddr = memAddr;
        learnBuf16 = buf16;
        learnMemRdataQ = memRdataQ;
        consumed = 0;
        staleLowBitsRead = false;
        written = 0;
        fetchCount = 0;
    }

    boolean learning() {
        return learnNode != null;
    }

    void abortLearning() {
        learnNode = null;
    }

    /**
     * Checks this clock's signals (after {@link #evalOutputs}) against a replayable span: no stall,
     * no quantum or event wait, FIFO pops only at the first clock, and records register writes.
     */
    void learnCycle(long now, boolean stalled) {
        SpanNode n = learnNode;
        if (n == null) {
            return;
        }
        int offset = (int) (now - learnStart);
        if (stalled || outQuantaHalt || outEventStall || outFifoRead != (offset == 0 ? n.popMask : 0)
                || (outWen && learnWens == learnWenAddr.length)) {
            learnNode = null;
            return;
        }
        if (outWen) {
            learnWenOffset[learnWens] = offset;
            learnWenAddr[learnWens] = outWaddr;
            learnWenData[learnWens] = outWdata;
            learnWens++;
        }
    }

    /**
     * Ends learning at the span boundary the last edge reached ({@code now}): the learned span, also
     * added to its node, or null when the span cannot be replayed.
     *
     * @param table where the end node is interned; counts results the replay would get wrong
     */
    SpanEdge finishLearning(long now, SpanTable table) {
        SpanNode n = learnNode;
        learnNode = null;
        if (n == null || fetchCount < 0) {
            return null;
        }
        // The replay's own semantics, on a copy: the value written back and the tracked registers.
        BioCore predicted = new BioCore(this);
        int result = predicted.setTracked(n, learnV1, learnV2, learnWord, false);
        int first = 0;
        int effect = -1;
        if (n.writesBack) {
            if (learnWens == 0 || learnWenAddr[0] != n.rd || learnWenData[0] != result) {
                table.countMismatch();
                return null;
            }
            first = 1;
            if (SpanNode.writesBlock(n.rd)) {
                effect = learnWenOffset[0];
            }
        }
        int extras = learnWens - first;
        int[] extraReg = new int[extras];
        int[] extraValue = new int[extras];
        for (int i = 0; i < extras; i++) {
            int r = learnWenAddr[first + i];
            if (SpanNode.writesBlock(r)) {
                return null;
            }
            extraReg[i] = r;
            extraValue[i] = learnWenData[first + i];
        }
        int storeIndex = n.kind == SpanNode.STORE ? ((learnV1 + n.imm) >>> 2) & (RAM_WORDS - 1) : -1;
        int[] fetchIndex = java.util.Arrays.copyOf(fetchLog, fetchCount);
        int[] fetchWord = new int[fetchCount];
        for (int i = 0; i < fetchCount; i++) {
            if (fetchIndex[i] == storeIndex) {
                return null;
            }
            fetchWord[i] = ram[fetchIndex[i]];
        }
        if ((written & n.predictable) != n.predictable) {
            return null;
        }
        int data = trackedEqual(this, predicted, n.predictable);
        boolean storedWordRead = false;
        if (n.kind == SpanNode.STORE) {
            int stored = storedWord(n.op, learnV1 + n.imm, learnV2, learnWord);
            if (stored == learnWord) {
                // Which of the two words the RAM output holds cannot be told from this visit.
                return null;
            }
            storedWordRead = ramQ == stored;
            if (storedWordRead) {
                data |= W_RAMQ;
            }
        }
        int variant = learnVariant;
        boolean halfFromRamQ = staleLowBitsRead && (written & W_BUF16) != 0 && buf16 == learnRamQ >>> 16;
        if (halfFromRamQ) {
            data |= W_BUF16;
        }
        if ((variant & 1) != 0 && dataLikeConstant(written & ~data, n)) {
            // The look-ahead path may have taken the data word into a register the replay would
            // take as a constant of the span: leave such spans to the reference.
            return null;
        }
        table.markFetched(fetchIndex);
        SpanEdge edge = new SpanEdge(learnNextPc, variant, (int) (now - learnStart), table.intern(nodeKey()), fetchIndex,
                fetchWord, effect, written & ~data, extraReg, extraValue, new BioCore(this), storedWordRead, halfFromRamQ,
                consumed, new int[] {learnMemAddr, learnBuf16, learnMemRdataQ, learnRamQ},
                new int[] {memAddr, ramQ, memRdataQ, buf16});
        n.learn(edge);
        table.countLearned();
        return edge;
    }

    /**
     * Every register of the core, its datapath and its RAM, as text: two cores with equal
     * descriptions are in the same state (for differential tests, which name the first difference).
     */
    String describeState() {
        return String.format("control=%x regPc=%x regNextPc=%x dec=%x decImmJ=%x pendingImm=%x sideRs1=%d sideRs2=%d op=%d imm=%x"
                + " dbgPc=%x regOp1=%x regOp2=%x aluOutQ=%x regOut=%x mulRs1=%x mulRs2=%x mulRd=%x memWdata=%x memAddr=%x"
                + " ramQ=%x memRdataQ=%x buf16=%x gpioMask=%x eventMask=%x regs=%s ram=%x",
                controlWord(), regPc, regNextPc, dec, decImmJ, pendingImm, sideRs1, sideRs2, op, imm, dbgPc, regOp1, regOp2,
                aluOutQ, regOut, mulRs1, mulRs2, mulRd, memWdata, memAddr, ramQ, memRdataQ, buf16, gpioMask, eventMask,
                java.util.Arrays.toString(regs), java.util.Arrays.hashCode(ram));
    }
}
