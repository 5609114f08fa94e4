package tandem.vectors.lockstep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tandem.dut.DutLibrary;
import tandem.golden.bus.BusError;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.isa.Extension;
import tandem.golden.platform.DeviceSpec;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.Region;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.retire.RetireListener;
import tandem.lockstep.LockstepOptions;
import tandem.lockstep.LockstepResult;
import tandem.lockstep.LockstepSession;
import tandem.vectors.MemoryWord;
import tandem.vectors.Vector;
import tandem.vectors.asm.RegisterNames;
import tandem.vectors.run.Mismatch;
import tandem.vectors.run.VectorOutcome;
import tandem.vectors.run.VectorRunner;
import tandem.vectors.run.Verdict;

/**
 * Replays instruction vectors on the golden model and then in lockstep with a Verilated CPU.
 *
 * <p>For each vector: the golden run checks the row's expectations as {@link VectorRunner}
 * does and records what the vector needs ({@link DutRequirements}); a vector the DUT cannot run
 * is {@link Verdict#NOT_APPLICABLE} with the reason. The others become a {@link VectorProgram}
 * (set-up code, the vector, the finisher) run in lockstep on the platform, and the row's
 * expected registers, pc and memory are checked again on the golden side of that run, which the
 * lockstep checker has proved equal to the RTL retire by retire. On a CPU with CSRs a trap ends
 * the vector at {@link VectorRunner#TRAP_SINK}, as on the golden model, where the finisher waits.
 */
public final class LockstepVectorRunner {

    /** Cycles a vector may take per instruction it retires in the golden run, plus a fixed allowance. */
    private static final long CYCLES_PER_STEP = 200;
    private static final long CYCLE_ALLOWANCE = 100_000;

    private final DutLibrary library;
    private final Supplier<DutLibrary> tracedLibrary;
    private final Profile dut;
    private final Profile golden;
    private final Platform platform;
    private final LockstepOptions options;
    private final String describe;

    /**
     * @param library       the Verilated CPU
     * @param tracedLibrary its traced build, for a VCD window on divergence; null for none
     * @param dut           the profile of the CPU (decides what is applicable; the lockstep golden side runs it)
     * @param golden        the profile of the vector file (its expectations are checked on it)
     * @param platform      where the lockstep run happens (RAM, finisher)
     * @param options       lockstep options; each vector writes under {@code options.outputDir()/<name>}
     * @param describe      a line naming the RTL for reports
     */
    public LockstepVectorRunner(DutLibrary library, Supplier<DutLibrary> tracedLibrary, Profile dut, Profile golden,
                                Platform platform, LockstepOptions options, String describe) {
        this.library = library;
        this.tracedLibrary = tracedLibrary;
        this.dut = dut;
        this.golden = golden;
        this.platform = platform;
        this.options = options;
        this.describe = describe;
    }

    /** The same runner with other lockstep options (fault injection, another output directory). */
    public LockstepVectorRunner withOptions(LockstepOptions o) {
        return new LockstepVectorRunner(library, tracedLibrary, dut, golden, platform, o, describe);
    }

    /** The same runner without the traced build: no VCD window on divergence (cheaper, for shrinking). */
    public LockstepVectorRunner withoutVcd() {
        return new LockstepVectorRunner(library, null, dut, golden, platform, options, describe);
    }

    /** The lockstep options. */
    public LockstepOptions options() {
        return options;
    }

    /** Runs {@code v} on the golden model, then, when it applies, in lockstep. */
    public LockstepOutcome run(Vector v) {
        long t0 = System.nanoTime();
        DutRequirements needs = new DutRequirements(v);
        Hart[] hart = new Hart[1];
        long[] steps = {0};
        RetireListener vectorRetires = (b, from, count) -> {
            for (int s = from; s < from + count; s++) {
                // the trap sink's own 'j .' is not one of the vector's instructions
                if (b.kind(s) == RetireBuffer.KIND_RETIRE && (b.pc(s) & 0xFFFF_FFFFL) != VectorRunner.TRAP_SINK) {
                    steps[0]++;
                }
            }
        };
        VectorOutcome g = new VectorRunner(golden).addRetireListener(needs).addRetireListener(vectorRetires)
                .onPrepared(h -> hart[0] = h).run(v);
        if (g.verdict() != Verdict.PASS) {
            return new LockstepOutcome(g, null);
        }
        String missing = needs.missingOn(dut);
        if (missing == null) {
            missing = outsideRam(v, hart[0].pc() & 0xFFFF_FFFFL);
        }
        VectorProgram program = null;
        if (missing == null) {
            try {
                program = VectorProgram.of(v, platform.resetPc(), hart[0].pc() & 0xFFFF_FFFFL, finisher(), privileged());
            } catch (NotApplicableException e) {
                missing = e.getMessage();
            }
        }
        if (missing != null) {
            return new LockstepOutcome(new VectorOutcome(v, v.name(), v.location(), Verdict.NOT_APPLICABLE,
                    "not applicable to this DUT: " + missing, List.of(), g.trace(), ms(t0)), null);
        }
        Machine machine = Machine.create(platform, dut);
        VectorState state = new VectorState(program.codeAt(), program.endAt());
        machine.hart().addRetireListener(state);
        LockstepSession session = new LockstepSession(library, tracedLibrary,
                describe + "; golden " + dut.name() + " on " + platform.name() + "; vector " + v.location() + " " + v.name());
        LockstepOptions o = options.withOutputDir(options.outputDir().resolve(fileName(v.name())))
                .withMaxCycles(Math.min(options.maxCycles(), CYCLE_ALLOWANCE + CYCLES_PER_STEP * steps[0]));
        LockstepResult r = session.run(machine, program, o, null);
        machine.hart().removeRetireListener(state);
        if (r.outcome() != LockstepResult.Outcome.PASS) {
            String what = "lockstep " + r.outcome().name().toLowerCase(Locale.ROOT) + ": " + r.detail()
                    + (r.report() == null ? "" : " (report " + r.report() + ")");
            return new LockstepOutcome(new VectorOutcome(v, v.name(), v.location(), Verdict.FAIL, what, List.of(),
                    g.trace(), ms(t0)), r);
        }
        List<Mismatch> mismatches = check(v, program, state, machine, steps[0]);
        Verdict verdict = mismatches.isEmpty() ? Verdict.PASS : Verdict.FAIL;
        String message = mismatches.isEmpty() ? null : "lockstep run: " + mismatches.get(0)
                + (mismatches.size() > 1 ? " (+" + (mismatches.size() - 1) + " more)" : "");
        return new LockstepOutcome(new VectorOutcome(v, v.name(), v.location(), verdict, message, mismatches,
                g.trace(), ms(t0)), r);
    }

    /** The row's expectations against the golden side of the lockstep run. */
    private static List<Mismatch> check(Vector v, VectorProgram p, VectorState state, Machine machine, long steps) {
        List<Mismatch> out = new ArrayList<>();
        Vector.Expected e = v.expected();
        if (state.retired != steps) {
            out.add(new Mismatch("steps", Long.toString(steps), Long.toString(state.retired)
                    + " (the finisher was reached after a different number of the vector's instructions)"));
        }
        if (e.pc() != null && e.pc() + p.endShift() != p.endAt()) {
            out.add(new Mismatch("pc", hex(e.pc()), hex(p.endAt() - p.endShift())));
        }
        e.regs().forEach((r, val) -> {
            if (state.x[r] != val) {
                out.add(new Mismatch(RegisterNames.abi(r), hex(val), hex(state.x[r])));
            }
        });
        for (MemoryWord m : e.memory()) {
            String field = String.format("mem[0x%08x]", m.address());
            try {
                int got = machine.bus().load(m.address(), m.width());
                long mask = m.width() == 4 ? 0xFFFF_FFFFL : (1L << (8 * m.width())) - 1;
                if ((got & mask) != (m.value() & mask)) {
                    out.add(new Mismatch(field, hex(m.value() & mask), hex(got & mask)));
                }
            } catch (BusError ex) {
                out.add(new Mismatch(field, hex(m.value()), "unmapped"));
            }
        }
        return out;
    }

    /** Why the vector's code, cells or end lie outside the platform's RAM, or null. */
    private String outsideRam(Vector v, long endPc) {
        Region ram = ramAt(platform.resetPc());
        if (ram == null) {
            return "the platform has no RAM at its reset vector";
        }
        Vector.Setup s = v.setup();
        if (!inside(ram, s.pc(), s.program().image().length) || !inside(ram, endPc, VectorProgram.FINISHER_BYTES)) {
            return String.format("its code (0x%08x) is outside %s's RAM", s.pc(), platform.name());
        }
        for (MemoryWord m : s.memory()) {
            if (!inside(ram, m.address(), m.width())) {
                return String.format("its memory cell at 0x%08x is outside %s's RAM", m.address(), platform.name());
            }
        }
        for (MemoryWord m : v.expected().memory()) {
            if (!inside(ram, m.address(), m.width())) {
                return String.format("it checks memory at 0x%08x, outside %s's RAM", m.address(), platform.name());
            }
        }
        return null;
    }

    private Region ramAt(long address) {
        for (Region r : platform.regions()) {
            if (inside(r, address, 1)) {
                return r;
            }
        }
        return null;
    }

    private static boolean inside(Region r, long address, long length) {
        long size = r.size() & 0xFFFF_FFFFL;
        return address >= r.base() && address + length <= r.base() + size;
    }

    /** The DUT's CSRs for the set-up, with every trap going to {@link VectorRunner#TRAP_SINK}; null without CSRs. */
    private VectorProgram.Privileged privileged() {
        return dut.has(Extension.ZICSR) && dut.has(Extension.PRIV)
                ? new VectorProgram.Privileged(VectorRunner.TRAP_SINK, dut.has(Profile.CsrGroup.SUPERVISOR)) : null;
    }

    private long finisher() throws NotApplicableException {
        for (DeviceSpec d : platform.devices()) {
            if (d.type().equals("sifive-test")) {
                return d.base();
            }
        }
        throw new NotApplicableException("platform " + platform.name() + " has no SiFive test finisher to end it");
    }

    private static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static String hex(long v) {
        return String.format("0x%08x", v & 0xFFFF_FFFFL);
    }

    /**
     * The register file as the vector leaves it, rebuilt from the retire stream (the finisher
     * then clobbers t0 and t1), and how many of the vector's instructions retired.
     */
    private static final class VectorState implements RetireListener {
        final int[] x = new int[32];
        final long codeAt;
        final long endAt;
        boolean started;
        boolean ended;
        long retired;

        VectorState(long codeAt, long endAt) {
            this.codeAt = codeAt;
            this.endAt = endAt;
        }

        @Override
        public void retired(RetireBuffer b, int from, int count) {
            for (int s = from; s < from + count && !ended; s++) {
                long pc = b.pc(s) & 0xFFFF_FFFFL;
                if (pc == endAt && started) {
                    ended = true;
                    break;
                }
                started |= pc == codeAt;
                if (started && b.kind(s) == RetireBuffer.KIND_RETIRE) {
                    retired++;
                }
                if (b.rdAddr(s) != 0) {
                    x[b.rdAddr(s)] = b.rdWdata(s);
                }
            }
        }
    }
}
