package tandem.lockstep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a lockstep report as {@code lockstep-report.txt} (for people) and
 * {@code lockstep-report.json} (for tools) in the output directory. Each file is written to a
 * temporary name, closed and renamed, so a crash of the native model afterwards never leaves a
 * half-written report.
 */
public final class DivergenceReport {

    /** Name of the text report. */
    public static final String TEXT = "lockstep-report.txt";
    /** Name of the JSON report. */
    public static final String JSON = "lockstep-report.json";

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

    private DivergenceReport() {
    }

    /**
     * Writes the report of a run. {@code d} may be {@code null} for a run that ended without a
     * divergence but not cleanly (stall, RTL error); then {@code rtlRegisters} (may be null)
     * are the RTL's registers at the end.
     *
     * @return the text report's path
     */
    public static Path write(Path dir, String header, LockstepResult.Outcome outcome, String detail, long retires,
                             long cycles, Divergence d, int[] rtlRegisters) {
        try {
            Files.createDirectories(dir);
            Path text = dir.resolve(TEXT);
            writeAtomically(text, text(header, outcome, detail, retires, cycles, d, rtlRegisters));
            writeAtomically(dir.resolve(JSON), json(header, outcome, detail, retires, cycles, d, rtlRegisters));
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lockstep report in " + dir, e);
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(content);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String text(String header, LockstepResult.Outcome outcome, String detail, long retires, long cycles,
                       Divergence d, int[] rtlRegisters) {
        StringBuilder sb = new StringBuilder();
        sb.append("Tandem lockstep report\n").append(header).append('\n');
        sb.append("outcome: ").append(outcome.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        sb.append("detail:  ").append(detail).append('\n');
        sb.append(String.format("retires matched: %d, RTL cycles: %d%n", retires, cycles));
        if (d == null) {
            if (rtlRegisters != null) {
                sb.append("\nRTL registers at the end:\n");
                registers(sb, rtlRegisters, null);
            }
            return sb.toString();
        }
        sb.append(String.format("%nFirst divergence: RTL retire #%d, cycle %d, pc %08x%n", d.retireIndex(), d.cycle(), d.pc()));
        boolean x = outcome == LockstepResult.Outcome.X_PROPAGATION;
        sb.append(String.format("  %-10s %-28s %-28s%n", "field", x ? "RTL (checked X seed)" : "RTL",
                x ? "other X seed (golden:* golden)" : "golden"));
        for (FieldMismatch m : d.mismatches()) {
            sb.append(String.format("  %-10s %-28s %-28s%n", m.field(), m.rtl(), m.golden()));
        }
        sb.append(String.format("%nLast %d retires (the diverging one last)%n", Math.max(d.rtlHistory().size(), d.goldenHistory().size())));
        sb.append(String.format("  %-8s %-9s %-8s %-36s %-26s | %-8s %-8s %-36s %-26s%n", "rtl#", "cycle", "pc", "insn",
                "effect", "gold#", "pc", "insn", "effect"));
        List<RetireView> rtl = d.rtlHistory();
        List<RetireView> gold = d.goldenHistory();
        int rows = Math.max(rtl.size(), gold.size());
        for (int i = 0; i < rows; i++) {
            RetireView a = pick(rtl, rtl.size() - rows + i);
            RetireView b = pick(gold, gold.size() - rows + i);
            sb.append(a == null ? String.format("  %-8s %-9s %-8s %-36s %-26s", "", "", "", "", "")
                    : String.format("  %-8d %-9d %08x %-36s %-26s", a.index(), a.cycle(), a.pc(), InsnText.of(a.insn(), a.pc()), effect(a)));
            sb.append(" | ");
            sb.append(b == null ? "" : String.format("%-8d %08x %-36s %-26s", b.index(), b.pc(), InsnText.of(b.insn(), b.pc()), effect(b)));
            if (a != null && b != null && !a.equals(b) && i == rows - 1) {
                sb.append("  <==");
            }
            sb.append('\n');
        }
        sb.append("\nRegisters before the diverging instruction (RTL | golden; * = differs)\n");
        registers(sb, d.rtlRegisters(), d.goldenRegisters());
        if (!d.goldenCsrs().isEmpty()) {
            sb.append("\nGolden CSRs\n");
            int col = 0;
            for (Map.Entry<String, Integer> e : d.goldenCsrs().entrySet()) {
                sb.append(String.format("  %-10s %08x", e.getKey(), e.getValue()));
                if (++col % 4 == 0) {
                    sb.append('\n');
                }
            }
            sb.append('\n');
        } else {
            sb.append("\nGolden CSRs: none in this profile\n");
        }
        sb.append("\nVCD: ").append(d.vcd() == null ? "not captured" : d.vcd().toString()).append('\n');
        return sb.toString();
    }

    private static RetireView pick(List<RetireView> l, int i) {
        return i >= 0 && i < l.size() ? l.get(i) : null;
    }

    private static String effect(RetireView v) {
        StringBuilder sb = new StringBuilder();
        if (v.rdAddr() != 0) {
            sb.append(String.format("%s=%08x", ABI[v.rdAddr()], v.rdWdata()));
        }
        if (v.memWrite()) {
            sb.append(sb.length() > 0 ? " " : "").append(String.format("[%08x]<-%08x", v.memAddr(),
                    v.memSize() >= 4 ? v.memData() : v.memData() & ((1 << (8 * v.memSize())) - 1)));
        }
        if (!v.note().isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append('(').append(v.note()).append(')');
        }
        return sb.toString();
    }

    private static void registers(StringBuilder sb, int[] a, int[] b) {
        for (int i = 0; i < 32; i++) {
            boolean differs = b != null && a[i] != b[i];
            sb.append(String.format("  x%-2d %-4s %08x", i, ABI[i], a[i]));
            if (b != null) {
                sb.append(String.format(" | %08x%s", b[i], differs ? "*" : " "));
            }
            sb.append(i % 4 == 3 ? "\n" : "  ");
        }
    }

    static String json(String header, LockstepResult.Outcome outcome, String detail, long retires, long cycles,
                       Divergence d, int[] rtlRegisters) {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, "header", header).append(",\n");
        field(sb, "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).append(",\n");
        field(sb, "detail", detail).append(",\n");
        sb.append("  \"retiresMatched\": ").append(retires).append(",\n");
        sb.append("  \"cycles\": ").append(cycles);
        if (d == null) {
            if (rtlRegisters != null) {
                sb.append(",\n  \"rtlRegisters\": ").append(hexArray(rtlRegisters));
            }
            return sb.append("\n}\n").toString();
        }
        sb.append(",\n  \"divergence\": {\n");
        sb.append("    \"retireIndex\": ").append(d.retireIndex()).append(",\n");
        sb.append("    \"cycle\": ").append(d.cycle()).append(",\n");
        sb.append("    \"pc\": \"").append(String.format("0x%08x", d.pc())).append("\",\n");
        sb.append("    \"summary\": ").append(quote(d.summary())).append(",\n");
        sb.append("    \"mismatches\": [");
        for (int i = 0; i < d.mismatches().size(); i++) {
            FieldMismatch m = d.mismatches().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("      {\"field\": ").append(quote(m.field()))
                    .append(", \"rtl\": ").append(quote(m.rtl())).append(", \"golden\": ").append(quote(m.golden())).append('}');
        }
        sb.append("\n    ],\n");
        sb.append("    \"rtlHistory\": ").append(views(d.rtlHistory())).append(",\n");
        sb.append("    \"goldenHistory\": ").append(views(d.goldenHistory())).append(",\n");
        sb.append("    \"rtlRegisters\": ").append(hexArray(d.rtlRegisters())).append(",\n");
        sb.append("    \"goldenRegisters\": ").append(hexArray(d.goldenRegisters())).append(",\n");
        sb.append("    \"goldenCsrs\": {");
        int n = 0;
        for (Map.Entry<String, Integer> e : d.goldenCsrs().entrySet()) {
            sb.append(n++ == 0 ? "" : ", ").append(quote(e.getKey())).append(": \"")
                    .append(String.format("0x%08x", e.getValue())).append('"');
        }
        sb.append("},\n");
        sb.append("    \"vcd\": ").append(d.vcd() == null ? "null" : quote(d.vcd().toString())).append('\n');
        return sb.append("  }\n}\n").toString();
    }

    private static String views(List<RetireView> l) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            RetireView v = l.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(
                    "      {\"index\": %d, \"cycle\": %d, \"pc\": \"0x%08x\", \"insn\": \"0x%08x\", \"disasm\": %s, "
                            + "\"rd\": %d, \"rdWdata\": \"0x%08x\", \"memWrite\": %b, \"memAddr\": \"0x%08x\", "
                            + "\"memData\": \"0x%08x\", \"memSize\": %d, \"priv\": %d, \"note\": %s}",
                    v.index(), v.cycle(), v.pc(), v.insn(), quote(InsnText.of(v.insn(), v.pc())), v.rdAddr(), v.rdWdata(),
                    v.memWrite(), v.memAddr(), v.memData(), v.memSize(), v.priv(), quote(v.note())));
        }
        return sb.append(l.isEmpty() ? "]" : "\n    ]").toString();
    }

    private static String hexArray(int[] a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("\"0x%08x\"", a[i]));
        }
        return sb.append(']').toString();
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        return sb.append("  ").append(quote(name)).append(": ").append(quote(value));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
