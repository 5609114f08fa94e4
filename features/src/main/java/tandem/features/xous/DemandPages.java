package tandem.features.xous;

import java.util.ArrayList;
import java.util.List;
import tandem.golden.mmu.Pte;

/**
 * Pages a process reserves with a syscall (IncreaseHeap, MapMemory without a physical
 * address) and then touches: the PTEs behind them as the kernel hands the range back, once
 * they have been touched, and after an UnmapMemory of the range.
 */
final class DemandPages {
    private static final int SYS_UNMAP_MEMORY = 19;
    private static final int NEED = Pte.V | Pte.R | Pte.W | Pte.U;
    final int pages;
    int va = -1;
    final List<Integer> beforeTouch = new ArrayList<>();
    final List<Integer> afterTouch = new ArrayList<>();
    final List<Integer> afterUnmap = new ArrayList<>();

    /**
     * Watches {@code pid}'s call {@code number} whose argument register a{@code sizeArg} asks
     * for {@code pages} pages.
     */
    DemandPages(XabiSystem system, int pid, int number, int sizeArg, int pages) {
        this.pages = pages;
        XabiSystem.Syscall[] reserve = new XabiSystem.Syscall[1];
        XabiSystem.Syscall[] unmap = new XabiSystem.Syscall[1];
        system.onSyscall(s -> {
            if (s.pid() != pid) {
                return;
            }
            if (reserve[0] == null && s.number() == number && s.args()[sizeArg] == pages * 4096) {
                reserve[0] = s;
            } else if (va >= 0 && s.number() == SYS_UNMAP_MEMORY && s.args()[1] == va) {
                unmap[0] = s;
            } else if (va >= 0 && unmap[0] == null && !allUserRw(afterTouch)) {
                // The first call after the touches reports them; keep the picture once all are valid.
                picture(system, s.satp(), afterTouch);
            }
        });
        system.onEntry(e -> {
            if (e.pid() != pid) {
                return;
            }
            if (va < 0 && reserve[0] != null && reserve[0].returned() == e.regs()) {
                va = e.regs()[1];
                picture(system, reserve[0].satp(), beforeTouch);
            } else if (unmap[0] != null && afterUnmap.isEmpty() && unmap[0].returned() == e.regs()) {
                picture(system, unmap[0].satp(), afterUnmap);
            }
        });
    }

    private void picture(XabiSystem system, int satp, List<Integer> into) {
        into.clear();
        for (int p = 0; p < pages; p++) {
            into.add(system.leafPte(satp, va + p * 4096));
        }
    }

    static boolean allUserRw(List<Integer> ptes) {
        return !ptes.isEmpty() && ptes.stream().allMatch(p -> (p & NEED) == NEED);
    }
}
