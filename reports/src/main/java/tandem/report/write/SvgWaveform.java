package tandem.report.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tandem.report.model.WaveformExcerpt;
import tandem.report.model.WaveformExcerpt.Change;
import tandem.report.model.WaveformExcerpt.Signal;

/**
 * Draws a {@link WaveformExcerpt} as inline SVG in the usual waveform-viewer style: one row per
 * signal, one-bit signals as a high/low line, buses as hexagons carrying their hex value,
 * unknown values in red, the marker (the divergence) as a dashed vertical line.
 */
public final class SvgWaveform {

    private static final int LABEL = 170;
    private static final int PLOT = 640;
    private static final int ROW = 26;
    private static final int TOP = 18;
    private static final double CHAR = 6.6;

    private SvgWaveform() {
    }

    /** The SVG element for {@code wave}; {@code title} becomes its accessible name. */
    public static String render(WaveformExcerpt wave, String title) {
        long span = Math.max(1, wave.end() - wave.start());
        int height = TOP + ROW * wave.signals().size() + 6;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wave\" role=\"img\" width=\"")
                .append(LABEL + PLOT + 10).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(LABEL + PLOT + 10).append(' ').append(height).append("\">");
        sb.append("<title>").append(XmlText.escape(title)).append("</title>");
        sb.append("<text class=\"t\" x=\"").append(LABEL).append("\" y=\"12\">").append(wave.start())
                .append("</text><text class=\"t\" x=\"").append(LABEL + PLOT).append("\" y=\"12\" text-anchor=\"end\">")
                .append(wave.end()).append(' ').append(XmlText.escape(wave.timeUnit())).append("</text>");
        int row = 0;
        for (Signal s : wave.signals()) {
            int y = TOP + row * ROW;
            sb.append("<text class=\"n\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\">").append(XmlText.escape(s.name())).append("</text>");
            if (s.width() <= 1) {
                bit(sb, s.changes(), wave.start(), wave.end(), span, y);
            } else {
                bus(sb, s.changes(), wave.start(), wave.end(), span, y);
            }
            row++;
        }
        if (wave.marker() != null && wave.marker() >= wave.start() && wave.marker() <= wave.end()) {
            double x = x(wave.marker(), wave.start(), span);
            sb.append("<line class=\"m\" x1=\"").append(f(x)).append("\" y1=\"").append(TOP - 4)
                    .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(height - 2).append("\"/>");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    private static void bit(StringBuilder sb, List<Change> changes, long start, long end, long span, int y) {
        double hi = y + 4;
        double lo = y + 20;
        double mid = (hi + lo) / 2;
        StringBuilder path = new StringBuilder();
        StringBuilder bad = new StringBuilder();
        for (Segment seg : segments(changes, start, end)) {
            double x0 = x(seg.from, start, span);
            double x1 = x(seg.to, start, span);
            switch (seg.value) {
                case "1" -> path.append("M").append(f(x0)).append(' ').append(f(lo)).append("V").append(f(hi))
                        .append("H").append(f(x1)).append("V").append(f(lo));
                case "0" -> path.append("M").append(f(x0)).append(' ').append(f(lo)).append("H").append(f(x1));
                default -> bad.append("M").append(f(x0)).append(' ').append(f(mid)).append("H").append(f(x1));
            }
        }
        if (path.length() > 0) {
            sb.append("<path class=\"b\" d=\"").append(path).append("\"/>");
        }
        if (bad.length() > 0) {
            sb.append("<path class=\"x\" d=\"").append(bad).append("\"/>");
        }
    }

    private static void bus(StringBuilder sb, List<Change> changes, long start, long end, long span, int y) {
        double top = y + 4;
        double bot = y + 20;
        double mid = (top + bot) / 2;
        for (Segment seg : segments(changes, start, end)) {
            double x0 = x(seg.from, start, span);
            double x1 = x(seg.to, start, span);
            double slant = Math.min(3, (x1 - x0) / 2);
            boolean unknown = seg.value.chars().anyMatch(ch -> ch == 'x' || ch == 'z' || ch == 'X' || ch == 'Z');
            sb.append("<path class=\"").append(unknown ? "x" : "v").append("\" d=\"M").append(f(x0)).append(' ')
                    .append(f(mid)).append("L").append(f(x0 + slant)).append(' ').append(f(top)).append("H")
                    .append(f(x1 - slant)).append("L").append(f(x1)).append(' ').append(f(mid)).append("L")
                    .append(f(x1 - slant)).append(' ').append(f(bot)).append("H").append(f(x0 + slant)).append("Z\"/>");
            double room = x1 - x0 - 2 * slant - 2;
            String label = seg.value;
            if (label.length() * CHAR > room) {
                int fit = (int) (room / CHAR) - 1;
                label = fit >= 2 ? "…" + label.substring(label.length() - fit) : "";
            }
            if (!label.isEmpty()) {
                sb.append("<text class=\"d\" x=\"").append(f((x0 + x1) / 2)).append("\" y=\"").append(f(mid + 4))
                        .append("\" text-anchor=\"middle\">").append(XmlText.escape(label)).append("</text>");
            }
        }
    }

    private record Segment(long from, long to, String value) {
    }

    /** The signal's constant stretches clipped to [start, end]; before the first change it is x. */
    private static List<Segment> segments(List<Change> changes, long start, long end) {
        ArrayList<Segment> out = new ArrayList<>();
        String value = "x";
        long from = start;
        for (Change c : changes) {
            if (c.time() <= start) {
                value = c.value();
                continue;
            }
            if (c.time() > end) {
                break;
            }
            if (c.time() > from) {
                out.add(new Segment(from, c.time(), value));
            }
            from = c.time();
            value = c.value();
        }
        if (end > from) {
            out.add(new Segment(from, end, value));
        }
        return out;
    }

    private static double x(long t, long start, long span) {
        return LABEL + (double) (t - start) * PLOT / span;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
