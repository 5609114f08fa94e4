package tandem.features.mmu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import tandem.features.glue.ParameterTypes;
import tandem.features.machine.SpecMachine;
import tandem.golden.TandemException;
import tandem.golden.csr.Mstatus;
import tandem.golden.mmu.Access;
import tandem.golden.mmu.Pte;
import tandem.golden.mmu.Sv32Walker;
import tandem.golden.mmu.TranslationFailure;
import tandem.golden.mmu.Walk;

/**
 * Steps that build Sv32 page tables from data tables, set satp and the mstatus bits that
 * change translation, and ask the golden model's walker directly how an address translates.
 */
public final class PageTableSteps {
    private final SpecMachine world;

    /** Steps acting on the scenario's machine. */
    public PageTableSteps(SpecMachine world) {
        this.world = world;
    }

    /**
     * A table with columns {@code va}, {@code pa}, {@code flags} and optionally {@code size}
     * ({@code 4K}, the default, or {@code 4M} for a megapage).
     */
    @Given("the page table at {hex} maps:")
    public void pageTableMaps(long root, DataTable table) {
        List<PageTable.Mapping> rows = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            String size = row.getOrDefault("size", "4K");
            if (size == null || size.isBlank()) {
                size = "4K";
            }
            if (!size.equals("4K") && !size.equals("4M")) {
                throw new TandemException("bad page size '" + size + "' (use 4K or 4M)");
            }
            rows.add(new PageTable.Mapping(ParameterTypes.number(required(row, "va")),
                    ParameterTypes.number(required(row, "pa")), PageTable.parseFlags(required(row, "flags")),
                    size.equals("4M")));
        }
        world.addPageTable(root, rows);
    }

    private static String required(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null) {
            throw new TandemException("page table row " + row + " has no '" + column + "' column (columns: va, pa, flags, size)");
        }
        return v;
    }

    @Given("satp points to the page table at {hex}")
    public void satpPointsTo(long root) {
        world.setSatp(world.pageTable(root).satp(0));
    }

    @Given("satp points to the page table at {hex} with ASID {int}")
    public void satpPointsToWithAsid(long root, int asid) {
        world.setSatp(world.pageTable(root).satp(asid));
    }

    @Given("satp is {hex}")
    public void satpIs(long value) {
        world.setSatp((int) value);
    }

    @Given("mstatus.{word} is {int}")
    public void mstatusBit(String bit, int value) {
        if (value != 0 && value != 1) {
            throw new TandemException("mstatus." + bit + " is one bit: use 0 or 1");
        }
        world.setMstatusBit(SpecMachine.mstatusBit(bit), value == 1);
    }

    @Given("exceptions are not delegated to supervisor mode")
    public void noDelegation() {
        world.setMedeleg(0);
    }

    @Then("a {access} of {hex} in {mode} mode translates to {hex}")
    public void translatesTo(Access access, long va, int mode, long pa) {
        Walk w = walk(access, va, mode);
        if (!w.ok()) {
            throw new AssertionError(String.format("%s of 0x%08x in %s mode fails: %s",
                    access.name().toLowerCase(), va, ParameterTypes.privilegeName(mode), w.failure.description()));
        }
        if (w.physical != pa) {
            throw new AssertionError(String.format("0x%08x translates to 0x%08x, expected 0x%08x", va, w.physical, pa));
        }
    }

    @Then("a {access} of {hex} in {mode} mode fails with {string}")
    public void failsWith(Access access, long va, int mode, String reason) {
        TranslationFailure expected = failure(reason);
        Walk w = walk(access, va, mode);
        if (w.ok()) {
            throw new AssertionError(String.format("0x%08x translates to 0x%08x, expected the walk to fail with \"%s\"",
                    va, w.physical, reason));
        }
        if (w.failure != expected) {
            throw new AssertionError(String.format("the walk of 0x%08x fails with \"%s\", expected \"%s\"",
                    va, name(w.failure), reason));
        }
    }

    @Then("a {access} of {hex} in {mode} mode raises cause {int}")
    public void raisesCause(Access access, long va, int mode, int cause) {
        Walk w = walk(access, va, mode);
        if (w.ok()) {
            throw new AssertionError(String.format("0x%08x translates to 0x%08x, expected cause %d", va, w.physical, cause));
        }
        int actual = Sv32Walker.cause(w.failure, access).code();
        if (actual != cause) {
            throw new AssertionError(String.format("the walk of 0x%08x fails with \"%s\", cause %d, expected cause %d",
                    va, name(w.failure), actual, cause));
        }
    }

    @Then("the PTE for {hex} in the page table at {hex} has flags {string}")
    public void pteFlags(long va, long root, String flags) {
        int expected = PageTable.parseFlags(flags);
        Walk w = new Walk();
        int bits = world.mstatusBits();
        world.hart().walker().translate(world.pageTable(root).satp(0), (int) va, Access.LOAD, 1,
                true, (bits & Mstatus.MXR) != 0, w);
        int actual = w.leaf() & 0x3FF;
        if (w.level < 0 || actual != expected) {
            throw new AssertionError(String.format("the PTE for 0x%08x has flags %s, expected %s",
                    va, Pte.flags(actual) + ((actual & Pte.RSW0) != 0 ? "S" : "-"),
                    Pte.flags(expected) + ((expected & Pte.RSW0) != 0 ? "S" : "-")));
        }
    }

    private Walk walk(Access access, long va, int mode) {
        Walk w = new Walk();
        int bits = world.mstatusBits();
        world.hart().walker().translate(world.satp(), (int) va, access, mode,
                (bits & Mstatus.SUM) != 0, (bits & Mstatus.MXR) != 0, w);
        return w;
    }

    /** A failure by its name in words: {@code "not writable"} for {@link TranslationFailure#NOT_WRITABLE}. */
    static TranslationFailure failure(String words) {
        for (TranslationFailure f : TranslationFailure.values()) {
            if (name(f).equals(words)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (TranslationFailure f : TranslationFailure.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(name(f));
        }
        throw new TandemException("unknown translation failure \"" + words + "\" (one of: " + known + ")");
    }

    static String name(TranslationFailure f) {
        return f.name().toLowerCase().replace('_', ' ');
    }
}
