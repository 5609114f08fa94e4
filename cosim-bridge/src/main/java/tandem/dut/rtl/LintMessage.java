package tandem.dut.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of Verilator's output: {@code %Error-BLKANDNBLK: blk.sv:7:15: text}, with the
 * related locations Verilator lists under it ({@code blk.sv:8:26: ... Location of blocking
 * assignment}).
 *
 * @param error   whether it is an {@code %Error} (else a {@code %Warning})
 * @param code    the warning code ({@code WIDTH}), or empty for a plain error
 * @param file    the file it names, or empty
 * @param line    its 1-based line, or 0
 * @param column  its 1-based column, or 0
 * @param text    the message after the location
 * @param related further {@code file:line:col: ... text} locations, as written
 */
public record LintMessage(boolean error, String code, String file, int line, int column, String text,
                          List<String> related) {

    private static final Pattern HEAD = Pattern.compile(
            "^%(Error|Warning)(?:-([A-Z0-9_]+))?: (?:(\\S+?):(\\d+):(?:(\\d+):)? )?(.*)$");
    private static final Pattern RELATED = Pattern.compile("^\\s+(\\S+?:\\d+:\\d+: \\.\\.\\. .*)$");

    /** The messages in Verilator's {@code output}, in order. */
    public static List<LintMessage> parse(List<String> output) {
        List<LintMessage> out = new ArrayList<>();
        String[] head = null;
        List<String> related = new ArrayList<>();
        for (String l : output) {
            Matcher h = HEAD.matcher(l);
            if (h.matches()) {
                flush(head, related, out);
                head = new String[] {h.group(1), h.group(2), h.group(3), h.group(4), h.group(5), h.group(6)};
                related = new ArrayList<>();
                continue;
            }
            Matcher r = RELATED.matcher(l);
            if (head != null && r.matches()) {
                related.add(r.group(1));
            }
        }
        flush(head, related, out);
        return out;
    }

    private static void flush(String[] h, List<String> related, List<LintMessage> out) {
        if (h == null) {
            return;
        }
        out.add(new LintMessage(h[0].equals("Error"), h[1] == null ? "" : h[1], h[2] == null ? "" : h[2],
                h[3] == null ? 0 : Integer.parseInt(h[3]), h[4] == null ? 0 : Integer.parseInt(h[4]), h[5],
                List.copyOf(related)));
    }

    /** Whether this is Verilator's closing summary or a wrapper line rather than a finding. */
    public boolean isSummary() {
        return file.isEmpty() && (text.startsWith("Exiting due to") || text.startsWith("Command Failed")
                || text.contains(" exited with "));
    }

    /** The message as Verilator printed its first line. */
    @Override
    public String toString() {
        return "%" + (error ? "Error" : "Warning") + (code.isEmpty() ? "" : "-" + code) + ": "
                + (file.isEmpty() ? "" : file + ":" + line + ":" + (column > 0 ? column + ":" : "") + " ") + text;
    }
}
