package tandem.dut.rtl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tandem.golden.TandemException;

/**
 * Which Verilator warnings a design may have waived, decided from what a lint of that design
 * reports, and the one waiver Tandem refuses.
 *
 * <p>Waived: the warnings a lint finds whose codes do not make Verilator simulate anything other
 * than what the RTL says (WIDTH, PINMISSING, unused signals, case coverage, ...); an
 * unconnected input reads 0. Generated CPUs such as VexRiscv trip WIDTH and PINMISSING, which
 * are fatal without a waiver. Other warnings are left as warnings and listed.
 *
 * <p>Refused: BLKANDNBLK, a variable driven by both blocking (or continuous, or port) and
 * non-blocking assignments. Verilator 5.006 builds a model that is silently wrong when it is
 * waived: on Baochip-1x's BIO, {@code aggregated_events} is driven by a port (bits 23:0) and an
 * {@code always_ff} (bits 31:24), and bits 0-23 never change (verilator issues #364, #1864).
 * A waiver of it in the user's options, {@code .vlt} files or {@code lint_off} comments is taken
 * out before the lint, so the lint shows every such variable, and the design is refused with
 * the variable and the fix (drive its parts as separate signals).
 */
public final class WarningPolicy {

    /** The warning Tandem never waives. */
    public static final String REFUSED = "BLKANDNBLK";

    /** Codes whose waiver leaves the simulation as the RTL means it. */
    static final Set<String> BENIGN = Set.of("WIDTH", "PINMISSING", "PINCONNECTEMPTY", "CASEINCOMPLETE",
            "CASEOVERLAP", "CASEX", "CASEWITHX", "CMPCONST", "UNSIGNED", "UNOPTFLAT", "UNOPT", "LITENDIAN",
            "ASCRANGE", "IMPLICIT", "UNUSED", "UNUSEDSIGNAL", "UNUSEDPARAM", "UNUSEDGENVAR", "UNDRIVEN",
            "DECLFILENAME", "SYMRSVDWORD", "VARHIDDEN", "REALCVT", "STMTDLY", "SELRANGE", "EOFNEWLINE",
            "BLKSEQ", "SYNCASYNCNET", "GENCLK", "DEFPARAM", "INCABSPATH", "PINNOCONNECT");

    private static final Pattern COMMENT_WAIVER = Pattern.compile("^\\s*[vV]erilator\\s+lint_off\\s+" + REFUSED + "\\b");
    private static final Pattern VLT_WAIVER = Pattern.compile("(?m)^[ \\t]*lint_off\\b[^\\n]*\\b" + REFUSED + "\\b[^\\n]*$");
    private static final Pattern VARIABLE = Pattern.compile("'([^']+)'");
    private static final Pattern RELATED = Pattern.compile("^(\\S+?):(\\d+):\\d+: \\.\\.\\. Location of (\\S+) assignment");

    private final List<String> waiverPlaces = new ArrayList<>();

    /**
     * Removes waivers of {@link #REFUSED}: drops them from {@code args} (returned) and blanks
     * {@code lint_off} comments and {@code .vlt} lines in {@code edits}. They are remembered for
     * the refusal message.
     */
    public List<String> withoutRefusedWaivers(List<String> args, SvDesign design, SourceEdits edits) {
        List<String> kept = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-Wno-" + REFUSED)) {
                waiverPlaces.add("option " + a);
            } else {
                kept.add(a);
            }
        }
        for (SvSource s : design.sources()) {
            if (s.file().getFileName().toString().endsWith(".vlt")) {
                Matcher m = VLT_WAIVER.matcher(s.text());
                while (m.find()) {
                    edits.blank(s.file(), m.start(), m.end());
                    waiverPlaces.add(s.file().getFileName() + ":" + s.lineOf(m.start()));
                }
                continue;
            }
            for (SvSource.Comment c : s.comments()) {
                if (COMMENT_WAIVER.matcher(c.body()).find()) {
                    int end = s.text().startsWith("/*", c.offset()) ? c.offset() + c.body().length() + 4
                            : c.offset() + c.body().length() + 2;
                    edits.blank(s.file(), c.offset(), end);
                    waiverPlaces.add(s.file().getFileName() + ":" + c.line());
                }
            }
        }
        return kept;
    }

    /**
     * Checks a lint of the design and chooses the waivers it needs.
     *
     * @param originals maps files Verilator named (edited copies) back to the user's files
     * @return the Verilator options to add ({@code -Wno-CODE} for each benign code found) and,
     *         last, one line explaining them
     * @throws TandemException for a BLKANDNBLK variable (naming it, where it is assigned, and
     *                         the fix), for any other Verilator error (its first line, with file
     *                         and line), and when Verilator crashed
     */
    public Decision decide(VerilatorLint.Result lint, Map<Path, Path> originals) {
        for (LintMessage m : lint.messages()) {
            if (m.code().equals(REFUSED)) {
                throw refusal(m, originals);
            }
        }
        for (LintMessage m : lint.messages()) {
            if (m.error() && !m.isSummary()) {
                if (lint.crashed()) {
                    throw new TandemException("verilator --lint-only crashed on this RTL (" + m.text()
                            + "); output: " + lint.log());
                }
                throw new TandemException("verilator: " + restore(m.toString(), originals) + " (lint output: "
                        + lint.log() + ")");
            }
        }
        Map<String, Integer> waived = new TreeMap<>();
        Map<String, Integer> kept = new TreeMap<>();
        for (LintMessage m : lint.messages()) {
            if (!m.error() && !m.code().isEmpty()) {
                (BENIGN.contains(m.code()) ? waived : kept).merge(m.code(), 1, Integer::sum);
            }
        }
        List<String> args = new ArrayList<>();
        for (String code : waived.keySet()) {
            args.add("-Wno-" + code);
        }
        StringBuilder line = new StringBuilder("Verilator warnings: ");
        line.append(waived.isEmpty() ? "none to waive" : String.join(" ", args) + " (" + counts(waived)
                + " found by lint; Verilator still simulates the RTL as written"
                + (waived.containsKey("PINMISSING") ? ", an unconnected input reading 0)" : ")"));
        if (!kept.isEmpty()) {
            line.append("; left as warnings: ").append(counts(kept));
        }
        line.append("; ").append(REFUSED).append(" is never waived (Verilator 5.006 mis-simulates it)");
        if (!waiverPlaces.isEmpty()) {
            line.append(" and the waiver").append(waiverPlaces.size() > 1 ? "s" : "").append(" at ")
                    .append(String.join(", ", waiverPlaces)).append(" were removed; lint found no such variable");
        }
        return new Decision(List.copyOf(args), line.toString());
    }

    /**
     * The warning options chosen and why.
     *
     * @param args        {@code -Wno-CODE} options
     * @param explanation one line naming them, and what was left or refused
     */
    public record Decision(List<String> args, String explanation) {
    }

    private TandemException refusal(LintMessage m, Map<Path, Path> originals) {
        Matcher v = VARIABLE.matcher(m.text());
        String hier = v.find() ? v.group(1) : "?";
        String signal = hier.substring(hier.lastIndexOf('.') + 1);
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (String r : m.related()) {
            Matcher rm = RELATED.matcher(r);
            if (rm.find()) {
                kinds.computeIfAbsent(rm.group(3), k -> new ArrayList<>())
                        .add(fileName(rm.group(1), originals) + ":" + rm.group(2));
            }
        }
        List<String> drivers = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : kinds.entrySet()) {
            drivers.add(e.getKey() + " at " + String.join(", ", e.getValue()));
        }
        return new TandemException(fileName(m.file(), originals) + ":" + m.line() + ": signal '" + signal + "' ("
                + hier + ") is driven by both blocking/continuous and non-blocking assignments"
                + (drivers.isEmpty() ? "" : " (" + String.join("; ", drivers) + ")")
                + "; Tandem refuses to waive " + REFUSED + " because Verilator 5.006 then simulates it wrongly"
                + " (parts driven one way never change; verilator issues #364, #1864)"
                + (waiverPlaces.isEmpty() ? "" : " and ignores the waiver at " + String.join(", ", waiverPlaces))
                + "; fix: split '" + signal + "' into separately driven signals (one for the bits the port or"
                + " assign drives, one for the bits the always block drives) and concatenate them where it is read");
    }

    private static String counts(Map<String, Integer> codes) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : codes.entrySet()) {
            out.add(e.getKey() + " x" + e.getValue());
        }
        return String.join(", ", out);
    }

    private static String fileName(String file, Map<Path, Path> originals) {
        Path p = Path.of(file).toAbsolutePath().normalize();
        return originals.getOrDefault(p, p).toString();
    }

    /** Replaces edited-copy paths in {@code text} by the user's paths. */
    static String restore(String text, Map<Path, Path> originals) {
        String out = text;
        for (Map.Entry<Path, Path> e : originals.entrySet()) {
            out = out.replace(e.getKey().toString(), e.getValue().toString());
        }
        return out;
    }
}
