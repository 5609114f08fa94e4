package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A few signals over a short time span, small enough to draw inline: the cycles around a
 * divergence, or a BIO run's pins.
 *
 * @param timeUnit what one time step is ({@code cycle}, {@code ns})
 * @param start    first time shown
 * @param end      last time shown
 * @param marker   time to highlight (the divergence), or null
 * @param signals  the signals, drawn top to bottom
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaveformExcerpt(String timeUnit, long start, long end, Long marker, List<Signal> signals) {

    /** Copies the list. */
    public WaveformExcerpt {
        signals = List.copyOf(signals);
    }

    /**
     * One signal: its value from each change time until the next.
     *
     * @param name    signal name as in the VCD ({@code top.cpu.pc})
     * @param width   bits; 1 draws as a line, wider as a bus with values
     * @param changes value changes in time order
     */
    public record Signal(String name, int width, List<Change> changes) {
        /** Copies the list. */
        public Signal {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A value change.
     *
     * @param time  when
     * @param value the new value: {@code 0}/{@code 1}/{@code x}/{@code z} for one bit, hex
     *              ({@code 80000004}) for a bus
     */
    public record Change(long time, String value) {
    }
}
