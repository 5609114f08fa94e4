package tandem.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tandem.golden.TandemException;
import tandem.golden.isa.Disassembler;
import tandem.golden.retire.RetireBuffer;

/**
 * Reads an RVFI dump: one retired instruction per line, as whitespace-separated
 * {@code key=value} pairs named after the riscv-formal RVFI signals, for example
 *
 * <pre>
 * order=0 pc_rdata=0x80000000 pc_wdata=0x80000004 insn=0x00000297 mode=3 rd_addr=5 rd_wdata=0x80000000
 * order=1 pc_rdata=0x80000004 pc_wdata=0x80000008 insn=0x0002a303 mode=3 rd_addr=6 rd_wdata=0x12 mem_addr=0x80001000 mem_rmask=0xf mem_rdata=0x12
 * order=2 pc_rdata=0x80000008 pc_wdata=0x8000000c insn=0x30529073 mode=3 csr_mtvec_wmask=0xffffffff csr_mtvec_wdata=0x80000100
 * </pre>
 *
 * <ul>
 * <li>Keys may carry the {@code rvfi_} prefix. Values are hex with {@code 0x} or decimal.
 *     Blank lines and lines starting with {@code #} are skipped; a line with {@code valid=0} is
 *     skipped.</li>
 * <li>Read: {@code order}, {@code pc_rdata}, {@code pc_wdata}, {@code insn}, {@code mode}
 *     (privilege), {@code rd_addr}, {@code rd_wdata}, {@code mem_addr}, {@code mem_rmask},
 *     {@code mem_wmask}, {@code mem_rdata}, {@code mem_wdata}, {@code trap}, and per CSR
 *     {@code csr_<name>_wmask}/{@code csr_<name>_wdata} (name as objdump spells it, or the
 *     number as {@code 0x300}); a CSR write is recorded when its wmask is not zero.</li>
 * <li>Accepted and not compared: {@code valid}, {@code halt}, {@code intr}, {@code ixl},
 *     {@code rs1_addr}, {@code rs2_addr}, {@code rs1_rdata}, {@code rs2_rdata},
 *     {@code csr_<name>_rmask}/{@code _rdata}, {@code mem_fault}, {@code mem_extamo}.</li>
 * <li>Tandem additions: {@code kind=retire|trap|interrupt}, {@code cause}, {@code tval},
 *     {@code mmu_failure} (the golden model's {@code TranslationFailure} ordinal + 1),
 *     {@code mode_after}, {@code mem_paddr}; {@link RvfiDumpWriter} writes them.</li>
 * </ul>
 * Memory masks are byte lanes relative to {@code mem_addr}: the access starts at the lowest set
 * lane, is as wide as the number of lanes, and its data is shifted down accordingly (so both
 * aligned-word and exact-address conventions read the same). {@code trap=1} makes a trap record
 * whose cause is unknown unless given. Only the fields present on a line are compared.
 * Any other key, or a malformed value, is a {@link TandemException} naming file and line.
 */
public final class RvfiDumpReader implements TraceSource {

    private static final Set<String> IGNORED = Set.of("valid", "halt", "intr", "ixl", "rs1_addr", "rs2_addr",
            "rs1_rdata", "rs2_rdata", "mem_fault", "mem_extamo", "mem_fault_rmask", "mem_fault_wmask");
    private static final Map<String, Integer> CSR_BY_NAME = csrByName();

    private final BufferedReader in;
    private final String name;
    private int lineNo;
    private long records;
    private final Map<String, String> fields = new LinkedHashMap<>();

    /** Reads from {@code in}; {@code name} names it in messages. */
    public RvfiDumpReader(BufferedReader in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean next(TraceRecord r) {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new TandemException(name + ":" + (lineNo + 1) + ": read error: " + e.getMessage(), e);
            }
            if (line == null) {
                return false;
            }
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            parseFields(s);
            if (fields.containsKey("valid") && number("valid") == 0) {
                continue;
            }
            fill(r);
            records++;
            return true;
        }
    }

    private void parseFields(String s) {
        fields.clear();
        for (String pair : s.split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw error("expected key=value, got '" + pair + "'");
            }
            String key = pair.substring(0, eq);
            if (key.startsWith("rvfi_")) {
                key = key.substring(5);
            }
            if (fields.put(key, pair.substring(eq + 1)) != null) {
                throw error("key '" + key + "' given twice");
            }
        }
    }

    private void fill(TraceRecord r) {
        r.clear();
        r.where = name + ":" + lineNo;
        int known = 0;
        r.order = records;
        int wmaskMem = 0;
        int rmaskMem = 0;
        long memAddr = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            String k = e.getKey();
            switch (k) {
                case "order" -> {
                    r.order = number(k);
                    known |= TraceRecord.ORDER;
                }
                case "pc_rdata" -> {
                    r.pc = (int) number(k);
                    known |= TraceRecord.PC;
                }
                case "pc_wdata" -> {
                    r.nextPc = (int) number(k);
                    known |= TraceRecord.NEXT_PC;
                }
                case "insn" -> {
                    r.insn = (int) number(k);
                    if ((r.insn & 3) != 3) {
                        r.insn &= 0xFFFF;
                    }
                    known |= TraceRecord.INSN;
                }
                case "mode" -> {
                    r.privBefore = privilege(k);
                    known |= TraceRecord.PRIV;
                }
                case "mode_after" -> {
                    r.privAfter = privilege(k);
                    known |= TraceRecord.PRIV_AFTER;
                }
                case "rd_addr" -> {
                    long n = number(k);
                    if (n < 0 || n > 31) {
                        throw error("rd_addr " + n + " is not a register");
                    }
                    r.rdAddr = (int) n;
                    known |= TraceRecord.RD;
                }
                case "rd_wdata" -> r.rdWdata = (int) number(k);
                case "mem_addr" -> memAddr = number(k);
                case "mem_paddr" -> {
                    r.memPaddr = (int) number(k);
                    known |= TraceRecord.MEM_PADDR;
                }
                case "mem_rmask" -> {
                    rmaskMem = mask(k);
                    known |= TraceRecord.MEM;
                }
                case "mem_wmask" -> {
                    wmaskMem = mask(k);
                    known |= TraceRecord.MEM;
                }
                case "mem_rdata", "mem_wdata" -> number(k);
                case "trap" -> {
                    if (number(k) != 0) {
                        r.kind = RetireBuffer.KIND_TRAP;
                    }
                }
                case "kind" -> r.kind = switch (e.getValue()) {
                    case "retire" -> RetireBuffer.KIND_RETIRE;
                    case "trap" -> RetireBuffer.KIND_TRAP;
                    case "interrupt" -> RetireBuffer.KIND_INTERRUPT;
                    default -> throw error("kind must be retire, trap or interrupt, got '" + e.getValue() + "'");
                };
                case "cause" -> {
                    r.cause = (int) number(k);
                    known |= TraceRecord.CAUSE;
                }
                case "tval" -> {
                    r.tval = (int) number(k);
                    known |= TraceRecord.TVAL;
                }
                case "mmu_failure" -> {
                    r.mmuFailure = (int) number(k);
                    known |= TraceRecord.MMU_FAILURE;
                }
                default -> {
                    if (k.startsWith("csr_")) {
                        known |= TraceRecord.CSR;
                        csrField(k, r);
                    } else if (!IGNORED.contains(k)) {
                        throw error("unknown key '" + k + "'");
                    }
                }
            }
        }
        if ((known & TraceRecord.RD) != 0 && r.rdAddr != 0) {
            r.rdWdata = fields.containsKey("rd_wdata") ? (int) number("rd_wdata") : 0;
        } else {
            r.rdWdata = 0;
        }
        if ((known & TraceRecord.PRIV_AFTER) == 0) {
            r.privAfter = r.privBefore;
        }
        if (rmaskMem != 0 || wmaskMem != 0) {
            int lanes = rmaskMem | wmaskMem;
            int low = Integer.numberOfTrailingZeros(lanes);
            int width = Integer.bitCount(lanes);
            if (width != 1 && width != 2 && width != 4 || (lanes >>> low) != (1 << width) - 1) {
                throw error("memory masks rmask=" + rmaskMem + " wmask=" + wmaskMem + " are not 1, 2 or 4 adjacent bytes");
            }
            r.memWidth = width;
            r.memVaddr = (int) (memAddr + low);
            if ((known & TraceRecord.MEM_PADDR) == 0) {
                r.memPaddr = r.memVaddr;
            }
            long widthMask = width == 4 ? 0xFFFFFFFFL : (1L << (8 * width)) - 1;
            known |= TraceRecord.MEM_WIDTH;
            if (rmaskMem != 0) {
                r.memFlags |= RetireBuffer.MEM_READ;
                r.memRdata = (int) ((number("mem_rdata") >>> (8 * low)) & widthMask);
                known |= TraceRecord.MEM_RDATA;
            }
            if (wmaskMem != 0) {
                r.memFlags |= RetireBuffer.MEM_WRITE;
                r.memWdata = (int) ((number("mem_wdata") >>> (8 * low)) & widthMask);
                known |= TraceRecord.MEM_WDATA;
            }
        }
        if (r.kind != RetireBuffer.KIND_RETIRE && (known & TraceRecord.NEXT_PC) == 0) {
            r.nextPc = r.pc;
        } else if ((known & TraceRecord.NEXT_PC) == 0) {
            r.nextPc = r.pc + r.insnLength();
        }
        r.known = known;
    }

    private void csrField(String key, TraceRecord r) {
        String body = key.substring(4);
        if (!body.endsWith("_wdata") && !body.endsWith("_wmask") && !body.endsWith("_rdata") && !body.endsWith("_rmask")) {
            throw error("unknown key '" + key + "': CSR keys end in _wmask, _wdata, _rmask or _rdata");
        }
        String csrName = body.substring(0, body.length() - 6);
        Integer addr = CSR_BY_NAME.get(csrName);
        if (addr == null && csrName.startsWith("0x")) {
            try {
                addr = Integer.parseInt(csrName.substring(2), 16);
            } catch (NumberFormatException e) {
                addr = null;
            }
        }
        if (addr == null || addr < 0 || addr > 0xFFF) {
            throw error("unknown CSR '" + csrName + "' in '" + key + "'");
        }
        if (body.endsWith("_wmask") && number(key) != 0) {
            String wdata = "csr_" + csrName + "_wdata";
            if (!fields.containsKey(wdata)) {
                throw error(key + " without " + wdata);
            }
            r.addCsr(addr, (int) number(wdata));
        } else {
            number(key);
        }
    }

    private int mask(String k) {
        long m = number(k);
        if (m < 0 || m > 0xF) {
            throw error(k + "=" + fields.get(k) + " is not a 4-bit byte mask");
        }
        return (int) m;
    }

    private int privilege(String k) {
        long m = number(k);
        if (m != 0 && m != 1 && m != 3) {
            throw error(k + "=" + m + " is not a privilege (0, 1 or 3)");
        }
        return (int) m;
    }

    private long number(String k) {
        String v = fields.get(k);
        if (v == null) {
            throw error("missing " + k);
        }
        try {
            long n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
            return n;
        } catch (NumberFormatException e) {
            throw error("bad value " + k + "=" + v);
        }
    }

    private static Map<String, Integer> csrByName() {
        Map<String, Integer> m = new HashMap<>();
        for (int a = 0; a < 4096; a++) {
            String n = Disassembler.csrName(a);
            if (n != null) {
                m.put(n, a);
            }
        }
        return m;
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
