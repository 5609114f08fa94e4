package tandem.vectors.run;

import java.util.ArrayList;
import java.util.List;
import tandem.golden.TandemException;
import tandem.golden.bio.Bio;
import tandem.vectors.PinEdge;
import tandem.vectors.Vector;

/**
 * Runs BIO vectors on the golden BIO block: the program goes into core 0, which is started
 * with EN + RESTART + CLKDIV_RESTART as the Xous driver starts it; cycle 0 is the core's first
 * active edge. Input edges are driven at their cycles; the pins named in {@code expect_edges}
 * are recorded for {@code cycles} cycles and compared edge by edge.
 */
public final class BioVectorRunner {

    /** Runs {@code v}, a BIO vector. */
    public VectorOutcome run(Vector v) {
        long t0 = System.nanoTime();
        Vector.Bio spec = v.bio();
        Bio bio = new Bio();
        byte[] image = new byte[spec.words().size() * 4];
        for (int i = 0; i < spec.words().size(); i++) {
            int w = spec.words().get(i);
            for (int b = 0; b < 4; b++) {
                image[4 * i + b] = (byte) (w >>> (8 * b));
            }
        }
        try {
            bio.loadProgram(0, image);
        } catch (TandemException e) {
            return new VectorOutcome(v, v.name(), v.location(), Verdict.ERROR, "column program: " + e.getMessage(),
                    List.of(), null, ms(t0));
        }
        bio.store(0x50, spec.qdiv(), 4);
        bio.store(0x00, 0x111, 4);
        bio.run(3L * bio.config().pclkRatio());
        int mask = 0;
        for (PinEdge e : spec.edges()) {
            mask |= 1 << e.pin();
        }
        long origin = bio.cycle();
        int watched = mask;
        List<PinEdge> seen = new ArrayList<>();
        int[] last = {bio.pins() & mask};
        bio.setObserver(b -> {
            int now = b.pins() & watched;
            int changed = now ^ last[0];
            for (int pin = 0; pin < 32; pin++) {
                if ((changed >>> pin & 1) != 0) {
                    seen.add(new PinEdge(b.cycle() - origin, pin, now >>> pin & 1));
                }
            }
            last[0] = now;
        });
        int inputs = 0;
        long at = 0;
        for (PinEdge in : spec.inputs()) {
            if (in.cycle() > at) {
                bio.run(in.cycle() - at);
                at = in.cycle();
            }
            inputs = in.level() == 1 ? inputs | 1 << in.pin() : inputs & ~(1 << in.pin());
            bio.drivePins(inputs);
        }
        if (spec.cycles() > at) {
            bio.run(spec.cycles() - at);
        }
        bio.setObserver(null);
        List<Mismatch> mismatches = new ArrayList<>();
        int n = Math.max(seen.size(), spec.edges().size());
        for (int i = 0; i < n; i++) {
            PinEdge want = i < spec.edges().size() ? spec.edges().get(i) : null;
            PinEdge got = i < seen.size() ? seen.get(i) : null;
            if (want == null || !want.equals(got)) {
                mismatches.add(new Mismatch("edge " + (i + 1), want == null ? "none" : want.toString(),
                        got == null ? "none" : got.toString()));
                break;
            }
        }
        String msg = mismatches.isEmpty() ? null : mismatches.get(0) + " (cycle:pin:level)";
        return new VectorOutcome(v, v.name(), v.location(), mismatches.isEmpty() ? Verdict.PASS : Verdict.FAIL, msg,
                mismatches, null, ms(t0));
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
