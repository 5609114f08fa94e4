package tandem.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;

/**
 * A seeded stream of plausible retire records covering every field the trace formats carry:
 * compressed and full instructions, jumps, register writes, loads, stores and AMOs (some
 * translated), CSR writes up to the maximum, traps and interrupts with privilege changes, and
 * gaps in the order. Feeds a listener in batches and keeps the records for comparison.
 */
final class RandomRetires {

    final List<TraceRecord> records = new ArrayList<>();

    private RandomRetires() {
    }

    static RandomRetires feed(long seed, int count, RetireListener... listeners) {
        RandomRetires out = new RandomRetires();
        Random rnd = new Random(seed);
        RetireBuffer b = new RetireBuffer(64);
        int pc = 0x80000000;
        int priv = 3;
        long order = 0;
        int slot = 0;
        for (int n = 0; n < count; n++) {
            int choice = rnd.nextInt(100);
            boolean compressed = rnd.nextInt(3) == 0;
            int insn = compressed ? (rnd.nextInt(0x10000) & ~3) | rnd.nextInt(3) : rnd.nextInt() | 3;
            if (!compressed && (insn & 0x1C) == 0x1C) {
                insn &= ~0x10;
            }
            int len = compressed ? 2 : 4;
            if (rnd.nextInt(200) == 0) {
                order += 1 + rnd.nextInt(1000);
            }
            byte kind = choice < 4 ? RetireBuffer.KIND_TRAP : choice < 6 ? RetireBuffer.KIND_INTERRUPT : RetireBuffer.KIND_RETIRE;
            b.begin(slot, order, kind, pc, insn, priv);
            int next = pc + len;
            int privAfter = priv;
            if (kind != RetireBuffer.KIND_RETIRE) {
                int cause = kind == RetireBuffer.KIND_INTERRUPT ? 0x80000000 | rnd.nextInt(16) : rnd.nextInt(16);
                b.trap(slot, kind, cause, rnd.nextInt());
                if (kind == RetireBuffer.KIND_TRAP && rnd.nextBoolean()) {
                    b.mmuFailure(slot, 1 + rnd.nextInt(13));
                }
                b.csr(slot, 0x341, pc);
                b.csr(slot, 0x342, cause);
                b.csr(slot, 0x300, rnd.nextInt());
                next = 0x80000100 + 4 * rnd.nextInt(8);
                privAfter = 3;
            } else {
                if (choice < 20) {
                    next = pc + 2 * (rnd.nextInt(2000) - 1000);
                }
                if (rnd.nextInt(3) > 0) {
                    b.rd(slot, rnd.nextInt(32), rnd.nextInt());
                }
                int width = 1 << rnd.nextInt(3);
                int va = rnd.nextInt() & ~(width - 1);
                int pa = rnd.nextBoolean() ? va : 0x80000000 | (va & 0x0FFFFFFF);
                long mask = width == 4 ? 0xFFFFFFFFL : (1L << (8 * width)) - 1;
                int m = rnd.nextInt(8);
                if (m == 0 || m == 2) {
                    b.memRead(slot, va, pa, width, (int) (rnd.nextInt() & mask));
                }
                if (m == 1 || m == 2) {
                    b.memWrite(slot, va, pa, width, (int) (rnd.nextInt() & mask));
                }
                if (rnd.nextInt(10) == 0) {
                    int k = 1 + rnd.nextInt(RetireBuffer.MAX_CSR_WRITES);
                    int base = rnd.nextInt(0x1000 - RetireBuffer.MAX_CSR_WRITES);
                    for (int i = 0; i < k; i++) {
                        b.csr(slot, base + i, rnd.nextInt());
                    }
                }
                if (rnd.nextInt(50) == 0) {
                    privAfter = new int[] {0, 1, 3}[rnd.nextInt(3)];
                    next = rnd.nextInt() & ~1;
                }
            }
            b.end(slot, next, privAfter);
            TraceRecord r = new TraceRecord();
            r.copyFrom(b, slot);
            out.records.add(r);
            pc = next;
            priv = privAfter;
            order++;
            slot++;
            if (slot == b.capacity() || n == count - 1 || rnd.nextInt(20) == 0) {
                for (RetireListener l : listeners) {
                    l.retired(b, 0, slot);
                }
                slot = 0;
            }
        }
        return out;
    }
}
