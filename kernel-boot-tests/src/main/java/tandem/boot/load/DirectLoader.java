package tandem.boot.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tandem.boot.args.ArgumentBlock;
import tandem.boot.args.KernelDescription;
import tandem.boot.args.MemoryRegion;
import tandem.boot.args.MiniElf;
import tandem.golden.TandemException;

/**
 * Does the Xous loader's job in Java ({@code --direct}): from a parsed argument block, copies the
 * kernel and the IniE sections into RAM, maps IniF sections in place, builds Sv32 page tables with
 * the loader's virtual layout, fills the runtime and extra page trackers, and returns the state in
 * which the loader's {@code start_kernel} enters the kernel in S-mode.
 *
 * <p>Layout reproduced from the loader ({@code loader/src/phase1.rs}, {@code phase2.rs},
 * {@code minielf.rs}, {@code bootconfig.rs}):
 * <ul>
 *   <li>Physical: from the top of RAM down, 3 guard pages, then the kernel structures (RPT, XPT,
 *       initial-process table, a copy of the tags) rounded to pages, then every page the loader
 *       allocates (page tables, copied sections, stacks), each zeroed.</li>
 *   <li>Every process (the kernel is PID 1, then IniE and IniF in tag order from PID 2) gets its
 *       own root table mapped at 0xFF80_0000 and a context page at 0xFF80_1000; each level-0 table
 *       is mapped at 0xFF40_0000 + vpn1·4 KiB (R|W, no U). Level-1 entries are never leaves.</li>
 *   <li>Kernel: text R|W|X at its XKrn address, data+bss R|W, one stack page below 0xFFF8_0000,
 *       one exception-stack page below 0xFFFF_0000, the structures R|W at 0xFFC0_0000. Its root
 *       entry 1023 (0xFFC0_0000..) is copied into every process.</li>
 *   <li>User sections U|R|X (+W for writable ones); stack: 8 pages below 0x7FFF_FFF0, the top one
 *       present with the environment block at its end, the other 7 U|R|W with V=0 (demand).</li>
 *   <li>A and D are set in every leaf (VexRiscv has no hardware A/D update).</li>
 *   <li>satp = 0x8000_0000 | pid&lt;&lt;22 | root&gt;&gt;12.</li>
 * </ul>
 */
public final class DirectLoader {

    /** PTE bits. */
    public static final int V = 0x1, R = 0x2, W = 0x4, X = 0x8, U = 0x10, A = 0x40, D = 0x80;
    /** Bytes per page. */
    public static final long PAGE = 4096;
    /** Where each process sees its level-0 tables (+ vpn1 pages). */
    public static final long PAGE_TABLE_OFFSET = 0xFF40_0000L;
    /** Where each process sees its root table. */
    public static final long PAGE_TABLE_ROOT_OFFSET = 0xFF80_0000L;
    /** Where each process sees its thread-context page. */
    public static final long CONTEXT_OFFSET = 0xFF80_1000L;
    /** Where the kernel sees the argument copy, process table and trackers. */
    public static final long KERNEL_ARGUMENT_OFFSET = 0xFFC0_0000L;
    /** The kernel's initial stack pointer. */
    public static final long KERNEL_STACK_POINTER = 0xFFF7_FFF0L;
    /** Top (exclusive) of the kernel stack page. */
    public static final long KERNEL_STACK_TOP = 0xFFF8_0000L;
    /** Top (exclusive) of the kernel's exception stack page. */
    public static final long EXCEPTION_STACK_TOP = 0xFFFF_0000L;
    /** Top of the user stack minus the loader's 16-byte padding. */
    public static final long USER_STACK = 0x8000_0000L - 16;
    /** Pages reserved for each user stack. */
    public static final int STACK_PAGES = 8;
    private static final long GUARD_BYTES = 3 * PAGE;
    private static final long KERNEL_STRUCT_LIMIT = 0xD000;

    private final ArgumentBlock block;
    private final long argsPhys;
    private final PhysicalMemory mem;
    private final long ramStart;
    private final long ramEnd;
    private final byte[] rpt;
    private final byte[] xpt;
    private final List<long[]> processTable = new ArrayList<>();
    private final List<Long> reserved = new ArrayList<>();
    private long allocTop;

    /**
     * @param block    the parsed argument block
     * @param argsPhys physical address where the block lies (IniF sections are mapped from there)
     * @param mem      the machine's physical memory
     */
    public DirectLoader(ArgumentBlock block, long argsPhys, PhysicalMemory mem) {
        this.block = block;
        this.argsPhys = argsPhys;
        this.mem = mem;
        this.ramStart = block.ramStart();
        this.ramEnd = block.ramStart() + block.ramSize();
        this.rpt = new byte[(int) align(block.ramSize() / PAGE, 4)];
        long xptPages = 0;
        for (MemoryRegion r : block.regions()) {
            xptPages += align(r.length(), PAGE) / PAGE;
        }
        this.xpt = new byte[(int) align(xptPages, 4)];
    }

    /**
     * Keeps the RAM page at {@code paddr} out of every allocation and marks it as the kernel's in the
     * runtime page tracker (for a boot stub at the reset vector). Call before {@link #load}.
     */
    public DirectLoader reserve(long paddr) {
        reserved.add(paddr & -PAGE);
        markOwner(paddr & -PAGE, 1);
        return this;
    }

    /** Loads everything and returns the kernel entry state. */
    public EntryState load() {
        int nproc = block.processes().size();
        int tableBytes = 16 * (1 + nproc);
        int argsBytes = block.tagAreaBytes();
        long structBytes = rpt.length + xpt.length + tableBytes + align(argsBytes, 4);
        if (structBytes > KERNEL_STRUCT_LIMIT) {
            throw new TandemException(String.format("%s: kernel structures (trackers, process table, arguments) take "
                    + "0x%x bytes, more than the loader's 0x%x", block.source(), structBytes, KERNEL_STRUCT_LIMIT));
        }
        long initSize = align(structBytes + GUARD_BYTES, PAGE);
        long structStart = ramEnd - initSize;
        long rptPa = ramEnd - GUARD_BYTES - rpt.length;
        long xptPa = rptPa - xpt.length;
        long tablePa = xptPa - tableBytes;
        long argsPa = (tablePa - argsBytes) & ~3L;
        allocTop = structStart;

        long kernelRoot = loadKernel(block.kernel(), structStart, initSize - GUARD_BYTES);
        int pid = 2;
        for (MiniElf p : block.processes()) {
            loadProcess(p, pid++);
        }
        long shared = mem.readWord(kernelRoot + 1023 * 4) & 0xFFFF_FFFFL;
        for (long[] entry : processTable.subList(1, processTable.size())) {
            mem.writeWord(((entry[0] & 0x3F_FFFFL) << 12) + 1023 * 4, (int) shared);
        }

        mem.write(argsPa, block.bytes(), 0, argsBytes);
        for (int i = 0; i < processTable.size(); i++) {
            for (int k = 0; k < 4; k++) {
                mem.writeWord(tablePa + 16L * i + 4L * k, (int) processTable.get(i)[k]);
            }
        }
        mem.write(xptPa, xpt, 0, xpt.length);
        mem.write(rptPa, rpt, 0, rpt.length);

        boolean debug = (block.bootFlags() & ArgumentBlock.FLAG_DEBUG) != 0;
        return new EntryState(block.kernel().entry(), processTable.get(0)[0], KERNEL_STACK_POINTER,
                KERNEL_ARGUMENT_OFFSET + argsPa - structStart, KERNEL_ARGUMENT_OFFSET + tablePa - structStart,
                KERNEL_ARGUMENT_OFFSET + rptPa - structStart, KERNEL_ARGUMENT_OFFSET + xptPa - structStart,
                debug ? 1 : 0, 0x800 | (debug ? 1L << 18 : 0));
    }

    /** The satp the loader gave {@code pid} (1 = kernel). */
    public long satp(int pid) {
        return processTable.get(pid - 1)[0];
    }

    /** The initial stack pointer of {@code pid}. */
    public long stackPointer(int pid) {
        return processTable.get(pid - 1)[2];
    }

    /** Owner PID of each RAM page, as written to the runtime page tracker. */
    public byte[] runtimePageTracker() {
        return rpt.clone();
    }

    private long loadKernel(KernelDescription k, long structStart, long structBytes) {
        long root = alloc(1);
        mapPage(root, root, PAGE_TABLE_ROOT_OFFSET, R | W | V, 1);
        mapPage(root, alloc(1), CONTEXT_OFFSET, R | W | V, 1);
        long src = payloadBase(k.loadOffset());
        copyAndMap(root, src, k.textVaddr(), k.textSize(), k.textSize(), R | W | X | V, 1);
        copyAndMap(root, src + k.textSize(), k.dataVaddr(), k.dataSize(), k.dataSize() + k.bssSize(),
                R | W | V, 1);
        mapPage(root, alloc(1), KERNEL_STACK_TOP - PAGE, R | W | V, 1);
        mapPage(root, alloc(1), EXCEPTION_STACK_TOP - PAGE, R | W | V, 1);
        for (long off = 0; off < structBytes; off += PAGE) {
            mapPage(root, structStart + off, KERNEL_ARGUMENT_OFFSET + off, R | W | V, 1);
        }
        processTable.add(new long[] {0x8000_0000L | 1L << 22 | root >>> 12, k.entry(), KERNEL_STACK_POINTER, 0});
        return root;
    }

    private void copyAndMap(long root, long src, long vaddr, long fileBytes, long memBytes, int flags, int pid) {
        long end = vaddr + memBytes;
        for (long va = vaddr & -PAGE; va < end; va += PAGE) {
            long pa = alloc(pid);
            long from = Math.max(va, vaddr);
            long to = Math.min(va + PAGE, vaddr + fileBytes);
            if (to > from) {
                copyFromBlock(src + (from - vaddr), pa + (from - va), (int) (to - from));
            }
            mapPage(root, pa, va, flags, pid);
        }
    }

    private void loadProcess(MiniElf p, int pid) {
        long root = alloc(pid);
        mapPage(root, root, PAGE_TABLE_ROOT_OFFSET, R | W | V, pid);
        mapPage(root, alloc(pid), CONTEXT_OFFSET, R | W | V, pid);

        byte[] env = environment();
        long stackPage = alloc(pid);
        mem.write(stackPage + PAGE - env.length, env, 0, env.length);
        for (int i = 0; i < STACK_PAGES; i++) {
            long va = (USER_STACK - PAGE * i) & -PAGE;
            mapPage(root, i == 0 ? stackPage : 0, va, U | R | W | (i == 0 ? V : 0), pid);
        }

        boolean inPlace = p.kind().equals("IniF");
        Map<Long, Long> pages = new HashMap<>();
        long payload = payloadBase(p.loadOffset());
        for (MiniElf.Section s : p.sections()) {
            int flags = U | R | X | V | ((s.flags() & MiniElf.FLAG_WRITE) != 0 ? W : 0);
            boolean copy = !inPlace || (s.flags() & MiniElf.FLAG_WRITE) != 0;
            for (long va = s.vaddr() & -PAGE; va < s.vaddr() + s.size(); va += PAGE) {
                if (copy) {
                    Long pa = pages.get(va);
                    if (pa == null) {
                        pa = alloc(pid);
                        pages.put(va, pa);
                    }
                    mapPage(root, pa, va, flags, pid);
                    long from = Math.max(va, s.vaddr());
                    long to = Math.min(va + PAGE, s.vaddr() + s.size());
                    if (s.hasPayload()) {
                        copyFromBlock(payload + (from - s.vaddr()), pa + (from - va), (int) (to - from));
                    }
                } else {
                    long pa = (payload + (va - s.vaddr())) & -PAGE;
                    if (!pages.containsKey(va)) {
                        pages.put(va, pa);
                        mapPage(root, pa, va, flags, pid);
                    }
                }
            }
            if (s.hasPayload()) {
                payload += s.size();
            }
        }
        long sp = (USER_STACK - env.length) & ~0xFL;
        long envPtr = USER_STACK - env.length + 16;
        processTable.add(new long[] {0x8000_0000L | (long) pid << 22 | root >>> 12, p.entry(), sp, envPtr});
    }

    /** The loader's environment block with no variables: "AppP" header then an empty "EnvB". */
    private static byte[] environment() {
        byte[] e = new byte[26];
        put(e, 0, "AppP");
        putWord(e, 4, 8);
        putWord(e, 8, 26);
        putWord(e, 12, 2);
        put(e, 16, "EnvB");
        putWord(e, 20, 2);
        return e;
    }

    private static void put(byte[] b, int off, String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, b, off, a.length);
    }

    private static void putWord(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    private long payloadBase(long loadOffset) {
        return (block.bootFlags() & ArgumentBlock.FLAG_ABSOLUTE) != 0 ? loadOffset : argsPhys + loadOffset;
    }

    private void copyFromBlock(long srcPhys, long dst, int len) {
        long off = srcPhys - argsPhys;
        if (off >= 0 && off + len <= block.bytes().length) {
            mem.write(dst, block.bytes(), (int) off, len);
        } else {
            for (int i = 0; i < len; i++) {
                mem.writeByte(dst + i, mem.readByte(srcPhys + i));
            }
        }
    }

    private long alloc(int pid) {
        allocTop -= PAGE;
        while (reserved.contains(allocTop)) {
            allocTop -= PAGE;
        }
        if (allocTop < ramStart) {
            throw new TandemException(String.format("%s: out of RAM (0x%x bytes at 0x%08x) while loading PID %d",
                    block.source(), ramEnd - ramStart, ramStart, pid));
        }
        mem.write(allocTop, new byte[(int) PAGE], 0, (int) PAGE);
        return allocTop;
    }

    private void mapPage(long root, long phys, long virt, int flags, int owner) {
        if ((flags & V) != 0) {
            markOwner(phys, owner);
        }
        long l1 = root + ((virt >>> 22) & 0x3FF) * 4;
        long newTable = -1;
        if ((mem.readWord(l1) & V) == 0) {
            newTable = alloc(owner);
            mem.writeWord(l1, (int) ((newTable >>> 12) << 10 | V));
        }
        long l0 = ((Integer.toUnsignedLong(mem.readWord(l1)) >>> 10) << 12) + ((virt >>> 12) & 0x3FF) * 4;
        int old = mem.readWord(l0);
        int ppn = (int) ((phys >>> 12) << 10);
        if ((old & V) != 0 && (old & 0xFFFF_FC00) != ppn) {
            throw new TandemException(String.format("%s: PID %d: virtual page 0x%08x mapped twice (to 0x%08x and "
                    + "0x%08x)", block.source(), owner, virt, (Integer.toUnsignedLong(old) >>> 10) << 12, phys));
        }
        mem.writeWord(l0, ppn | flags | (old & 0x3F) | D | A);
        if (newTable >= 0) {
            mapPage(root, newTable, PAGE_TABLE_OFFSET + ((virt >>> 22) & 0x3FF) * PAGE, R | W | V, owner);
        }
    }

    private void markOwner(long phys, int pid) {
        if (phys >= ramStart && phys < ramEnd) {
            rpt[(int) ((phys - ramStart) / PAGE)] = (byte) pid;
            return;
        }
        long base = 0;
        for (MemoryRegion r : block.regions()) {
            if (r.contains(phys)) {
                xpt[(int) (base + (phys - r.start()) / PAGE)] = (byte) pid;
                return;
            }
            base += align(r.length(), PAGE) / PAGE;
        }
    }

    private static long align(long v, long a) {
        return (v + a - 1) / a * a;
    }
}
