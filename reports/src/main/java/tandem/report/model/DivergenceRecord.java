package tandem.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The first place a DUT disagreed with the golden model, with its context.
 *
 * @param caseName    the case (program, vector, boot) that diverged
 * @param order       retire index of the mismatch
 * @param pc          address of the instruction (unsigned)
 * @param insn        its bits
 * @param disassembly its disassembly, objdump spelling
 * @param field       what differed: {@code pc}, {@code x10}, {@code mstatus}, {@code mem[0x80001000]},
 *                    {@code trap cause}
 * @param dut         the DUT's value as text
 * @param ref         the golden model's value as text
 * @param cycle       DUT cycle of the mismatch, or null, so a waveform can be cut around it
 * @param window      the retires before (and including) the mismatch, oldest first
 * @param waveform    signals around the mismatch, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DivergenceRecord(String caseName, long order, long pc, long insn, String disassembly,
                               String field, String dut, String ref, Long cycle,
                               List<WindowRow> window, WaveformExcerpt waveform) {

    /** Copies the window. */
    public DivergenceRecord {
        window = window == null ? List.of() : List.copyOf(window);
    }

    /**
     * One retire in the window around a divergence.
     *
     * @param order       retire index
     * @param pc          instruction address (unsigned)
     * @param insn        instruction bits
     * @param disassembly objdump spelling
     * @param ref         the golden model's effects ({@code a0=0x5 mem[0x80001000]=0x7})
     * @param dut         the DUT's effects, same spelling
     * @param diverged    true on the row where the two sides disagree
     */
    public record WindowRow(long order, long pc, long insn, String disassembly, String ref, String dut,
                            boolean diverged) {
    }
}
