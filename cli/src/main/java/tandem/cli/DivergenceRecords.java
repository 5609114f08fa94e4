package tandem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tandem.golden.TandemException;
import tandem.golden.isa.Disassembler;
import tandem.lockstep.Divergence;
import tandem.lockstep.FieldMismatch;
import tandem.lockstep.RetireView;
import tandem.report.model.DivergenceRecord;
import tandem.report.model.WaveformExcerpt;
import tandem.wave.VcdReader;
import tandem.wave.VcdVariable;

/**
 * Turns a lockstep {@link Divergence} into the report's {@link DivergenceRecord}: the first
 * mismatch, the window of retires of both sides with disassembly, and the RTL's signals from
 * the VCD window as an inline waveform.
 */
final class DivergenceRecords {
    /** Signals drawn inline at most; the whole window stays in the VCD file. */
    private static final int MAX_SIGNALS = 8;
    /** Names that make a signal worth drawing, in order of preference. */
    private static final List<String> INTERESTING = List.of("pc", "valid", "instruction", "regfilewrite", "address", "data");

    private DivergenceRecords() {
    }

    static DivergenceRecord of(String caseName, Divergence d) {
        FieldMismatch first = d.mismatches().isEmpty() ? new FieldMismatch("?", "", "") : d.mismatches().get(0);
        RetireView last = d.rtlHistory().isEmpty() ? null : d.rtlHistory().get(d.rtlHistory().size() - 1);
        int insn = last == null ? 0 : last.insn();
        List<DivergenceRecord.WindowRow> window = new ArrayList<>();
        int n = Math.max(d.rtlHistory().size(), d.goldenHistory().size());
        for (int i = 0; i < n; i++) {
            RetireView r = i < d.rtlHistory().size() ? d.rtlHistory().get(i) : null;
            RetireView g = i < d.goldenHistory().size() ? d.goldenHistory().get(i) : null;
            RetireView any = r != null ? r : g;
            window.add(new DivergenceRecord.WindowRow(any.index(), any.pc() & 0xFFFF_FFFFL, any.insn() & 0xFFFF_FFFFL,
                    Disassembler.disassemble(any.insn(), any.pc()), effects(g), effects(r), i == n - 1));
        }
        return new DivergenceRecord(caseName, d.retireIndex(), d.pc() & 0xFFFF_FFFFL, insn & 0xFFFF_FFFFL,
                Disassembler.disassemble(insn, d.pc()), first.field(), first.rtl(), first.golden(), d.cycle(), window,
                d.vcd() == null ? null : excerpt(d.vcd(), d.cycle()));
    }

    private static String effects(RetireView v) {
        if (v == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (v.rdAddr() != 0) {
            sb.append(Disassembler.register(v.rdAddr())).append(String.format("=0x%x", v.rdWdata()));
        }
        if (v.memSize() != 0 && v.memWrite()) {
            sb.append(sb.length() > 0 ? " " : "").append(String.format("mem[0x%08x]=0x%x", v.memAddr(), v.memData()));
        }
        if (!v.note().isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(v.note());
        }
        return sb.toString();
    }

    /** The VCD's most telling signals; the harness dumps two time steps per RTL cycle. */
    private static WaveformExcerpt excerpt(Path vcd, long cycle) {
        Map<String, List<WaveformExcerpt.Change>> changes = new LinkedHashMap<>();
        Map<String, Integer> widths = new LinkedHashMap<>();
        long start = Long.MAX_VALUE;
        long end = 0;
        try (VcdReader r = VcdReader.open(vcd)) {
            List<VcdVariable> chosen = choose(r.variables());
            for (VcdVariable v : chosen) {
                changes.put(v.idCode(), new ArrayList<>());
                widths.put(v.idCode(), v.width());
            }
            Map<String, String> names = new LinkedHashMap<>();
            chosen.forEach(v -> names.put(v.idCode(), v.path()));
            while (r.next()) {
                start = Math.min(start, r.time());
                end = Math.max(end, r.time());
                List<WaveformExcerpt.Change> list = changes.get(r.idCode());
                if (list != null) {
                    list.add(new WaveformExcerpt.Change(r.time(), value(r.value(), widths.get(r.idCode()))));
                }
            }
            List<WaveformExcerpt.Signal> signals = new ArrayList<>();
            for (Map.Entry<String, List<WaveformExcerpt.Change>> e : changes.entrySet()) {
                signals.add(new WaveformExcerpt.Signal(names.get(e.getKey()), widths.get(e.getKey()), e.getValue()));
            }
            long marker = Math.min(Math.max(2 * cycle, start), end);
            return new WaveformExcerpt("half-cycle", start == Long.MAX_VALUE ? 0 : start, end, marker, signals);
        } catch (java.io.IOException | TandemException e) {
            return null;
        }
    }

    private static List<VcdVariable> choose(List<VcdVariable> all) {
        List<VcdVariable> chosen = new ArrayList<>();
        for (String key : INTERESTING) {
            for (VcdVariable v : all) {
                if (chosen.size() < MAX_SIGNALS && !chosen.contains(v) && v.name().toLowerCase(Locale.ROOT).contains(key)) {
                    chosen.add(v);
                }
            }
        }
        return chosen;
    }

    private static String value(String bits, int width) {
        if (width == 1 || bits.chars().anyMatch(c -> c != '0' && c != '1')) {
            return bits.length() == 1 ? bits : bits.toLowerCase(Locale.ROOT).contains("x") ? "x" : bits;
        }
        return Long.toHexString(Long.parseLong(bits, 2));
    }
}
