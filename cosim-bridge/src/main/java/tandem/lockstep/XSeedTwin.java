package tandem.lockstep;

import java.util.ArrayList;
import java.util.List;
import tandem.dut.DutLibrary;
import tandem.dut.DutRetire;
import tandem.dut.MmioHandler;
import tandem.dut.RetireBatch;
import tandem.dut.VerilatedDut;

/**
 * The second model of an X-check: the same X-check build as the checked model, its X values
 * drawn from another seed, run over exactly the same cycles and compared with it retire by
 * retire. Verilator is 2-state, so an X in the RTL is some value; two seeds give two values, and
 * where those reach a retire (a register write, a store, the pc, the timing) the two streams
 * part. The twin gets the checked model's device answers and interrupt levels, so it sees
 * exactly what the checked model saw; its own device stores go nowhere.
 */
final class XSeedTwin implements AutoCloseable {

    /** Where the two streams part: the checked model's record index in its batch, and the fields. */
    record Parting(int batchIndex, List<FieldMismatch> fields) {
    }

    private final VerilatedDut twin;
    private final RetireBatch batch;
    private final int checkedSeed;
    private final int twinSeed;
    private final DutRetire a = new DutRetire();
    private final DutRetire b = new DutRetire();
    private DataAccess answer;
    private String deviceMismatch;
    private long levels = -1;

    /** Opens the twin of {@code library} with X seed {@code twinSeed}, loaded with {@code segments}, reset. */
    XSeedTwin(DutLibrary library, VerilatedDut.Options options, List<LockstepSession.Segment> segments,
              LockstepOptions opt, int checkedSeed, int twinSeed) {
        this.checkedSeed = checkedSeed;
        this.twinSeed = twinSeed;
        this.batch = new RetireBatch(opt.batch());
        this.twin = VerilatedDut.open(library, options, new MmioHandler() {
            @Override
            public int load(int address, int size) {
                return replay(new DataAccess(address, size, false, 0));
            }

            @Override
            public void store(int address, int value, int size) {
                replay(new DataAccess(address, size, true, value));
            }
        });
        LockstepSession.load(twin, segments);
        if (opt.flipRetire() >= 0) {
            twin.flipRegisterWriteBit(opt.flipRetire(), opt.flipBit());
        }
        twin.randomizeX(twinSeed);
        twin.reset();
    }

    /**
     * Runs the twin to cycle {@code toCycle}, where the checked model's last run ended with
     * {@code checked} retired and {@code access} (or {@code null}) made, and compares the
     * retires. Returns where they part, or {@code null} while they agree.
     */
    Parting follow(long toCycle, RetireBatch checked, DataAccess access) {
        answer = access;
        int j = 0;
        int n = checked.count();
        while (twin.cycles() < toCycle) {
            tandem.dut.StopReason why = twin.run(toCycle - twin.cycles(), batch);
            for (int k = 0; k < batch.count(); k++) {
                batch.read(k, b);
                if (j >= n) {
                    return new Parting(n, List.of(new FieldMismatch("retire",
                            "seed " + checkedSeed + ": no retire", "seed " + twinSeed + ": " + b)));
                }
                checked.read(j, a);
                List<FieldMismatch> diff = compare(a, b);
                if (diff != null) {
                    return new Parting(j, diff);
                }
                j++;
            }
            if (deviceMismatch != null) {
                return new Parting(Math.min(j, Math.max(0, n - 1)), List.of(new FieldMismatch("device_access",
                        "seed " + checkedSeed + ": " + describe(access), "seed " + twinSeed + ": " + deviceMismatch)));
            }
            if (why != tandem.dut.StopReason.CYCLES && why != tandem.dut.StopReason.BATCH_FULL
                    && why != tandem.dut.StopReason.MMIO) {
                break;
            }
        }
        if (j < n) {
            checked.read(j, a);
            return new Parting(j, List.of(new FieldMismatch("retire", "seed " + checkedSeed + ": " + a,
                    "seed " + twinSeed + ": no retire by cycle " + twin.cycles())));
        }
        return null;
    }

    /** Drives the twin's interrupt inputs as the checked model's ({@code mip << 32 | lines}). */
    void mirrorInterrupts(long packed) {
        if (packed != levels && packed >= 0) {
            twin.setInterrupts((int) packed, (int) (packed >>> 32));
            levels = packed;
        }
    }

    @Override
    public void close() {
        twin.close();
    }

    private int replay(DataAccess mine) {
        DataAccess theirs = answer;
        answer = null;
        if (theirs == null || theirs.address() != mine.address() || theirs.size() != mine.size()
                || theirs.write() != mine.write() || (mine.write() && theirs.value() != mine.value())) {
            deviceMismatch = describe(mine);
            return 0;
        }
        return theirs.value();
    }

    private List<FieldMismatch> compare(DutRetire x, DutRetire y) {
        List<FieldMismatch> d = new ArrayList<>(2);
        check(d, "pc", x.pc, y.pc);
        check(d, "insn", x.insn, y.insn);
        if (x.rdAddr != y.rdAddr) {
            d.add(new FieldMismatch("rd", label(checkedSeed, "x" + x.rdAddr), label(twinSeed, "x" + y.rdAddr)));
        } else if (x.rdAddr != 0) {
            check(d, "rd_wdata", x.rdWdata, y.rdWdata);
        }
        if (x.flags != y.flags) {
            d.add(new FieldMismatch("kind", label(checkedSeed, flags(x)), label(twinSeed, flags(y))));
        } else if (x.has(DutRetire.MEM_WRITE) || x.has(DutRetire.MEM_READ)) {
            check(d, "mem_addr", x.memAddr, y.memAddr);
            check(d, "mem_data", x.memData, y.memData);
        }
        check(d, "priv", x.priv, y.priv);
        check(d, "interrupt", x.interruptCause, y.interruptCause);
        if (d.isEmpty() && x.cycle != y.cycle) {
            d.add(new FieldMismatch("cycle", label(checkedSeed, Long.toString(x.cycle)), label(twinSeed, Long.toString(y.cycle))));
        }
        return d.isEmpty() ? null : d;
    }

    private void check(List<FieldMismatch> d, String field, int x, int y) {
        if (x != y) {
            d.add(new FieldMismatch(field, label(checkedSeed, GoldenLockstepChecker.hex(x)),
                    label(twinSeed, GoldenLockstepChecker.hex(y))));
        }
    }

    private static String label(int seed, String value) {
        return "seed " + seed + ": " + value;
    }

    private static String flags(DutRetire r) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"rd", "load", "store", "trap", "interrupt", "device"};
        for (int i = 0; i < names.length; i++) {
            if ((r.flags & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "+").append(names[i]);
            }
        }
        return sb.length() == 0 ? "plain" : sb.toString();
    }

    private static String describe(DataAccess d) {
        return d == null ? "no device access"
                : String.format("%s %08x/%d%s", d.write() ? "store" : "load", d.address(), d.size(),
                        d.write() ? String.format(" <- %08x", d.value()) : "");
    }
}
