// Tandem's Verilator harness: drives one Verilated CPU top with memory models on its buses and
// reports retired instructions in batches through a plain C ABI (see tandem.dut.VerilatedDut).
//
// The bus shape and the retire probe are chosen at compile time by tandem_glue.h, which the
// Java side generates from the top's port list. RAM lives here; every data access outside RAM
// stops the run loop and is handed to Java (the SoC devices), whose answer is fed back before
// the clock advances, so the RTL sees the same cycle timing as if the device were native.

#include "tandem_glue.h"

#include <verilated.h>
#ifdef TANDEM_TRACE
#include <verilated_vcd_c.h>
#endif

#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

#define TANDEM_API extern "C" __attribute__((visibility("default")))

namespace {

// Why a run() call returned; mirrored by tandem.dut.StopReason.
enum Reason : int32_t {
    R_CYCLES = 0,      // the cycle budget is used up
    R_BATCH_FULL = 1,  // the record buffer is full
    R_MMIO = 2,        // a data access outside RAM waits for tandem_mmio_respond
    R_STALL = 3,       // no retire for stall_limit cycles
    R_FINISH = 4,      // the RTL called $finish
    R_FATAL = 5,       // $stop, $fatal, a failed assertion or a Verilator runtime error
    R_FETCH_FAULT = 6, // an instruction fetch outside RAM
};

// Record layout, 32 bytes little-endian; mirrored by tandem.dut.RetireBatch.
struct __attribute__((packed)) Record {
    uint64_t cycle;
    uint32_t pc;
    uint32_t insn;
    uint32_t rd_wdata;
    uint32_t mem_addr;
    uint32_t mem_data;
    uint8_t rd_addr;
    uint8_t flags;
    uint8_t mem_size;
    uint8_t priv;
};
static_assert(sizeof(Record) == 32, "record layout is shared with Java");

enum Flags : uint8_t {
    F_RD = 1, F_MEM_READ = 2, F_MEM_WRITE = 4, F_TRAP = 8, F_INTERRUPT = 16, F_MMIO = 32,
};

// Status block written at the end of every run(); mirrored by tandem.dut.VerilatedDut.
struct __attribute__((packed)) Status {
    uint64_t cycle;
    int32_t records;
    int32_t reason;
    uint32_t mmio_addr;
    uint32_t mmio_wdata;
    int32_t mmio_size;
    int32_t mmio_write;
    uint64_t idle_cycles;
    uint64_t retires;
    uint8_t pad[16];
    char message[192];
};
static_assert(sizeof(Status) == 256, "status layout is shared with Java");

struct Fatal {
    std::string message;
};

struct Response {
    uint64_t ready_at;
    uint32_t data;
    uint32_t tag;  // the fetch pc for instruction responses
};

// A data-bus command seen on the bus, waiting for its instruction to retire.
struct MemOp {
    uint32_t addr;
    uint32_t data;
    uint8_t size;
    bool write;
    bool mmio;
};

// xorshift64*: seeded, fast, and the same on every platform.
struct Rng {
    uint64_t s;
    uint32_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return (uint32_t)((s * 0x2545F4914F6CDD1DULL) >> 32);
    }
};

struct Dut {
    VerilatedContext* ctx;
    TANDEM_TOP* m;
    uint8_t* ram = nullptr;  // calloc'd: pages the program never touches cost nothing
    uint32_t ram_base;
    uint32_t ram_size;
    uint64_t cycle = 0;
    uint64_t last_retire_cycle = 0;
    uint64_t retires = 0;
    uint64_t stall_limit = 100000;
    Rng rng;
    int wait_states;
    int backpressure;  // percent of cycles a command is refused
    std::deque<Response> irsp;
    std::deque<Response> drsp;
    std::deque<MemOp> memops;
    bool mmio_waiting = false;  // an MMIO read was issued and Java has not answered yet
    MemOp mmio_op{};
    uint64_t mmio_cycle = 0;
    int64_t flip_index = -1;
    int flip_bit = 0;
    uint32_t irq = 0;
    bool finished = false;
#ifdef TANDEM_TRACE
    VerilatedVcdC* vcd = nullptr;
    uint64_t trace_from = 0;
    uint64_t trace_to = 0;
    uint64_t trace_time = 0;
#endif
};

bool in_ram(const Dut* d, uint32_t addr, uint32_t size) {
    uint32_t off = addr - d->ram_base;
    return off < d->ram_size && size <= d->ram_size - off;
}

uint32_t ram_load(const Dut* d, uint32_t addr, uint32_t size) {
    uint32_t off = addr - d->ram_base;
    uint32_t v = 0;
    std::memcpy(&v, &d->ram[off], size);
    return v;
}

void ram_store(Dut* d, uint32_t addr, uint32_t data, uint32_t size) {
    std::memcpy(&d->ram[addr - d->ram_base], &data, size);
}

bool refuse(Dut* d) {
    return d->backpressure > 0 && (int)(d->rng.next() % 100) < d->backpressure;
}

uint64_t latency(const Dut* d, uint64_t minimum) {
    uint64_t l = 1 + (uint64_t)d->wait_states;
    return l < minimum ? minimum : l;
}

void push_in_order(std::deque<Response>& q, Response r) {
    if (!q.empty() && r.ready_at < q.back().ready_at) {
        r.ready_at = q.back().ready_at;
    }
    q.push_back(r);
}

void set_message(Status* st, const std::string& s) {
    std::snprintf(st->message, sizeof st->message, "%s", s.c_str());
}

void eval(Dut* d) {
    d->m->eval();
#ifdef TANDEM_TRACE
    if (d->vcd && d->cycle >= d->trace_from && d->cycle <= d->trace_to) {
        d->vcd->dump(d->trace_time);
    }
    d->trace_time++;
#endif
}

// Adds the retire described by the probe to the batch; returns false if none.
void emit(Dut* d, Record* out, int32_t* n, uint32_t pc, uint32_t insn, bool rd_valid, uint32_t rd,
          uint32_t rd_data, uint8_t priv, uint8_t extra_flags) {
    Record& r = out[(*n)++];
    r.cycle = d->cycle;
    r.pc = pc;
    r.insn = insn;
    r.flags = extra_flags;
    r.priv = priv;
    r.rd_addr = 0;
    r.rd_wdata = 0;
    r.mem_addr = 0;
    r.mem_data = 0;
    r.mem_size = 0;
    if (rd_valid && rd != 0) {
        r.rd_addr = (uint8_t)rd;
        r.rd_wdata = rd_data;
        r.flags |= F_RD;
    }
    uint32_t opcode = insn & 0x7F;
    bool is_load = opcode == 0x03;
    bool is_store = opcode == 0x23;
    if ((is_load || is_store) && !d->memops.empty()) {
        MemOp op = d->memops.front();
        d->memops.pop_front();
        r.mem_addr = op.addr;
        r.mem_data = op.data;
        r.mem_size = op.size;
        r.flags |= (uint8_t)((op.write ? F_MEM_WRITE : F_MEM_READ) | (op.mmio ? F_MMIO : 0));
    }
    if ((int64_t)d->retires == d->flip_index && (r.flags & F_RD)) {
        r.rd_wdata ^= 1u << d->flip_bit;
    }
    d->retires++;
    d->last_retire_cycle = d->cycle;
}

#if defined(TANDEM_BUS_RISCVCORE_NATIVE)
// SpinalHDL RiscvCore native buses. Instruction responses echo the fetch pc and may be held
// back by rsp_ready; data responses come at least two cycles after the command, in order
// (with one cycle the core drops them), shifted down to the addressed byte.
constexpr uint64_t DATA_MIN_LATENCY = 2;

void reset_ports(Dut* d) {
    d->m->io_i_cmd_ready = 0;
    d->m->io_i_rsp_valid = 0;
    d->m->io_d_cmd_ready = 0;
    d->m->io_d_rsp_valid = 0;
}

// One clock cycle. Returns the reason to stop early, or -1 to go on.
int cycle(Dut* d, Record* out, int32_t* n, Status* st) {
    TANDEM_TOP* m = d->m;
    m->clk = 0;
    bool irsp_valid = !d->irsp.empty() && d->irsp.front().ready_at <= d->cycle;
    m->io_i_rsp_valid = irsp_valid;
    if (irsp_valid) {
        m->io_i_rsp_payload_instruction = d->irsp.front().data;
        m->io_i_rsp_payload_pc = d->irsp.front().tag;
    }
    bool drsp_valid = !d->drsp.empty() && d->drsp.front().ready_at <= d->cycle;
    m->io_d_rsp_valid = drsp_valid;
    if (drsp_valid) {
        m->io_d_rsp_payload = d->drsp.front().data;
    }
    m->io_i_cmd_ready = !refuse(d);
    m->io_d_cmd_ready = !d->mmio_waiting && !refuse(d);
    eval(d);

    bool ifire = m->io_i_cmd_valid && m->io_i_cmd_ready;
    uint32_t ipc = m->io_i_cmd_payload_pc;
    bool irsp_fire = irsp_valid && m->io_i_rsp_ready;
    bool dfire = m->io_d_cmd_valid && m->io_d_cmd_ready;
    MemOp op{};
    if (dfire) {
        op.addr = m->io_d_cmd_payload_address;
        op.data = m->io_d_cmd_payload_data;
        op.size = (uint8_t)(1u << m->io_d_cmd_payload_size);
        op.write = m->io_d_cmd_payload_wr;
    }
    if (TANDEM_SIG(writeBack_inInst_valid) && TANDEM_SIG(writeBack_inInst_ready)
            && !TANDEM_SIG(writeBack_pcLoad_valid)) {
        emit(d, out, n, TANDEM_SIG(writeBack_inInst_payload_pc),
             TANDEM_SIG(writeBack_inInst_payload_instruction),
             TANDEM_SIG(writeBack_regFileWrite_valid), TANDEM_SIG(writeBack_regFileWrite_payload_address),
             TANDEM_SIG(writeBack_regFileWrite_payload_data), 3, 0);
    }

    m->clk = 1;
    eval(d);

    if (irsp_fire) {
        d->irsp.pop_front();
    }
    if (drsp_valid) {
        d->drsp.pop_front();
    }
    uint64_t now = d->cycle;
    d->cycle++;
    if (ifire) {
        if (!in_ram(d, ipc & ~3u, 4)) {
            st->mmio_addr = ipc;
            return R_FETCH_FAULT;
        }
        push_in_order(d->irsp, Response{now + latency(d, 1), ram_load(d, ipc & ~3u, 4), ipc});
    }
    if (dfire) {
        if (in_ram(d, op.addr, op.size)) {
            if (op.write) {
                ram_store(d, op.addr, op.data, op.size);
            } else {
                uint32_t word = ram_load(d, op.addr & ~3u, 4);
                op.data = word >> (8 * (op.addr & 3));
                push_in_order(d->drsp, Response{now + latency(d, DATA_MIN_LATENCY), op.data, 0});
            }
            d->memops.push_back(op);
        } else {
            op.mmio = true;
            d->mmio_op = op;
            d->mmio_cycle = now;
            d->mmio_waiting = true;
            st->mmio_addr = op.addr;
            st->mmio_wdata = op.data;
            st->mmio_size = op.size;
            st->mmio_write = op.write;
            return R_MMIO;
        }
    }
    return -1;
}

void answer_mmio(Dut* d, uint32_t data) {
    MemOp op = d->mmio_op;
    if (!op.write) {
        op.data = data;
        push_in_order(d->drsp, Response{d->mmio_cycle + latency(d, DATA_MIN_LATENCY), data, 0});
    }
    d->memops.push_back(op);
    d->mmio_waiting = false;
}

void read_regs(Dut* d, uint32_t* out) {
    for (int i = 0; i < 32; i++) {
        out[i] = i == 0 ? 0 : TANDEM_SIG(regFile)[i];
    }
}

void set_irq_ports(Dut*, uint32_t) {
    // RiscvCore's interrupts are a custom scheme without ports; nothing to drive.
}
#else
#error "tandem_glue.h selects no supported bus shape"
#endif

}  // namespace

// ---- Verilator's user hooks: the model must never exit the JVM --------------------------

void vl_finish(const char* filename, int linenum, const char*) VL_MT_UNSAFE {
    (void)filename;
    (void)linenum;
    Verilated::threadContextp()->gotFinish(true);
}

void vl_stop(const char* filename, int linenum, const char*) VL_MT_UNSAFE {
    throw Fatal{std::string(filename ? filename : "?") + ":" + std::to_string(linenum) + ": Verilog $stop"};
}

void vl_fatal(const char* filename, int linenum, const char*, const char* msg) VL_MT_UNSAFE {
    throw Fatal{std::string(filename ? filename : "?") + ":" + std::to_string(linenum) + ": " + (msg ? msg : "fatal")};
}

// ---- the C ABI ----------------------------------------------------------------------------

TANDEM_API void* tandem_create(uint32_t ram_base, uint32_t ram_size, uint64_t seed, int32_t wait_states,
                               int32_t backpressure_percent) {
    Dut* d = new Dut();
    d->ctx = new VerilatedContext();
    d->ctx->randReset(0);
    d->ctx->fatalOnError(false);
#ifdef TANDEM_TRACE
    d->ctx->traceEverOn(true);
#endif
    d->m = new TANDEM_TOP(d->ctx, "TOP");
    d->ram = (uint8_t*)std::calloc(ram_size, 1);
    d->ram_base = ram_base;
    d->ram_size = ram_size;
    d->rng.s = seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL;
    if (d->rng.s == 0) {
        d->rng.s = 1;
    }
    d->wait_states = wait_states < 0 ? 0 : wait_states;
    d->backpressure = backpressure_percent < 0 ? 0 : (backpressure_percent > 90 ? 90 : backpressure_percent);
    return d;
}

TANDEM_API void tandem_ram_write(void* h, uint32_t offset, const uint8_t* data, uint32_t length) {
    Dut* d = (Dut*)h;
    if (offset <= d->ram_size && length <= d->ram_size - offset) {
        std::memcpy(&d->ram[offset], data, length);
    }
}

TANDEM_API void tandem_ram_read(void* h, uint32_t offset, uint8_t* data, uint32_t length) {
    Dut* d = (Dut*)h;
    if (offset <= d->ram_size && length <= d->ram_size - offset) {
        std::memcpy(data, &d->ram[offset], length);
    }
}

TANDEM_API int32_t tandem_reset(void* h, int32_t cycles, char* message, int32_t message_size) {
    Dut* d = (Dut*)h;
    try {
        reset_ports(d);
        d->m->reset = 1;
        for (int i = 0; i < cycles; i++) {
            d->m->clk = 0;
            eval(d);
            d->m->clk = 1;
            eval(d);
        }
        d->m->reset = 0;
        d->m->clk = 0;
        eval(d);
        d->cycle = 0;
        d->last_retire_cycle = 0;
        return 0;
    } catch (const Fatal& f) {
        std::snprintf(message, (size_t)message_size, "%s", f.message.c_str());
        return R_FATAL;
    }
}

TANDEM_API void tandem_set_stall_limit(void* h, uint64_t cycles) {
    ((Dut*)h)->stall_limit = cycles;
}

TANDEM_API void tandem_set_irq(void* h, uint32_t lines) {
    Dut* d = (Dut*)h;
    d->irq = lines;
    set_irq_ports(d, lines);
}

TANDEM_API void tandem_flip_rd_bit(void* h, int64_t retire_index, int32_t bit) {
    Dut* d = (Dut*)h;
    d->flip_index = retire_index;
    d->flip_bit = bit & 31;
}

TANDEM_API void tandem_mmio_respond(void* h, uint32_t data) {
    answer_mmio((Dut*)h, data);
}

TANDEM_API int32_t tandem_run(void* h, uint64_t max_cycles, void* records, int32_t max_records, void* status) {
    Dut* d = (Dut*)h;
    Record* out = (Record*)records;
    Status* st = (Status*)status;
    int32_t n = 0;
    int32_t reason = R_CYCLES;
    uint64_t end = d->cycle + max_cycles;
    try {
        while (d->cycle < end) {
            if (n >= max_records) {
                reason = R_BATCH_FULL;
                break;
            }
            int r = cycle(d, out, &n, st);
            if (r >= 0) {
                reason = r;
                break;
            }
            if (d->ctx->gotFinish()) {
                reason = R_FINISH;
                break;
            }
            if (d->cycle - d->last_retire_cycle > d->stall_limit) {
                reason = R_STALL;
                break;
            }
        }
    } catch (const Fatal& f) {
        set_message(st, f.message);
        reason = R_FATAL;
    }
    st->cycle = d->cycle;
    st->records = n;
    st->reason = reason;
    st->idle_cycles = d->cycle - d->last_retire_cycle;
    st->retires = d->retires;
    return reason;
}

TANDEM_API void tandem_registers(void* h, uint32_t* out) {
    read_regs((Dut*)h, out);
}

TANDEM_API uint64_t tandem_cycles(void* h) {
    return ((Dut*)h)->cycle;
}

TANDEM_API int32_t tandem_trace_open(void* h, const char* path, uint64_t from_cycle, uint64_t to_cycle) {
#ifdef TANDEM_TRACE
    Dut* d = (Dut*)h;
    d->vcd = new VerilatedVcdC();
    d->m->trace(d->vcd, 99);
    d->vcd->open(path);
    d->trace_from = from_cycle;
    d->trace_to = to_cycle;
    return d->vcd->isOpen() ? 1 : 0;
#else
    (void)h;
    (void)path;
    (void)from_cycle;
    (void)to_cycle;
    return 0;
#endif
}

TANDEM_API void tandem_destroy(void* h) {
    Dut* d = (Dut*)h;
#ifdef TANDEM_TRACE
    if (d->vcd) {
        d->vcd->close();
        delete d->vcd;
    }
#endif
    d->m->final();
    delete d->m;
    delete d->ctx;
    std::free(d->ram);
    delete d;
}
