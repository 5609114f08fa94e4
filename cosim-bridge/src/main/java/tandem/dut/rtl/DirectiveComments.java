package tandem.dut.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comments Verilator 5.006 reads as directives by mistake. Verilator treats a comment whose
 * text begins with {@code verilator} or {@code Verilator} (after optional blanks) as a
 * directive, and stops with "Unknown verilator comment" when the next word is not one it knows:
 * {@code // Verilator stops here} or {@code //verilator: note} end the build. ({@code // VERILATOR},
 * {@code // the verilator ...} and a bare {@code // verilator} are fine.) Tandem blanks such
 * comments in a copy of the file, which changes nothing the design means.
 */
public final class DirectiveComments {

    /** A comment Verilator would reject, with its place and text. */
    public record Finding(SvSource source, SvSource.Comment comment) {

        /** {@code file:line: "text"}. */
        @Override
        public String toString() {
            String t = comment.body().strip();
            return source.file().getFileName() + ":" + comment.line() + ": \""
                    + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
    }

    private static final Pattern LEADING = Pattern.compile("^[ \\t]*[vV]erilator(.*)$", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("^[ \\t]+([A-Za-z_]+)");

    /** The directives Verilator 5.006's lexer accepts after {@code verilator} (checked one by one). */
    static final Set<String> KNOWN = Set.of("clock_enable", "clocker", "no_clocker", "coverage_block_off",
            "coverage_off", "coverage_on", "forceable", "hier_block", "inline_module", "isolate_assignments",
            "lint_off", "lint_on", "lint_restore", "lint_save", "no_inline_module", "no_inline_task", "public",
            "public_flat", "public_flat_rd", "public_flat_rw", "public_module", "sc_clock", "sc_bv", "sformat",
            "split_var", "tag", "timing_on", "timing_off", "tracing_off", "tracing_on", "full_case",
            "parallel_case");

    private DirectiveComments() {
    }

    /** The comments of {@code design} that Verilator would reject. */
    public static List<Finding> find(SvDesign design) {
        List<Finding> out = new ArrayList<>();
        for (SvSource s : design.sources()) {
            for (SvSource.Comment c : s.comments()) {
                if (isRejected(c.body())) {
                    out.add(new Finding(s, c));
                }
            }
        }
        return out;
    }

    /** Whether Verilator would stop on a comment with this text (markers removed). */
    static boolean isRejected(String body) {
        Matcher m = LEADING.matcher(body);
        if (!m.matches()) {
            return false;
        }
        String rest = m.group(1);
        if (rest.isBlank()) {
            return false;
        }
        Matcher w = WORD.matcher(rest);
        if (!w.find()) {
            return true;
        }
        String word = w.group(1);
        return !KNOWN.contains(word);
    }
}
