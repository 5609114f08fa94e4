package tandem.trace;

import java.util.List;

/**
 * Renders a {@link TraceDiff.Result} for a terminal: the differing fields, then a side-by-side
 * window of the records around the divergence (each side cut to a column width, the diverging
 * pair marked {@code >}), then the two diverging records in full.
 */
public final class TraceDiffReport {

    private TraceDiffReport() {
    }

    /** The report; {@code column} is the width of each side of the window. */
    public static String text(TraceDiff.Result result, int column) {
        StringBuilder sb = new StringBuilder();
        if (result.same()) {
            sb.append(result.nameA()).append(" and ").append(result.nameB()).append(": ").append(result.matched())
                    .append(" records match\n");
            return sb.toString();
        }
        TraceDiff.Divergence d = result.divergence();
        sb.append(result.nameA()).append(" and ").append(result.nameB()).append(" diverge at record ").append(d.index())
                .append(" (after ").append(result.matched()).append(" matching records)\n");
        for (String diff : d.differences()) {
            sb.append("  ").append(diff).append('\n');
        }
        if (!d.hint().isEmpty()) {
            sb.append("  hint: ").append(d.hint()).append('\n');
        }
        sb.append('\n');
        String header = String.format("  %8s  %s | %s", "#", fit("A: " + result.nameA(), column), fit("B: " + result.nameB(), column));
        sb.append(header.stripTrailing()).append('\n');
        long first = d.index() - d.before().size();
        for (int i = 0; i < d.before().size(); i++) {
            row(sb, ' ', first + i, d.before().get(i), column);
        }
        row(sb, '>', d.index(), new TraceRecord[] {d.a(), d.b()}, column);
        List<TraceRecord[]> after = d.after();
        for (int i = 0; i < after.size(); i++) {
            row(sb, ' ', d.index() + 1 + i, after.get(i), column);
        }
        sb.append('\n');
        sb.append("A ").append(full(d.a(), result.nameA())).append('\n');
        sb.append("B ").append(full(d.b(), result.nameB())).append('\n');
        return sb.toString();
    }

    private static void row(StringBuilder sb, char mark, long index, TraceRecord[] pair, int column) {
        String line = String.format("%c %8d  %s | %s", mark, index, fit(cell(pair[0]), column), fit(cell(pair[1]), column));
        sb.append(line.stripTrailing()).append('\n');
    }

    private static String cell(TraceRecord r) {
        return r == null ? "(ended)" : TextTraceWriter.formatCompact(r);
    }

    private static String full(TraceRecord r, String name) {
        return r == null ? name + ": (ended)" : r.where + ": " + TextTraceWriter.formatCompact(r);
    }

    private static String fit(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, Math.max(0, width - 1)) + "~";
        }
        return s + " ".repeat(width - s.length());
    }
}
