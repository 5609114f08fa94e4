package tandem.golden.bio;

/**
 * One instruction span as the reference core ran it, from a {@link SpanNode} with a given outcome
 * (the instruction's next pc) to the next node: how many clocks it took, the RAM words it fetched
 * (a replay checks they still hold), when its write to the block happens, and the core's micro-state
 * at the end ({@link #template}). Tracked datapath registers the span wrote are recomputed from the
 * operands ({@link SpanNode#predictable}) unless they are constants of the span ({@link #constMask},
 * copied from the template); the rest carry over.
 */
final class SpanEdge extends FetchedCode {

    final int nextPc;
    /**
     * Data bits the span's timing depends on ({@link BioCore#dataVariant}): whether a load's or
     * store's word, and the RAM output register, have low bits 11, which PicoRV32's look-ahead
     * logic reads as a 32-bit instruction.
     */
    final int variant;
    final int cycles;
    /** The node the span ends in. */
    final SpanNode to;
    final int[] fetchIndex;
    final int[] fetchWord;
    /** Clock offset of the write to a block register (x16–x19, x21–x25, x28, x29), or -1. */
    final int effectOffset;
        final int constMask;
    /** The end values of the fetch-written tracked registers (memAddr, ramQ, memRdataQ, buf16), for {@link #constMask}. */
    final int constMemAddr;
    final int constRamQ;
    final int constMemRdataQ;
    final int constBuf16;
    /** Register writes the span makes besides the instruction's own (jal links): x index, value. */
    final int[] extraReg;
    final int[] extraValue;
    final BioCore template;
    /**
     * Tracked registers (BioCore W_* bits) the span read as an earlier span left them: it holds
     * only while they have the values below.
     */
    final int guards;
    final int guardMemAddr;
    final int guardBuf16;
    final int guardMemRdataQ;
    final int guardRamQ;
    /** A store's RAM output ends as the stored word (the request was held a second clock), not the old one. */
    final boolean storedWordRead;
    /** The prefetched halfword ends as the high half of the RAM output the span began with. */
    final boolean halfFromRamQ;
    /** The next outcome learned for the same node. */
    SpanEdge next;

    SpanEdge(int nextPc, int variant, int cycles, SpanNode to, int[] fetchIndex, int[] fetchWord, int effectOffset,
             int constMask, int[] extraReg, int[] extraValue, BioCore template,
             boolean storedWordRead, boolean halfFromRamQ, int guards, int[] guardValues, int[] fetchValues) {
        this.nextPc = nextPc;
        this.variant = variant;
        this.cycles = cycles;
        this.to = to;
        this.fetchIndex = fetchIndex;
        this.fetchWord = fetchWord;
        this.effectOffset = effectOffset;
        this.constMask = constMask;
        this.constMemAddr = fetchValues[0];
        this.constRamQ = fetchValues[1];
        this.constMemRdataQ = fetchValues[2];
        this.constBuf16 = fetchValues[3];
        this.extraReg = extraReg;
        this.extraValue = extraValue;
        this.template = template;
        this.guards = guards;
        this.guardMemAddr = guardValues[0];
        this.guardBuf16 = guardValues[1];
        this.guardMemRdataQ = guardValues[2];
        this.guardRamQ = guardValues[3];
        this.storedWordRead = storedWordRead;
        this.halfFromRamQ = halfFromRamQ;
    }

    @Override
    boolean fetchesMatch(int[] ram) {
        int[] idx = fetchIndex;
        for (int i = 0; i < idx.length; i++) {
            if (ram[idx[i]] != fetchWord[i]) {
                return false;
            }
        }
        return true;
    }

    /** RAM word {@code index} is one this span fetches (a store there would change the span). */
    boolean fetches(int index) {
        for (int i : fetchIndex) {
            if (i == index) {
                return true;
            }
        }
        return false;
    }
}
