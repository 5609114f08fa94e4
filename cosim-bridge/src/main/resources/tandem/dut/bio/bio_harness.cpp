// Tandem's harness for the Baochip-1x BIO RTL (top bio_bdma_wrapper), built by tandem.dut.bio.BioRtlBuild
// from the user's RTL. It resets the block, loads
// programs through the code-window APB ports, writes QDIV and CTRL through the register APB
// port, waits for the watched core's reset release and then prints, one line per event, with
// cycles counted from that core's first clock (0 = first clock):
//   O <x31>                    x31 of the watched core at its first clock
//   <cycle> out=<hex> dir=<hex> pins or directions changed after that clock
//   L <cycle> lv=<hex>         FIFO levels changed (4 bits per FIFO)
//   C <cycle> <core> <pc>      a core's DBG pc changed
//   P <cycle> <offset>         a host register write landed (a FIFO level rose, or the events changed)
//   R <fifo> <value>           words read from RXF after the run (nothing else is reported then)
// Arguments: CYCLES CTRL WATCH then any of  N=file.bin  qdivN=VALUE  write@CYCLE:OFFSET=VALUE
// read=FIFO:COUNT (and vcd=FILE:FROM:TO when built with --trace). The host clock (APB) runs at 1/8 of the BIO clock with aligned edges.
#include "Vbio_bdma_wrapper.h"
#include "Vbio_bdma_wrapper___024root.h"
#include "verilated.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#define BIO(sig) (top->rootp->bio_bdma_wrapper__DOT__bio_bdma__DOT__##sig)

static Vbio_bdma_wrapper* top;
static const int RATIO = 8;
static unsigned long edges = 0;
static unsigned long origin = ~0ul;
static unsigned lastOut, lastDir, lastLevels = ~0u, lastPc[4];
static bool reporting = true;

static unsigned levels() {
    return BIO(regfifo_level)[0] | BIO(regfifo_level)[1] << 4 | BIO(regfifo_level)[2] << 8 | BIO(regfifo_level)[3] << 12;
}

static void report() {
    if (!reporting || edges <= origin) return;
    long at = (long) (edges - origin) - 1;
    if (top->gpio_out != lastOut || top->gpio_dir != lastDir) {
        printf("%ld out=%08x dir=%08x\n", at, top->gpio_out, top->gpio_dir);
        lastOut = top->gpio_out;
        lastDir = top->gpio_dir;
    }
    unsigned lv = levels();
    if (lv != lastLevels) {
        printf("L %ld lv=%04x\n", at, lv);
        lastLevels = lv;
    }
    for (int c = 0; c < 4; c++) {
        unsigned pc = BIO(dbg_pc)[c];
        if (pc != lastPc[c]) {
            printf("C %ld %d %03x\n", at, c, pc);
            lastPc[c] = pc;
        }
    }
}

// What a host write to `offset` changes when it lands: the FIFO's level for TXF0..3, else the
// aggregated events (EVENT_SET / EVENT_CLR).
static unsigned landingProbe(unsigned offset) {
    if (offset >= 0x10 && offset < 0x20) return BIO(regfifo_level)[(offset - 0x10) / 4];
    return BIO(aggregated_events);
}

static bool hasLanded(unsigned offset, unsigned before) {
    unsigned now = landingProbe(offset);
    return offset >= 0x10 && offset < 0x20 ? now > before : now != before;
}

#ifdef TANDEM_TRACE
// Built with --trace: vcd=FILE:FROM:TO dumps every signal for cycles FROM..TO (10 time units per
// aclk, the rising edge at 10 * cycle).
#include "verilated_vcd_c.h"
static VerilatedVcdC* tfp = nullptr;
static long traceFrom = 0, traceTo = -1;

static void traceAt(long unit) {
    if (!tfp || origin == ~0ul || edges < origin) return;
    long at = (long) (edges - origin);
    if (at >= traceFrom && at <= traceTo) tfp->dump((vluint64_t) (10 * at + unit));
}
#else
static void traceAt(long) {}
#endif

static void aclkEdge() {
    top->fclk = 1;
    top->hclk = 1;
    if (edges % RATIO == 0) top->pclk = 1;
    if (edges % RATIO == RATIO / 2) top->pclk = 0;
    top->eval();
    traceAt(0);
    top->fclk = 0;
    top->hclk = 0;
    top->eval();
    traceAt(5);
    edges++;
    report();
}

static void toHostEdge() {
    do {
        aclkEdge();
    } while ((edges - 1) % RATIO != 0);
}

struct Apb {
    CData* sel; CData* enable; CData* write; SData* addr; IData* wdata; CData* strb;
};

static void transfer(const Apb& p, unsigned addr, unsigned data, bool write) {
    *p.sel = 1; *p.enable = 0; *p.write = write; *p.addr = addr; *p.wdata = data; *p.strb = 0xF;
    toHostEdge();
    *p.enable = 1;
    toHostEdge();
    *p.sel = 0; *p.enable = 0; *p.write = 0;
}

int main(int argc, char** argv) {
    Verilated::commandArgs(argc, argv);
    top = new Vbio_bdma_wrapper;
    Apb regs = {&top->PSEL, &top->PENABLE, &top->PWRITE, &top->PADDR, &top->PWDATA, &top->PSTRB};
    Apb code[4] = {
        {&top->IM0_PSEL, &top->IM0_PENABLE, &top->IM0_PWRITE, &top->IM0_PADDR, &top->IM0_PWDATA, &top->IM0_PSTRB},
        {&top->IM1_PSEL, &top->IM1_PENABLE, &top->IM1_PWRITE, &top->IM1_PADDR, &top->IM1_PWDATA, &top->IM1_PSTRB},
        {&top->IM2_PSEL, &top->IM2_PENABLE, &top->IM2_PWRITE, &top->IM2_PADDR, &top->IM2_PWDATA, &top->IM2_PSTRB},
        {&top->IM3_PSEL, &top->IM3_PENABLE, &top->IM3_PWRITE, &top->IM3_PADDR, &top->IM3_PWDATA, &top->IM3_PSTRB}};
    long cycles = atol(argv[1]);
    unsigned ctrl = strtoul(argv[2], 0, 0);
    int watch = atoi(argv[3]);
    top->resetn = 0;
    top->hready = 1; top->hreadym = 1; top->aw_ready = 1; top->w_ready = 1; top->ar_ready = 1;
    top->APBACTIVE = 1; top->IM0_APBACTIVE = 1; top->IM1_APBACTIVE = 1; top->IM2_APBACTIVE = 1; top->IM3_APBACTIVE = 1;
    for (int i = 0; i < 16 * RATIO; i++) aclkEdge();
    top->resetn = 1;
    for (int i = 0; i < 16 * RATIO; i++) aclkEdge();

    struct Write { long at; unsigned offset; unsigned value; };
    std::vector<Write> pushes;
    int readFifo = -1, readCount = 0;
    for (int a = 4; a < argc; a++) {
        const char* arg = argv[a];
        if (!strncmp(arg, "qdiv", 4)) {
            transfer(regs, 0x50 + 4 * (arg[4] - '0'), strtoul(arg + 6, 0, 0), true);
        } else if (!strncmp(arg, "write@", 6)) {
            const char* colon = strchr(arg, ':');
            pushes.push_back({atol(arg + 6), (unsigned) strtoul(colon + 1, 0, 0), (unsigned) strtoul(strchr(arg, '=') + 1, 0, 0)});
        } else if (!strncmp(arg, "vcd=", 4)) {
#ifdef TANDEM_TRACE
            char file[4096];
            const char* from = strchr(arg + 4, ':');
            if (!from || from - (arg + 4) >= (long) sizeof file) { fprintf(stderr, "bad %s\n", arg); return 2; }
            memcpy(file, arg + 4, from - (arg + 4));
            file[from - (arg + 4)] = 0;
            traceFrom = atol(from + 1);
            traceTo = atol(strchr(from + 1, ':') + 1);
            Verilated::traceEverOn(true);
            tfp = new VerilatedVcdC;
            top->trace(tfp, 99);
            tfp->open(file);
#else
            fprintf(stderr, "vcd= needs the harness built with --trace\n");
            return 2;
#endif
        } else if (!strncmp(arg, "read=", 5)) {
            readFifo = arg[5] - '0';
            readCount = atoi(arg + 7);
        } else {
            int core = arg[0] - '0';
            FILE* f = fopen(arg + 2, "rb");
            if (!f) { fprintf(stderr, "cannot open %s\n", arg + 2); return 2; }
            unsigned char b[4];
            size_t n;
            unsigned addr = 0;
            while ((n = fread(b, 1, 4, f)) > 0) {
                for (size_t k = n; k < 4; k++) b[k] = 0;
                transfer(code[core], addr, b[0] | b[1] << 8 | b[2] << 16 | (unsigned) b[3] << 24, true);
                addr += 4;
            }
            fclose(f);
        }
    }
    transfer(regs, 0x00, ctrl, true);
    int guard = 0;
    while (!((BIO(a_restart) >> watch) & 1) && guard++ < 10 * RATIO) aclkEdge();
    while ((BIO(a_restart) >> watch) & 1) aclkEdge();
    origin = edges;
    lastOut = top->gpio_out;
    lastDir = top->gpio_dir;
    lastLevels = levels();
    for (int c = 0; c < 4; c++) lastPc[c] = BIO(dbg_pc)[c];
    printf("O %u\n", BIO(core_clk_count)[watch]);
    size_t next = 0;
    while ((long) (edges - origin) < cycles) {
        while (next < pushes.size() && pushes[next].at <= (long) (edges - origin)) {
            unsigned offset = pushes[next].offset;
            unsigned before = landingProbe(offset);
            long landed = -1;
            *regs.sel = 1; *regs.enable = 0; *regs.write = 1; *regs.addr = offset; *regs.wdata = pushes[next].value; *regs.strb = 0xF;
            for (int phase = 0; phase < 2; phase++) {
                do {
                    aclkEdge();
                    if (landed < 0 && hasLanded(offset, before)) landed = (long) (edges - origin) - 1;
                    before = landingProbe(offset);
                } while ((edges - 1) % RATIO != 0);
                *regs.enable = 1;
            }
            *regs.sel = 0; *regs.enable = 0; *regs.write = 0;
            for (int i = 0; i < 2 * RATIO && landed < 0; i++) {
                aclkEdge();
                if (hasLanded(offset, before)) landed = (long) (edges - origin) - 1;
                before = landingProbe(offset);
            }
            printf("P %ld 0x%x\n", landed, offset);
            next++;
        }
        aclkEdge();
    }
    reporting = false;
    for (int i = 0; i < readCount; i++) {
        *regs.sel = 1; *regs.enable = 0; *regs.write = 0; *regs.addr = 0x20 + 4 * readFifo;
        toHostEdge();
        *regs.enable = 1;
        do { aclkEdge(); } while (edges % RATIO != 0);
        unsigned v = top->PRDATA;
        toHostEdge();
        *regs.sel = 0; *regs.enable = 0;
        toHostEdge();
        printf("R %d %u\n", readFifo, v);
    }
#ifdef TANDEM_TRACE
    if (tfp) tfp->close();
#endif
    top->final();
    delete top;
    return 0;
}
