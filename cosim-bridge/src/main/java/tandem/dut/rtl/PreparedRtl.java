package tandem.dut.rtl;

import java.nio.file.Path;
import java.util.List;

/**
 * The user's RTL made ready for a Verilator build: what to pass, and what Tandem did to get
 * there.
 *
 * @param files         the source files to pass to Verilator, in order: the user's files (an
 *                      edited copy in place of any file Tandem had to edit) then the generated
 *                      wrapper, if any
 * @param verilatorArgs options to add to the build: those from the {@code .f} lists (include
 *                      directories, defines, libraries) and the warning settings
 * @param top           the module to give Verilator as {@code --top-module}: the generated
 *                      wrapper, or the user's top when none was needed
 * @param userTop       the user's top module
 * @param instancePath  the instance path of the user's top inside {@link #top()}
 *                      ({@code "core"}), or empty when they are the same module; Verilator names
 *                      its signals {@code top__DOT__core__DOT__signal}
 * @param explanation   one line per thing Tandem generated, changed or waived, and why
 */
public record PreparedRtl(List<Path> files, List<String> verilatorArgs, String top, String userTop,
                          String instancePath, List<String> explanation) {

    /**
     * The prefix of a user-top signal in Verilator's flattened names:
     * {@code VexRiscvAxi4_tandem__DOT__core__DOT__} with a wrapper, {@code VexRiscvAxi4__DOT__}
     * without.
     */
    public String signalPrefix() {
        return top + "__DOT__" + (instancePath.isEmpty() ? "" : instancePath.replace(".", "__DOT__") + "__DOT__");
    }

    /** The files and options in the form {@link tandem.dut.VerilatorBuild#build} takes. */
    public tandem.dut.RtlSources toRtlSources() {
        return new tandem.dut.RtlSources(files, verilatorArgs);
    }
}
