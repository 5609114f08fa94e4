package tandem.golden.bio;

import java.util.ArrayList;
import java.util.List;

/** Test helper: records every change of the masked output pins as "cycle:value" (hex value). */
final class PinRecorder implements BioObserver {

    private final int mask;
    private final long origin;
    private int last;
    private final List<String> edges = new ArrayList<>();

    /** Records pins under {@code mask}, cycles counted from {@code bio.cycle()} now. */
    PinRecorder(Bio bio, int mask) {
        this.mask = mask;
        this.origin = bio.cycle();
        this.last = bio.pins() & mask;
        bio.setObserver(this);
    }

    @Override
    public void cycle(Bio bio) {
        int now = bio.pins() & mask;
        if (now != last) {
            edges.add((bio.cycle() - origin) + ":" + Integer.toHexString(now));
            last = now;
        }
    }

    List<String> edges() {
        return edges;
    }

    /** The cycles of the recorded changes. */
    List<Long> cycles() {
        List<Long> out = new ArrayList<>();
        for (String e : edges) {
            out.add(Long.parseLong(e.substring(0, e.indexOf(':'))));
        }
        return out;
    }
}
