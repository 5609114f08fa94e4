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
    final int[] ram = new int[RAM_WORDS];
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
    private final int[] regs = new int[16];
    int gpioMask = -1;
    int eventMask;

    // Decode cache, direct-mapped on the instruction word.
    private final int[] cacheTag = new int[DECODE_CACHE];
    private final int[] cacheDec = new int[DECODE_CACHE];
    private final int[] cacheImm = new int[DECODE_CACHE];
    private final int[] cacheImmJ = new int[DECODE_CACHE];
    private final boolean[] cacheValid = new boolean[DECODE_CACHE];
    private final int[] immScratch = new int[2];

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
        reset();
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
            int addr = memAddr;
            if ((addr >>> 28) != 0) {
                throw new tandem.golden.TandemException(String.format(
                        "BIO core %d: access to 0x%08x at pc 0x%03x goes to the BDMA bus, which the model does not cover",
                        id, addr, regPc & 0xFFF));
            }
            int index = (addr >>> 2) & (RAM_WORDS - 1);
            int old = ram[index];
            ramQ = old;
            int strobe = memWstrb;
            if (strobe != 0) {
                int mask = (strobe & 1) * 0xFF | (strobe & 2) * 0x7F80 | (strobe & 4) * 0x3FC000 | (strobe & 8) * 0x1FE00000;
                ram[index] = (old & ~mask) | (memWdata & mask);
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

    private int readPort(int r, Bio bio) {
        switch (r) {
            case 0: return 0;
            case 16: case 17: case 18: case 19: return bio.fifoHead(r - 16);
            case 20: case 22: case 23: case 24: case 25: case 28: case 29: return 0;
            case 21: return bio.pinsSeenByCores();
            case 26: return gpioMask;
            case 27: return eventMask;
            case 30: return bio.events();
            case 31: return id << 30 | (bio.clockCount(id) & 0x3FFF_FFFF);
            default: return regs[r];
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

    private static int aluOut(int op, int a, int b) {
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

    private static boolean branchTaken(int op, int a, int b) {
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
                if (laWrite) {
                    int op2 = regOp2;
                    switch (wordsize) {
                        case 0: memWstrb = 0xF; memWdata = op2; break;
                        case 1: memWstrb = (op1 & 2) != 0 ? 0xC : 0x3; memWdata = (op2 & 0xFFFF) * 0x10001; break;
                        default: memWstrb = 1 << (op1 & 3); memWdata = (op2 & 0xFF) * 0x01010101; break;
                    }
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
                            }
                            memLaSecondword = true;
                        } else {
                            boolean second = memLaSecondword;
                            memValid = false;
                            memLaSecondword = false;
                            if (!doRdata) {
                                if ((memRdata & 3) != 3 || second) {
                                    buf16 = memRdata >>> 16;
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
            }
            mulActive = ((mulActive << 1) & 0xE) | active0;
            mulRd = product;
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
                    pcpiValid = true;
                    if (pcpiReady) {
                        nRinst = true;
                        pcpiValid = false;
                        regOut = pcpiRd;
                        latchedStore = true;
                        cpuState = FETCH;
                    } else if (timeout || curOp == BioInsn.ECALL_EBREAK) {
                        pcpiValid = false;
                        cpuState = TRAP;
                    }
                } else if ((d & BioInsn.UJ_CATEGORY) != 0) {
                    regOp1 = BioInsn.op(d) == BioInsn.LUI ? 0 : oldPc;
                    regOp2 = imm;
                    nRinst = doPrefetch;
                    cpuState = EXEC;
                } else if ((d & BioInsn.LOAD_CATEGORY) != 0) {
                    regOp1 = v1;
                    nRinst = true;
                    cpuState = LDMEM;
                } else if ((d & BioInsn.IMM_CATEGORY) != 0) {
                    regOp1 = v1;
                    regOp2 = curOp == BioInsn.SLLI || curOp == BioInsn.SRLI || curOp == BioInsn.SRAI ? rs2 : imm;
                    nRinst = doPrefetch;
                    cpuState = EXEC;
                } else {
                    regOp1 = v1;
                    regOp2 = rs2 == 0 ? 0 : readPort(rs2, bio);
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
                        setRdata = true;
                    }
                    if (!doPrefetch && memDone) {
                        int word;
                        switch (wordsize) {
                            case 0: word = memRdata; break;
                            case 1: word = (op1 & 2) != 0 ? memRdata >>> 16 : memRdata & 0xFFFF; break;
                            default: word = (memRdata >>> ((op1 & 3) * 8)) & 0xFF; break;
                        }
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
}
