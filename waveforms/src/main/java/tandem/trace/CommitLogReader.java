package tandem.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;
import tandem.golden.TandemException;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.retire.RetireBuffer;

/**
 * Reads commit logs: Tandem text traces ({@link TextTraceWriter}, recognised by their header
 * line) and Spike's logs from {@code spike --log-commits}, optionally with {@code -l}.
 *
 * <p>Spike writes, per retired instruction (see riscv-isa-sim {@code riscv/execute.cc}):
 * <pre>
 * core   0: 3 0x80000000 (0x00000297) x5  0x80000000
 * core   0: 3 0x80000010 (0x00a5a023) mem 0x80001000 0x0000000a
 * core   0: 3 0x80000014 (0x0005a503) x10 0x0000000a mem 0x80001000
 * core   0: 3 0x80000018 (0x30529073) c773_mtvec 0x80000100
 * </pre>
 * privilege before the instruction, pc, instruction bits (16 bits for compressed), then
 * register writes {@code xN value}, CSR writes {@code cN_name value}, loads {@code mem addr} and
 * stores {@code mem addr value} (value as wide as the access). A trapping instruction gets no
 * line; with {@code -l} Spike adds {@code core   0: exception trap_illegal_instruction, epc 0x...}
 * (and {@code core   0:           tval 0x...}), which become trap (or, for
 * {@code interrupt #N}, interrupt) records, and a disassembly line before each instruction,
 * which supplies the trapping instruction's bits. Spike logs have no next pc, privilege after,
 * load data or physical address, so those fields are unknown; lines not starting with
 * {@code core} (program output) are skipped.
 *
 * <p>In a Tandem text trace every field but the order is known (lines carry no order number)
 * and every non-comment line must be a record;
 * anything unparseable is a {@link TandemException} naming the file and line.
 */
public final class CommitLogReader implements TraceSource {

    private static final Map<String, Integer> SPIKE_TRAPS = Map.ofEntries(
            Map.entry("trap_instruction_address_misaligned", 0),
            Map.entry("trap_instruction_access_fault", 1),
            Map.entry("trap_illegal_instruction", 2),
            Map.entry("trap_breakpoint", 3),
            Map.entry("trap_load_address_misaligned", 4),
            Map.entry("trap_load_access_fault", 5),
            Map.entry("trap_store_address_misaligned", 6),
            Map.entry("trap_store_access_fault", 7),
            Map.entry("trap_user_ecall", 8),
            Map.entry("trap_supervisor_ecall", 9),
            Map.entry("trap_virtual_supervisor_ecall", 10),
            Map.entry("trap_machine_ecall", 11),
            Map.entry("trap_instruction_page_fault", 12),
            Map.entry("trap_load_page_fault", 13),
            Map.entry("trap_store_page_fault", 15),
            Map.entry("trap_double_trap", 16),
            Map.entry("trap_software_check", 18),
            Map.entry("trap_instruction_guest_page_fault", 20),
            Map.entry("trap_load_guest_page_fault", 21),
            Map.entry("trap_virtual_instruction", 22),
            Map.entry("trap_store_guest_page_fault", 23));

    private final BufferedReader in;
    private final String name;
    private boolean tandem;
    private int lineNo;
    private String pushedBack;
    private long records;
    private int lastDisasmPc;
    private int lastDisasmInsn;
    private boolean haveDisasm;

    /** Reads from {@code in}; {@code name} names it in messages. */
    public CommitLogReader(BufferedReader in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    private String readLine() {
        if (pushedBack != null) {
            String l = pushedBack;
            pushedBack = null;
            lineNo++;
            return l;
        }
        try {
            String l = in.readLine();
            if (l != null) {
                lineNo++;
            }
            return l;
        } catch (IOException e) {
            throw new TandemException(name + ":" + (lineNo + 1) + ": read error: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean next(TraceRecord r) {
        while (true) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            if (lineNo == 1 && line.strip().equals(TextTraceWriter.HEADER)) {
                tandem = true;
                continue;
            }
            String s = line.strip();
            if (s.isEmpty() || (tandem && s.startsWith("#"))) {
                continue;
            }
            if (!s.startsWith("core")) {
                if (tandem) {
                    throw error("expected a record starting 'core N:', got '" + abbreviate(s) + "'");
                }
                continue;
            }
            int colon = s.indexOf(':');
            if (colon < 0) {
                throw error("expected 'core N:' at the start of '" + abbreviate(s) + "'");
            }
            String rest = s.substring(colon + 1).strip();
            if (rest.length() > 1 && Character.isDigit(rest.charAt(0)) && rest.charAt(1) == ' ') {
                commit(rest, r);
                return true;
            }
            if (!tandem) {
                if (rest.startsWith("0x")) {
                    disasmLine(rest);
                    continue;
                }
                if (rest.startsWith("exception ")) {
                    exception(rest, r);
                    return true;
                }
                if (rest.startsWith(">>>>") || rest.startsWith("Executed ") || rest.startsWith("trigger action")) {
                    continue;
                }
            }
            throw error("unrecognised line '" + abbreviate(s) + "'");
        }
    }

    private void commit(String rest, TraceRecord r) {
        String[] t = rest.split("\\s+");
        r.clear();
        r.where = name + ":" + lineNo;
        r.kind = RetireBuffer.KIND_RETIRE;
        r.order = records;
        r.privBefore = t[0].charAt(0) - '0';
        if (r.privBefore > 3 || r.privBefore == 2) {
            throw error("bad privilege '" + t[0] + "'");
        }
        if (t.length < 3 || !t[2].startsWith("(0x") || !t[2].endsWith(")")) {
            throw error("expected 'privilege pc (instruction)', got '" + abbreviate(rest) + "'");
        }
        r.pc = (int) hex(t[1]);
        r.insn = (int) hex(t[2].substring(1, t[2].length() - 1));
        r.known = tandem ? TraceRecord.ALL & ~TraceRecord.ORDER
                : TraceRecord.PC | TraceRecord.INSN | TraceRecord.PRIV | TraceRecord.RD | TraceRecord.CSR | TraceRecord.MEM;
        r.privAfter = r.privBefore;
        r.nextPc = r.pc + r.insnLength();
        boolean sawPaddr = false;
        int i = 3;
        while (i < t.length && !isEffect(t[i])) {
            i++;
        }
        while (i < t.length) {
            String k = t[i];
            if (k.equals("mem")) {
                int addr = (int) hex(value(t, i + 1, k));
                i += 2;
                if (i < t.length && t[i].startsWith("0x")) {
                    r.memFlags |= RetireBuffer.MEM_WRITE;
                    r.memWdata = (int) hex(t[i]);
                    r.memWidth = width(t[i]);
                    r.known |= TraceRecord.MEM_WDATA | TraceRecord.MEM_WIDTH;
                    i++;
                } else if (i + 1 < t.length && t[i].equals("rdata")) {
                    r.memFlags |= RetireBuffer.MEM_READ;
                    r.memRdata = (int) hex(t[i + 1]);
                    r.memWidth = width(t[i + 1]);
                    r.known |= TraceRecord.MEM_RDATA | TraceRecord.MEM_WIDTH;
                    i += 2;
                } else {
                    r.memFlags |= RetireBuffer.MEM_READ;
                    if (tandem) {
                        throw error("load at 0x" + Integer.toHexString(addr) + " without 'rdata value'");
                    }
                }
                r.memVaddr = addr;
                if (!sawPaddr) {
                    r.memPaddr = addr;
                }
            } else if (k.equals("pa")) {
                r.memPaddr = (int) hex(value(t, i + 1, k));
                sawPaddr = true;
                i += 2;
            } else if (k.equals("trap") || k.equals("interrupt")) {
                r.kind = k.equals("trap") ? RetireBuffer.KIND_TRAP : RetireBuffer.KIND_INTERRUPT;
                r.cause = (int) hex(value(t, i + 1, k));
                if (!"tval".equals(value(t, i + 2, k))) {
                    throw error("expected 'tval' after '" + k + " " + t[i + 1] + "'");
                }
                r.tval = (int) hex(value(t, i + 3, "tval"));
                i += 4;
                if (i < t.length && t[i].equals("mmu")) {
                    String failure = value(t, i + 1, "mmu");
                    try {
                        r.mmuFailure = TranslationFailure.valueOf(failure).ordinal() + 1;
                    } catch (IllegalArgumentException e) {
                        throw error("unknown MMU failure '" + failure + "'");
                    }
                    i += 2;
                }
            } else if (k.equals("->")) {
                String p = value(t, i + 1, k);
                if (!p.equals("0") && !p.equals("1") && !p.equals("3")) {
                    throw error("bad privilege '" + p + "' after '->'");
                }
                r.privAfter = p.charAt(0) - '0';
                r.nextPc = (int) hex(value(t, i + 2, k));
                i += 3;
            } else if (k.charAt(0) == 'x') {
                int n = register(k);
                long v = hex(value(t, i + 1, k));
                if (n != 0) {
                    r.rdAddr = n;
                    r.rdWdata = (int) v;
                }
                i += 2;
            } else if (k.charAt(0) == 'c' && k.indexOf('_') > 1) {
                int csr;
                try {
                    csr = Integer.parseInt(k.substring(1, k.indexOf('_')));
                } catch (NumberFormatException e) {
                    throw error("bad CSR write '" + k + "'");
                }
                if (csr < 0 || csr > 0xFFF) {
                    throw error("bad CSR number in '" + k + "'");
                }
                r.addCsr(csr, (int) hex(value(t, i + 1, k)));
                i += 2;
            } else if (!tandem && (k.charAt(0) == 'f' || k.charAt(0) == 'v') && k.length() > 1
                    && Character.isDigit(k.charAt(1))) {
                i += 2;
            } else {
                throw error("unexpected '" + k + "'");
            }
        }
        records++;
    }

    /**
     * Whether a token starts the effects part of a line (the disassembly before it is skipped).
     * Spike's f and v register writes only count in Spike logs: a jump target such as
     * {@code f0001000} in a Tandem line's disassembly is not one.
     */
    private boolean isEffect(String t) {
        if (t.equals("mem") || t.equals("trap") || t.equals("interrupt") || t.equals("->") || t.equals("pa")) {
            return true;
        }
        char c = t.isEmpty() ? ' ' : t.charAt(0);
        if (t.length() >= 2 && (c == 'x' || (!tandem && (c == 'f' || c == 'v')))) {
            for (int i = 1; i < t.length(); i++) {
                if (!Character.isDigit(t.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        return t.length() > 2 && t.charAt(0) == 'c' && Character.isDigit(t.charAt(1)) && t.indexOf('_') > 1;
    }

    private int register(String k) {
        try {
            int n = Integer.parseInt(k.substring(1));
            if (n >= 0 && n < 32) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("bad register '" + k + "'");
    }

    private String value(String[] t, int i, String after) {
        if (i >= t.length) {
            throw error("missing value after '" + after + "'");
        }
        return t[i];
    }

    private int width(String hexValue) {
        int digits = hexValue.length() - 2;
        if (digits != 2 && digits != 4 && digits != 8) {
            throw error("memory value '" + hexValue + "' is not 1, 2 or 4 bytes wide");
        }
        return digits / 2;
    }

    private long hex(String s) {
        if (!s.startsWith("0x") || s.length() < 3 || s.length() > 18) {
            throw error("expected a hex number, got '" + s + "'");
        }
        try {
            return Long.parseUnsignedLong(s.substring(2), 16);
        } catch (NumberFormatException e) {
            throw error("expected a hex number, got '" + s + "'");
        }
    }

    /** Spike's {@code -l} line {@code 0x80000000 (0x00000297) auipc t0, 0x0}: remembered for a trap. */
    private void disasmLine(String rest) {
        String[] t = rest.split("\\s+");
        if (t.length >= 2 && t[1].startsWith("(0x") && t[1].endsWith(")")) {
            lastDisasmPc = (int) hex(t[0]);
            lastDisasmInsn = (int) hex(t[1].substring(1, t[1].length() - 1));
            haveDisasm = true;
        }
    }

    /** Spike's {@code exception trap_machine_ecall, epc 0x...} and its optional {@code tval} line. */
    private void exception(String rest, TraceRecord r) {
        int comma = rest.indexOf(", epc ");
        if (comma < 0) {
            throw error("expected 'exception NAME, epc ADDRESS', got '" + abbreviate(rest) + "'");
        }
        String trap = rest.substring("exception ".length(), comma).strip();
        r.clear();
        r.where = name + ":" + lineNo;
        r.order = records;
        r.pc = (int) hex(rest.substring(comma + ", epc ".length()).strip());
        r.known = TraceRecord.PC | TraceRecord.CAUSE | TraceRecord.TVAL;
        if (trap.startsWith("interrupt #")) {
            r.kind = RetireBuffer.KIND_INTERRUPT;
            r.cause = 0x80000000 | number(trap.substring("interrupt #".length()));
        } else {
            r.kind = RetireBuffer.KIND_TRAP;
            Integer cause = trap.startsWith("trap #") ? Integer.valueOf(number(trap.substring(6))) : SPIKE_TRAPS.get(trap);
            if (cause == null) {
                throw error("unknown Spike trap '" + trap + "'");
            }
            r.cause = cause;
            if (haveDisasm && lastDisasmPc == r.pc) {
                r.insn = lastDisasmInsn;
                r.known |= TraceRecord.INSN;
            }
        }
        int at = lineNo;
        String next = readLine();
        if (next != null) {
            String n = next.strip();
            int colon = n.indexOf(':');
            String tail = colon < 0 ? "" : n.substring(colon + 1).strip();
            if (n.startsWith("core") && tail.startsWith("tval ")) {
                r.tval = (int) hex(tail.substring(5).strip());
            } else {
                pushedBack = next;
                lineNo--;
            }
        }
        r.where = name + ":" + at;
        records++;
    }

    private int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw error("bad trap number '" + s + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private TandemException error(String message) {
        return new TandemException(name + ":" + lineNo + ": " + message);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new TandemException(name + ": close failed: " + e.getMessage(), e);
        }
    }
}
