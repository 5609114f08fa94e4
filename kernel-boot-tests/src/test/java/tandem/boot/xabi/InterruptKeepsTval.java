package tandem.boot.xabi;

import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;

/**
 * Test-side workaround for one golden-model rule that differs from the VexRiscv RTL: on an
 * interrupt the RTL leaves mtval/stval as they were (CsrPlugin writes xtval only when
 * {@code hadException}), the golden model writes 0. In lockstep the golden hart takes an
 * interrupt only when the RTL did (at a retire boundary, its record delivered at once), so this
 * listener puts back the xtval values seen before it. Remove it when the golden model's trap
 * unit leaves xtval alone on interrupts.
 */
final class InterruptKeepsTval implements RetireListener {

    private final Hart hart;
    private int mtval;
    private int stval;

    private InterruptKeepsTval(Hart hart) {
        this.hart = hart;
        remember();
    }

    /** Installs the workaround on {@code hart}. */
    static void install(Hart hart) {
        hart.addRetireListener(new InterruptKeepsTval(hart));
    }

    @Override
    public void retired(RetireBuffer b, int from, int count) {
        for (int s = from; s < from + count; s++) {
            if (b.kind(s) == RetireBuffer.KIND_INTERRUPT) {
                hart.csrs().write(Csrs.MTVAL, mtval);
                hart.csrs().write(Csrs.STVAL, stval);
            }
        }
        remember();
    }

    private void remember() {
        mtval = hart.csrs().read(Csrs.MTVAL);
        stval = hart.csrs().read(Csrs.STVAL);
    }
}
