package tandem.vectors.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tandem.golden.bus.Bus;
import tandem.golden.bus.BusError;
import tandem.golden.bus.Ram;
import tandem.golden.csr.Csr;
import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.golden.trap.Cause;
import tandem.vectors.MemoryWord;
import tandem.vectors.TraceSummary;
import tandem.vectors.Vector;
import tandem.vectors.asm.RegisterNames;

/**
 * Runs instruction vectors on the golden model. Each vector gets a fresh hart on a bus with
 * {@value #RAM_SIZE_MIB} MiB of RAM at {@code 0x80000000} and 64 KiB at {@code 0x00000000}.
 *
 * <p>Before the vector's own CSRs are written, {@code mtvec} and {@code stvec} point at the
 * <em>trap sink</em>, a {@code j .} in the last 16 bytes of RAM: a trap taken there ends the
 * run and is compared with {@code expect_trap}. A vector that installs its own handler keeps
 * running through its traps. The run otherwise ends after {@code steps} retired instructions.
 */
public final class VectorRunner {

    /** Size of the RAM at 0x80000000, in MiB. */
    public static final int RAM_SIZE_MIB = 4;
    /** Base of the main RAM. */
    public static final long RAM_BASE = 0x8000_0000L;
    /** Address of the trap sink. */
    public static final long TRAP_SINK = RAM_BASE + RAM_SIZE_MIB * (1L << 20) - 16;

    private static final int J_SELF = 0x0000006F;
    private static final long IDLE_LIMIT = 100_000;

    private final Profile profile;
    private final List<RetireListener> extraListeners = new ArrayList<>();
    private Consumer<Hart> onPrepared = h -> { };

    /** A runner for vectors of {@code profile}. */
    public VectorRunner(Profile profile) {
        this.profile = profile;
    }

    /** Also feeds every run's retire stream to {@code l} (coverage, traces). */
    public VectorRunner addRetireListener(RetireListener l) {
        extraListeners.add(l);
        return this;
    }

    /** Hands each prepared hart to {@code c} before it runs (a coverage collector re-walking page faults needs it). */
    public VectorRunner onPrepared(Consumer<Hart> c) {
        onPrepared = c;
        return this;
    }

    /** A fresh hart with the vector's initial state, ready to run; setup problems are {@link SetupException}. */
    public Hart prepare(Vector v) throws SetupException {
        Bus bus = new Bus();
        bus.map(RAM_BASE, new Ram("ram", RAM_SIZE_MIB << 20, true));
        bus.map(0, new Ram("low", 64 << 10, true));
        Hart hart = new Hart(profile, bus);
        hart.setIdleLimit(IDLE_LIMIT);
        Vector.Setup s = v.setup();
        byte[] image = s.program().image();
        for (int i = 0; i < image.length; i++) {
            store(bus, s.pc() + i, image[i], 1, "insn", "program");
        }
        store(bus, TRAP_SINK, J_SELF, 4, "insn", "trap sink");
        for (MemoryWord m : s.memory()) {
            store(bus, m.address(), m.value(), m.width(), "mem", m.toString());
        }
        hart.csrs().write(Csrs.MTVEC, (int) TRAP_SINK);
        if (hart.csrs().get(Csrs.STVEC) != null) {
            hart.csrs().write(Csrs.STVEC, (int) TRAP_SINK);
        }
        for (Map.Entry<Integer, Integer> e : s.csrs().entrySet()) {
            try {
                hart.csrs().write(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new SetupException("csrs", ex.getMessage());
            }
        }
        s.regs().forEach(hart::setX);
        hart.setPc((int) s.pc());
        hart.setPrivilege(s.privilege());
        return hart;
    }

    /** Runs {@code v} and checks its expectations. */
    public VectorOutcome run(Vector v) {
        long t0 = System.nanoTime();
        Hart hart;
        try {
            hart = prepare(v);
        } catch (SetupException e) {
            return new VectorOutcome(v, v.name(), v.location(), Verdict.ERROR,
                    "column " + e.column() + ": " + e.getMessage(), List.of(), null, ms(t0));
        }
        onPrepared.accept(hart);
        TraceSummary summary = new TraceSummary();
        LastTrap lastTrap = new LastTrap();
        hart.addRetireListener(summary);
        hart.addRetireListener(lastTrap);
        extraListeners.forEach(hart::addRetireListener);
        boolean sunk = false;
        for (long i = 0; i < v.setup().steps(); i++) {
            Hart.Exit exit = hart.step();
            if ((hart.pc() & 0xFFFF_FFFFL) == TRAP_SINK) {
                sunk = true;
                break;
            }
            if (exit == Hart.Exit.IDLE) {
                break;
            }
        }
        hart.removeRetireListener(summary);
        hart.removeRetireListener(lastTrap);
        extraListeners.forEach(hart::removeRetireListener);
        List<Mismatch> mismatches = check(v, hart, sunk ? lastTrap : null, summary);
        Verdict verdict = mismatches.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        String message = mismatches.isEmpty() ? null : mismatches.get(0).toString()
                + (mismatches.size() > 1 ? " (+" + (mismatches.size() - 1) + " more)" : "");
        return new VectorOutcome(v, v.name(), v.location(), verdict, message, mismatches, summary, ms(t0));
    }

    private List<Mismatch> check(Vector v, Hart hart, LastTrap trap, TraceSummary summary) {
        Vector.Expected e = v.expected();
        List<Mismatch> out = new ArrayList<>();
        Cause took = trap == null ? null : trap.cause;
        if (e.trap() != took) {
            out.add(new Mismatch("trap", name(e.trap()), name(took)
                    + (took == null ? "" : String.format(" at pc 0x%08x tval 0x%08x", trap.pc, trap.tval))));
        } else if (e.tval() != null && trap != null && e.tval() != trap.tval) {
            out.add(new Mismatch("tval", hex(e.tval()), hex(trap.tval)));
        }
        if (e.pc() != null) {
            long pc = took == null ? hart.pc() & 0xFFFF_FFFFL : trap.nextPc & 0xFFFF_FFFFL;
            if (pc != e.pc()) {
                out.add(new Mismatch("pc", hex(e.pc()), hex(pc)));
            }
        }
        if (e.privilege() != null && e.privilege() != hart.privilege()) {
            out.add(new Mismatch("priv", priv(e.privilege()), priv(hart.privilege())));
        }
        e.regs().forEach((r, val) -> {
            if (hart.x(r) != val) {
                out.add(new Mismatch(RegisterNames.abi(r), hex(val), hex(hart.x(r))));
            }
        });
        e.csrs().forEach((addr, val) -> {
            Csr csr = hart.csrs().get(addr);
            if (csr == null) {
                out.add(new Mismatch(String.format("csr 0x%03x", addr), hex(val), "not implemented"));
            } else if (csr.read() != val) {
                out.add(new Mismatch(csr.name(), hex(val), hex(csr.read())));
            }
        });
        for (MemoryWord m : e.memory()) {
            String field = String.format("mem[0x%08x]", m.address());
            try {
                int got = hart.bus().load(m.address(), m.width());
                long mask = m.width() == 4 ? 0xFFFF_FFFFL : (1L << (8 * m.width())) - 1;
                if ((got & mask) != (m.value() & mask)) {
                    out.add(new Mismatch(field, hex(m.value() & mask), hex(got & mask)));
                }
            } catch (BusError ex) {
                out.add(new Mismatch(field, hex(m.value()), "unmapped"));
            }
        }
        if (e.trace() != null && !e.trace().equals(summary.toString())) {
            out.add(new Mismatch("trace", e.trace(), summary.toString()));
        }
        return out;
    }

    private static void store(Bus bus, long addr, int value, int width, String column, String what)
            throws SetupException {
        try {
            bus.store(addr, value, width);
        } catch (BusError e) {
            throw new SetupException(column, String.format("%s at 0x%08x is outside the vector memory "
                    + "(0x%08x..0x%08x and 0x00000000..0x0000ffff)", what, addr, RAM_BASE, TRAP_SINK));
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String hex(long v) {
        return String.format("0x%08x", v & 0xFFFF_FFFFL);
    }

    private static String priv(int p) {
        return switch (p) {
            case 3 -> "M";
            case 1 -> "S";
            case 0 -> "U";
            default -> Integer.toString(p);
        };
    }

    private static String name(Cause c) {
        return c == null ? "none" : c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Keeps the latest trap or interrupt record of a run: the one that reached the sink, when one did. */
    private static final class LastTrap implements RetireListener {
        Cause cause;
        int pc;
        int nextPc;
        int tval;

        @Override
        public void retired(RetireBuffer b, int from, int count) {
            for (int s = from; s < from + count; s++) {
                if (b.kind(s) != RetireBuffer.KIND_RETIRE) {
                    cause = Cause.ofXcause(b.cause(s));
                    pc = b.pc(s);
                    nextPc = b.nextPc(s);
                    tval = b.tval(s);
                }
            }
        }
    }
}
