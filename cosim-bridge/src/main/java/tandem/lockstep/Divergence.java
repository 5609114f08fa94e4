package tandem.lockstep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The first point where the RTL and the golden model disagree, with what an engineer needs to
 * understand it: the differing fields, the last retires of both sides (the diverging one
 * last), both register files as of just before the diverging instruction, the golden CSRs,
 * and — once captured — a VCD of the RTL around it.
 *
 * @param retireIndex  index of the diverging retire in the RTL's stream
 * @param cycle        RTL clock cycle of that retire
 * @param pc           its pc (the RTL's)
 * @param summary      one line for the console
 * @param mismatches   every field that differs
 * @param rtlHistory   the RTL's last retires, oldest first
 * @param goldenHistory the golden model's last retires, oldest first
 * @param rtlRegisters x0..x31 as the RTL's retire stream left them
 * @param goldenRegisters x0..x31 as the golden model's retire stream left them
 * @param goldenCsrs   golden CSRs by name (empty for a profile without CSRs)
 * @param vcd          a VCD window of the RTL around the divergence, or {@code null}
 */
public record Divergence(long retireIndex, long cycle, int pc, String summary, List<FieldMismatch> mismatches,
                         List<RetireView> rtlHistory, List<RetireView> goldenHistory, int[] rtlRegisters,
                         int[] goldenRegisters, Map<String, Integer> goldenCsrs, Path vcd) {

    /** The same divergence with a VCD attached. */
    public Divergence withVcd(Path file) {
        return new Divergence(retireIndex, cycle, pc, summary, mismatches, rtlHistory, goldenHistory, rtlRegisters,
                goldenRegisters, goldenCsrs, file);
    }
}
