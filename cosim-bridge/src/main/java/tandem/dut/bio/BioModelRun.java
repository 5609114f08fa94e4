package tandem.dut.bio;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tandem.golden.bio.Bio;

/**
 * A {@link BioStimulus} on the golden BIO model, observed as the RTL harness observes the RTL
 * (same {@link BioEvent} forms, same cycle origin). The model's host writes are placed on the
 * cycles where they landed in the RTL (after its APB transfer and synchronisers), so the
 * comparison is about the BIO itself, not about the host bus.
 */
final class BioModelRun {

    private static final int CTRL = 0x00;
    private static final int TXF = 0x10;
    private static final int RXF = 0x20;
    private static final int QDIV = 0x50;
    private static final int DBG_PC = 0x90;

    private BioModelRun() {
    }

    /** The model's events for {@code s}; {@code landings} are the RTL's push cycles, in push order. */
    static List<BioEvent> run(BioStimulus s, List<Long> landings) {
        Bio bio = new Bio();
        s.programs().forEach(bio::loadProgram);
        s.dividers().forEach((core, q) -> bio.store(QDIV + 4 * core, q, 4));
        TreeMap<Long, List<BioStimulus.HostWrite>> writes = new TreeMap<>();
        for (int i = 0; i < s.writes().size(); i++) {
            BioStimulus.HostWrite w = s.writes().get(i);
            long at = i < landings.size() && landings.get(i) >= 0 ? landings.get(i) - pipeline(w.offset()) : w.at();
            writes.computeIfAbsent(at, k -> new ArrayList<>()).add(w);
        }
        bio.store(CTRL, s.ctrl(), 4);
        bio.run(3L * bio.config().pclkRatio());
        long origin = bio.cycle();
        List<BioEvent> out = new ArrayList<>();
        out.add(new BioEvent("O " + Integer.toUnsignedString(bio.clockCount(s.watch()))));
        int[] last = {bio.pins(), bio.directions(), levels(bio), 0, 0, 0, 0};
        for (int c = 0; c < 4; c++) {
            last[3 + c] = bio.load(DBG_PC + 4 * c, 4) & 0xFFF;
        }
        bio.setObserver(b -> {
            long at = b.cycle() - origin - 1;
            if (b.pins() != last[0] || b.directions() != last[1]) {
                last[0] = b.pins();
                last[1] = b.directions();
                out.add(new BioEvent(String.format("%d out=%08x dir=%08x", at, b.pins(), b.directions())));
            }
            int lv = levels(b);
            if (lv != last[2]) {
                last[2] = lv;
                out.add(new BioEvent(String.format("L %d lv=%04x", at, lv)));
            }
            for (int c = 0; c < 4; c++) {
                int pc = b.load(DBG_PC + 4 * c, 4) & 0xFFF;
                if (pc != last[3 + c]) {
                    last[3 + c] = pc;
                    out.add(new BioEvent(String.format("C %d %d %03x", at, c, pc)));
                }
            }
        });
        for (long c = 0; c < s.cycles(); c++) {
            for (BioStimulus.HostWrite w : writes.getOrDefault(c, List.of())) {
                bio.store(w.offset(), w.value(), 4);
            }
            bio.run(1);
        }
        bio.setObserver(null);
        for (int i = 0; i < s.reads(); i++) {
            out.add(new BioEvent("R " + s.readFifo() + " " + Integer.toUnsignedString(bio.load(RXF + 4 * s.readFifo(), 4))));
        }
        return out;
    }

    /**
     * Clocks between a host write reaching the model and its register changing: event set/clear
     * pass the model's last APB-to-aclk stage (one clock), FIFO pushes land at once. The RTL's
     * landing is the cycle its register changed, so the model's write goes in that much earlier.
     */
    private static int pipeline(int offset) {
        return offset >= TXF && offset < TXF + 16 ? 0 : 1;
    }

    private static int levels(Bio bio) {
        return bio.fifoLevel(0) | bio.fifoLevel(1) << 4 | bio.fifoLevel(2) << 8 | bio.fifoLevel(3) << 12;
    }
}
