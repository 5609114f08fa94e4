package tandem.boot.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tandem.boot.load.DirectLoader.A;
import static tandem.boot.load.DirectLoader.D;
import static tandem.boot.load.DirectLoader.R;
import static tandem.boot.load.DirectLoader.U;
import static tandem.boot.load.DirectLoader.V;
import static tandem.boot.load.DirectLoader.W;
import static tandem.boot.load.DirectLoader.X;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tandem.boot.args.ArgumentBlock;
import tandem.boot.args.ArgumentBlockWriter;
import tandem.boot.args.MiniElf;
import tandem.boot.xabi.XabiImage;

class DirectLoaderTest {

    private static final long ARGS = 0x2098_1000L;
    private static SparseMemory mem;
    private static DirectLoader loader;
    private static EntryState entry;
    private static ArgumentBlock block;

    @BeforeAll
    static void load() {
        block = ArgumentBlock.parse(XabiImage.build("precursor").argumentBlock(), "xabi.bin");
        mem = new SparseMemory();
        mem.write(ARGS, block.bytes(), 0, block.bytes().length);
        loader = new DirectLoader(block, ARGS, mem);
        entry = loader.load();
    }

    @Test
    void entryFollowsTheLoaderRegisterConvention() {
        assertEquals(0xFFD0_0000L, entry.pc());
        assertEquals(0xFFF7_FFF0L, entry.sp());
        assertEquals(0x800, entry.mstatus(), "MPP=S, no SUM without the DEBUG flag");
        assertEquals(1, (entry.satp() >>> 22) & 0x1FF, "kernel ASID is PID 1");
        for (long a : new long[] {entry.a0(), entry.a1(), entry.a2(), entry.a3()}) {
            assertTrue(a >= 0xFFC0_0000L && a < 0xFFC0_D000L, Long.toHexString(a));
        }
        long argsCopy = SparseMemory.target(mem.leaf(entry.satp(), entry.a0())) + (entry.a0() & 0xFFF);
        assertEquals(0x67724158, mem.readWord(argsCopy), "a0 points at a copy of the tags (XArg first)");
    }

    @Test
    void everyProcessHasItsRootAndContextMappedAndSharesKernelEntry1023() {
        long kernelRoot = (loader.satp(1) & 0x3F_FFFFL) << 12;
        int shared = mem.readWord(kernelRoot + 1023 * 4);
        for (int pid = 1; pid <= 6; pid++) {
            long satp = loader.satp(pid);
            assertEquals(0x8000_0000L | (long) pid << 22, satp & 0xFFC0_0000L);
            long root = (satp & 0x3F_FFFFL) << 12;
            assertEquals(root, SparseMemory.target(mem.leaf(satp, 0xFF80_0000L)), "root self-mapped at 0xFF800000");
            assertEquals(R | W | V | A | D, mem.leaf(satp, 0xFF80_1000L) & 0x3FF, "context page");
            assertEquals(shared, mem.readWord(root + 1023 * 4), "L1[1023] shared");
            int l1 = mem.readWord(root + 4 * (0x1_0000 >>> 22));
            if (pid > 1) {
                long l0 = (Integer.toUnsignedLong(l1) >>> 10) << 12;
                assertEquals(l0, SparseMemory.target(mem.leaf(satp, 0xFF40_0000L)), "L0 table for vpn1=0 at 0xFF400000");
            }
        }
    }

    @Test
    void kernelTextIsRwxDataRwAndNotUser() {
        long satp = loader.satp(1);
        assertEquals(R | W | X | V | A | D, mem.leaf(satp, 0xFFD0_0000L) & 0x3FF);
        assertEquals(R | W | V | A | D, mem.leaf(satp, 0xFFD8_0000L) & 0x3FF);
        assertEquals(R | W | V | A | D, mem.leaf(satp, 0xFFF7_F000L) & 0x3FF, "kernel stack page");
        assertEquals(R | W | V | A | D, mem.leaf(satp, 0xFFFE_F000L) & 0x3FF, "exception stack page");
    }

    @Test
    void userStackHasOnePresentPageAndSevenDemandPages() {
        long satp = loader.satp(4);
        assertEquals(U | R | W | V | A | D, mem.leaf(satp, 0x7FFF_F000L) & 0x3FF);
        for (int i = 1; i < 8; i++) {
            int pte = mem.leaf(satp, 0x7FFF_F000L - 0x1000L * i);
            assertEquals(U | R | W | A | D, pte, "demand page " + i + " is reserved, V=0, no frame");
        }
        assertEquals(0, mem.leaf(satp, 0x7FFF_F000L - 0x8000L));
        long envPage = SparseMemory.target(mem.leaf(satp, 0x7FFF_F000L));
        assertEquals(0x50707041, mem.readWord(envPage + 4096 - 26), "AppP environment block at the stack top");
        assertEquals((0x8000_0000L - 16 - 26) & ~0xFL, loader.stackPointer(4));
    }

    @Test
    void userSectionsAreUserReadExecuteAndCopied() {
        long satp = loader.satp(4);
        int text = mem.leaf(satp, 0x1_0000L);
        assertEquals(U | R | X | V | A | D, text & 0x3FF);
        long pa = SparseMemory.target(text);
        long payload = ARGS + block.processes().get(2).loadOffset();
        assertEquals(mem.readWord(payload), mem.readWord(pa), "first text word copied");
        int data = mem.leaf(satp, 0x1_2000L);
        assertEquals(U | R | W | X | V | A | D, data & 0x3FF, "writable sections also get X, as the loader does");
        assertNotEquals(SparseMemory.target(mem.leaf(loader.satp(2), 0x1_0000L)), pa, "each process has its own copy");
    }

    @Test
    void runtimePageTrackerOwnsEveryMappedFrame() {
        byte[] rpt = loader.runtimePageTracker();
        long pa = SparseMemory.target(mem.leaf(loader.satp(5), 0x1_0000L));
        assertEquals(5, rpt[(int) ((pa - 0x4000_0000L) >>> 12)]);
        long kpa = SparseMemory.target(mem.leaf(loader.satp(1), 0xFFD0_0000L));
        assertEquals(1, rpt[(int) ((kpa - 0x4000_0000L) >>> 12)]);
        assertEquals(0, rpt[0], "low RAM is free");
    }

    @Test
    void inPlaceProcessRunsTextFromTheImageAndCopiesWritableData() {
        XabiImage image = XabiImage.build("precursor");
        byte[] bytes = new ArgumentBlockWriter(0x4000_0000L, 16L << 20, "SrEx").kernel(image.elf("kernel"))
                .process("log", image.elf("log")).inPlaceProcess("driver", image.elf("driver")).write();
        ArgumentBlock b = ArgumentBlock.parse(bytes, "inif.bin");
        MiniElf inif = b.processes().get(1);
        assertEquals("IniF", inif.kind());
        SparseMemory m = new SparseMemory();
        m.write(ARGS, bytes, 0, bytes.length);
        DirectLoader l = new DirectLoader(b, ARGS, m);
        l.load();
        int text = m.leaf(l.satp(3), 0x1_0000L);
        assertEquals(ARGS + inif.loadOffset(), SparseMemory.target(text), "text mapped in place from flash");
        assertEquals(U | R | X | V | A | D, text & 0x3FF);
        long data = SparseMemory.target(m.leaf(l.satp(3), 0x1_2000L));
        assertTrue(data >= 0x4000_0000L && data < 0x4100_0000L, "writable data copied to RAM");
        long scenario = image.elf("driver").symbol("xabi_scenario");
        assertEquals(1, m.readWord(data + (scenario & 0xFFF)), "first scenario op (SCALAR) copied");
    }
}
