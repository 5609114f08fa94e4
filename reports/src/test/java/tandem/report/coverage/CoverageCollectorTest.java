package tandem.report.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tandem.golden.bus.Bus;
import tandem.golden.bus.Ram;
import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.report.model.Coverage;
import tandem.report.model.CoverageDimension;
import tandem.report.model.CoverageUniverse;

class CoverageCollectorTest {

    private static final long RAM = 0x8000_0000L;

    private static Hart hart(int... parcels) {
        Bus bus = new Bus();
        Ram ram = new Ram("ram", 1 << 20, true);
        bus.map(RAM, ram);
        long at = RAM;
        for (int p : parcels) {
            int len = (p & 3) == 3 ? 4 : 2;
            bus.store(at, p, len);
            at += len;
        }
        bus.store(RAM + 0x100, 0x0000006F, 4);   // trap handler: j .
        Hart h = new Hart(Profile.VEXRISCV, bus);
        h.csrs().write(Csrs.MTVEC, (int) (RAM + 0x100));
        h.setPc((int) RAM);
        return h;
    }

    @Test
    void countsInstructionsCsrsCausesAndPrivilegeChanges() {
        Hart h = hart(0x30002573,   // csrr a0, mstatus  (csrrs: reads)
                0x34051073,         // csrw mscratch, a0 (csrrw rd=x0: writes, does not read)
                0x4585,             // c.li a1, 1        (counted as addi)
                0x00000073);        // ecall from M
        CoverageCollector c = new CoverageCollector(Profile.VEXRISCV);
        h.addRetireListener(c);
        for (int i = 0; i < 4; i++) {
            h.step();
        }
        h.removeRetireListener(c);
        Coverage cov = c.coverage();
        assertEquals(Map.of("csrrs", 1L, "csrrw", 1L, "addi", 1L, "ecall", 1L, "jal", 1L),
                cov.hits(CoverageDimension.INSTRUCTIONS));
        assertEquals(Map.of("mstatus", 1L), cov.hits(CoverageDimension.CSRS_READ));
        assertEquals(1, cov.count(CoverageDimension.CSRS_WRITTEN, "mscratch"));
        assertEquals(1, cov.count(CoverageDimension.CSRS_WRITTEN, "mepc"), "trap entry writes mepc");
        assertEquals(1, cov.count(CoverageDimension.CSRS_WRITTEN, "mcause"));
        assertEquals(Map.of("ecall-from-m", 1L), cov.hits(CoverageDimension.EXCEPTIONS));
        assertTrue(cov.hits(CoverageDimension.PRIVILEGE_TRANSITIONS).isEmpty());
    }

    @Test
    void classifiesPageFaultsByTheFailedCheck() {
        Hart h = hart(0x00a5a023);  // sw a0, 0(a1)
        h.bus().store(RAM + 0x10000 + 0x200 * 4, 0x200000CF, 4);   // code megapage, RWX A D
        h.csrs().write(Csrs.SATP, 0x8000_0000 | (int) ((RAM + 0x10000) >>> 12));
        h.setX(11, 0x0040_0000);    // root entry 1 is 0: invalid
        h.setPrivilege(Hart.S);
        CoverageCollector c = new CoverageCollector(Profile.VEXRISCV).watching(h);
        h.addRetireListener(c);
        h.step();
        h.removeRetireListener(c);
        assertEquals(Map.of("store invalid", 1L), c.coverage().hits(CoverageDimension.MMU_FAULTS));
        assertEquals(Map.of("S>M", 1L), c.coverage().hits(CoverageDimension.PRIVILEGE_TRANSITIONS));
        assertEquals(Map.of("store-page-fault", 1L), c.coverage().hits(CoverageDimension.EXCEPTIONS));
    }

    @Test
    void universeComesFromTheModelTables() {
        CoverageUniverse u = IsaCoverageUniverse.of(Profile.VEXRISCV);
        assertTrue(u.items(CoverageDimension.INSTRUCTIONS).containsAll(java.util.List.of("add", "mulhu", "lr.w",
                "sfence.vma", "csrrci", "fence.i")));
        assertTrue(u.items(CoverageDimension.CSRS_WRITTEN).containsAll(java.util.List.of("mstatus", "satp", "sepc")));
        assertEquals(14, u.items(CoverageDimension.EXCEPTIONS).size());
        assertEquals(6, u.items(CoverageDimension.INTERRUPTS).size());
        assertEquals(6, u.items(CoverageDimension.PRIVILEGE_TRANSITIONS).size());
        assertEquals(28, u.items(CoverageDimension.MMU_FAULTS).size());
        CoverageUniverse rv32im = IsaCoverageUniverse.of(Profile.RV32IM);
        assertTrue(!rv32im.items(CoverageDimension.INSTRUCTIONS).contains("lr.w"), "RV32IM has no A");
        assertTrue(rv32im.items(CoverageDimension.MMU_FAULTS).isEmpty());
    }
}
