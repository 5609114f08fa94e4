package tandem.features.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tandem.features.glue.ParameterTypes;
import tandem.features.glue.StepLocation;
import tandem.features.mmu.PageTable;
import tandem.golden.TandemException;
import tandem.golden.bus.Bus;
import tandem.golden.csr.Mstatus;
import tandem.golden.elf.ElfImage;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.mmu.Pte;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.Region;
import tandem.golden.retire.RetireBuffer;
import tandem.golden.trap.Cause;

/**
 * A machine-level scenario's world: the platform, the page tables, the programs, the CSR
 * settings and registers a spec gives, and what happened when the hart ran.
 *
 * <p>A run starts from reset like real hardware: a generated M-mode {@link Prelude} at the
 * start of RAM sets the trap vectors, delegation, satp, mstatus and registers, then
 * {@code mret}s into the scenario's mode at the program's entry. The same image therefore runs
 * unchanged on the RTL in lockstep. The golden run stops right after the first trap, at the
 * {@code nop} that starts each harness handler; a lockstep run goes on to the test finisher.
 * The harness page is identity-mapped as a supervisor page in every table so a trap delegated
 * to S-mode can run its handler.
 */
public final class SpecMachine {
    /** Instructions a run may take before the scenario fails for never trapping. */
    public static final long DEFAULT_BUDGET = 10_000;
    /** Exceptions delegated to S-mode by default: every one that can be, as Xous's loader does. */
    public static final int DELEGATE_ALL = 0xB3FF;

    private String platformName = "virt";
    private Machine machine;
    private final List<PageTable> tables = new ArrayList<>();
    private final List<Program> programs = new ArrayList<>();
    private final Map<Integer, Integer> registers = new LinkedHashMap<>();
    private final List<long[]> touched = new ArrayList<>();
    private final List<MemoryImage> initialImage = new ArrayList<>();
    private int satp;
    private int mstatusBits;
    private int medeleg = DELEGATE_ALL;
    private long budget = DEFAULT_BUDGET;
    private TrapRecord trap;

    /**
     * Bytes the scenario placed in physical memory before the run: the harness, page tables,
     * programs and data words. Replayed into a fresh machine (and the RTL) for lockstep.
     *
     * @param address physical address
     * @param data the bytes at the start of the run
     */
    public record MemoryImage(long address, byte[] data) {
    }

    /** A program a spec placed at a virtual (or, unmapped, physical) address. */
    record Program(long address, ElfImage image) {
    }

    /**
     * The first trap of a run, as the retire stream recorded it.
     *
     * @param cause xcause
     * @param tval xtval
     * @param pc the trapping instruction's pc
     * @param privBefore privilege the instruction ran at
     * @param privAfter privilege the trap was taken in (S when delegated, else M)
     */
    public record TrapRecord(int cause, int tval, int pc, int privBefore, int privAfter) {
        /** The cause as the golden model names it. */
        public String describe() {
            Cause c = Cause.ofXcause(cause);
            String name = c == null ? "cause " + cause : c.description();
            return String.format("%s (cause %d) at pc 0x%08x, tval 0x%08x, taken in %s mode", name, cause & 0x7FFF_FFFF,
                    pc, tval, ParameterTypes.privilegeName(privAfter));
        }
    }

    /** Chooses the platform; a name the golden model does not know is a user error. */
    public void usePlatform(String name) {
        if (machine != null) {
            throw new TandemException("the platform must be chosen before anything is placed in memory");
        }
        Platform.named(name);
        platformName = name;
    }

    /** The machine, created on first use. */
    public Machine machine() {
        if (machine == null) {
            machine = Machine.create(Platform.named(platformName), Profile.VEXRISCV);
            machine.setWarnings(w -> { });
        }
        return machine;
    }

    /** The hart. */
    public Hart hart() {
        return machine().hart();
    }

    /** The physical bus. */
    public Bus bus() {
        return machine().bus();
    }

    /** Start of the first RAM region: the prelude and the trap handler live in its first page. */
    public long harnessBase() {
        for (Region r : machine().platform().regions()) {
            if (r.writable()) {
                return r.base();
            }
        }
        throw new TandemException("platform " + platformName + " has no RAM for the spec harness");
    }

    /** Adds a page table (with the harness page mapped) and writes it to memory. */
    public PageTable addPageTable(long root, List<PageTable.Mapping> rows) {
        PageTable t = new PageTable(root);
        long harness = harnessBase();
        if (root < harness + 0x1000 && harness < root + 0x1000) {
            throw new TandemException(String.format("page table at 0x%08x overlaps the spec harness page 0x%08x", root, harness));
        }
        for (PageTable.Mapping m : rows) {
            if (m.covers(harness)) {
                throw new TandemException(String.format(
                        "virtual address 0x%08x is reserved: the spec harness's trap handler is identity-mapped there", harness));
            }
            t.add(m);
        }
        t.add(new PageTable.Mapping(harness, harness, Pte.V | Pte.R | Pte.W | Pte.X | Pte.A | Pte.D, false));
        t.writeTo(bus());
        touched.add(new long[] {root, (long) t.pages() * 0x1000});
        tables.add(t);
        return t;
    }

    /** The page table whose root is at {@code root}; a spec naming another is a user error. */
    public PageTable pageTable(long root) {
        for (PageTable t : tables) {
            if (t.root() == root) {
                return t;
            }
        }
        throw new TandemException(String.format("no page table at 0x%08x was given", root));
    }

    /** Sets satp for the run. */
    public void setSatp(int value) {
        satp = value;
    }

    /** satp the run starts with. */
    public int satp() {
        return satp;
    }

    /** Sets or clears mstatus bits (SUM, MXR, MPRV) for the run. */
    public void setMstatusBit(int bit, boolean on) {
        mstatusBits = on ? mstatusBits | bit : mstatusBits & ~bit;
    }

    /** The mstatus bits the spec set. */
    public int mstatusBits() {
        return mstatusBits;
    }

    /** Sets medeleg for the run. */
    public void setMedeleg(int value) {
        medeleg = value;
    }

    /** Sets the instruction budget for the run. */
    public void setBudget(long instructions) {
        budget = instructions;
    }

    /** Sets register {@code index} before the run. */
    public void setRegister(int index, int value) {
        if (index == 0) {
            throw new TandemException("x0 is always zero");
        }
        registers.put(index, value);
    }

    /** Writes a word of physical memory now. */
    public void storeWord(long pa, int value) {
        try {
            bus().store(pa, value, 4);
        } catch (RuntimeException e) {
            throw new TandemException(String.format("physical address 0x%08x is not writable memory", pa));
        }
        touched.add(new long[] {pa, 4});
    }

    /** Reads a word of physical memory. */
    public int loadWord(long pa) {
        try {
            return bus().load(pa, 4);
        } catch (RuntimeException e) {
            throw new TandemException(String.format("physical address 0x%08x is not memory", pa));
        }
    }

    /** Assembles {@code source} at {@code address} and copies it to the physical pages behind it. */
    public void addProgram(long address, String source, StepLocation where) {
        ElfImage image = GuestAssembler.assemble(source, address, where);
        place(image, where == null ? "spec program" : where.toString());
        programs.add(new Program(address, image));
    }

    private void place(ElfImage image, String what) {
        for (ElfImage.Segment s : image.segments()) {
            byte[] data = s.data();
            for (int off = 0; off < data.length; ) {
                long va = s.address() + off;
                int chunk = (int) Math.min(data.length - off, 0x1000 - (va & 0xFFF));
                long pa = physicalOf(va);
                byte[] part = java.util.Arrays.copyOfRange(data, off, off + chunk);
                machine().poke(pa, part, what);
                touched.add(new long[] {pa, chunk});
                off += chunk;
            }
        }
    }

    /** The physical address behind {@code va}: through the first table mapping it, else {@code va} itself. */
    public long physicalOf(long va) {
        for (PageTable t : tables) {
            PageTable.Mapping m = t.find(va);
            if (m != null) {
                return m.pa() + (va - m.va());
            }
        }
        return va;
    }

    /** The address of label {@code name} in one of the programs. */
    public int label(String name) {
        for (Program p : programs) {
            Integer a = p.image().symbols().get(name);
            if (a != null) {
                return a;
            }
        }
        throw new TandemException("no label '" + name + "' in the scenario's programs");
    }

    /** Entry of the first program. */
    public long firstProgram() {
        if (programs.isEmpty()) {
            throw new TandemException("no program was given to run");
        }
        return programs.get(0).address();
    }

    /**
     * Runs from reset: the prelude enters {@code mode} at {@code entry}; the hart then runs
     * until its first trap or until the budget runs out (a scenario failure).
     */
    public void runUntilTrap(int mode, long entry) {
        long harness = harnessBase();
        String prelude = Prelude.source(harness, (int) entry, mode, satp, mstatusBits, medeleg, registers,
                machine().device("finisher", tandem.golden.bus.BusDevice.class).isPresent());
        place(GuestAssembler.assemble(prelude, harness, null), "spec harness");
        for (long[] r : touched) {
            byte[] data = new byte[(int) r[1]];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) bus().load(r[0] + i, 1);
            }
            initialImage.add(new MemoryImage(r[0], data));
        }
        Hart h = hart();
        h.setPc((int) harness);
        h.setPrivilege(Hart.M);
        h.addRetireListener((b, from, count) -> {
            for (int i = from; i < from + count && trap == null; i++) {
                if (b.kind(i) == RetireBuffer.KIND_TRAP) {
                    trap = new TrapRecord(b.cause(i), b.tval(i), b.pc(i), b.privBefore(i), b.privAfter(i));
                }
            }
        });
        long limit = budget + Prelude.MAX_INSTRUCTIONS;
        for (long executed = 0; trap == null && executed < limit; executed++) {
            h.step();
        }
        if (trap == null) {
            throw new AssertionError(String.format(
                    "no trap within the budget of %d instructions: the hart is at pc 0x%08x in %s mode",
                    budget, h.pc(), ParameterTypes.privilegeName(h.privilege())));
        }
    }

    /** What physical memory held at the start of the run, region by region (for lockstep replay). */
    public List<MemoryImage> initialImage() {
        return List.copyOf(initialImage);
    }

    /** The platform's reset pc, where the harness prelude starts. */
    public long startPc() {
        return harnessBase();
    }

    /** The first trap of the run; asking before a run is a spec error. */
    public TrapRecord trap() {
        if (trap == null) {
            throw new TandemException("the hart has not run yet: add a step such as 'When the hart runs in \"user\" mode until a trap'");
        }
        return trap;
    }

    /** The platform's name. */
    public String platformName() {
        return platformName;
    }

    /** The mstatus bit named {@code name}: SUM, MXR or MPRV. */
    public static int mstatusBit(String name) {
        switch (name) {
            case "SUM": return Mstatus.SUM;
            case "MXR": return Mstatus.MXR;
            case "MPRV": return Mstatus.MPRV;
            default: throw new TandemException("unknown mstatus bit '" + name + "' (use SUM, MXR or MPRV)");
        }
    }
}
