package tandem.features.lockstep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tandem.features.machine.SpecMachine;
import tandem.features.mmu.PageTable;
import tandem.golden.csr.Csrs;
import tandem.golden.hart.Hart;
import tandem.golden.hart.Profile;
import tandem.golden.mmu.Pte;
import tandem.golden.platform.Machine;
import tandem.golden.platform.Platform;
import tandem.golden.platform.StopReason;

/**
 * The image a lockstep run gives the RTL must reproduce the scenario from reset on its own:
 * replayed into a fresh golden machine, it reaches the same trap and then the finisher.
 */
class LockstepReplayTest {

    @Test
    void replayedImageReachesTheSameTrapAndTheFinisher() {
        SpecMachine world = new SpecMachine();
        world.usePlatform("virt");
        world.addPageTable(0x8010_0000L, List.of(
                new PageTable.Mapping(0x0001_0000, 0x8020_0000L, Pte.V | Pte.R | Pte.X | Pte.U | Pte.A, false),
                new PageTable.Mapping(0x0003_0000, 0x8022_0000L, Pte.V | Pte.R | Pte.W | Pte.A | Pte.D, false)));
        world.setSatp(world.pageTable(0x8010_0000L).satp(0));
        world.addProgram(0x0001_0000, "li t0, 0x00030000\nlw a0, 0(t0)\necall\n", null);
        world.runUntilTrap(Hart.U, 0x0001_0000);
        assertEquals(13, world.trap().cause());

        Machine fresh = Machine.create(Platform.named("virt"), Profile.VEXRISCV);
        LockstepRun.program(world).loadInto(fresh);
        StopReason stop = fresh.run(10_000);
        assertTrue(stop.passed(), stop.describe());
        assertEquals(13, fresh.hart().csrs().read(Csrs.SCAUSE));
        assertEquals(0x0003_0000, fresh.hart().csrs().read(Csrs.STVAL));
        assertEquals(0x0003_0000, fresh.hart().x(7), "the handler copies stval to t2, so lockstep compares it");
    }
}
