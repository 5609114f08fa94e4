package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A BIO program run: golden pins checked against expected edges or RTL.
 *
 * @param name     the run's name
 * @param program  the program file or vector it ran
 * @param cycles   cycles simulated
 * @param status   outcome
 * @param message  one line on the first mismatch, or null
 * @param waveform pins over the run (or around the mismatch), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BioRun(String name, String program, long cycles, Status status, String message,
                     WaveformExcerpt waveform) {
}
