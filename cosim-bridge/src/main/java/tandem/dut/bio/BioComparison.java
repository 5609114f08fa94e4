package tandem.dut.bio;

import java.nio.file.Path;

/**
 * How one BIO lockstep run ended.
 *
 * @param matched  whether every event agreed, cycle for cycle
 * @param cycles   aclk cycles compared
 * @param events   events compared (pins, directions, levels, pcs, x31, read-back)
 * @param cycle    aclk of the first difference, or -1
 * @param detail   one line: the match, or the first difference with its signals and both sides' values
 * @param report   the text report of a difference, or {@code null}
 */
public record BioComparison(boolean matched, long cycles, int events, long cycle, String detail, Path report) {
}
