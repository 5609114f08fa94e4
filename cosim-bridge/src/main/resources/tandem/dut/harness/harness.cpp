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

#include <cstdarg>
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

// A retire record waiting to be released in order.
struct Held {
    Record r;
    bool waiting;
    uint64_t since;
};

struct Response {
    uint64_t ready_at;
    uint32_t data;
    uint32_t tag;  // the fetch pc for instruction responses
};

// A data access seen on the bus: a write waiting for its store to retire, or an access outside RAM.
struct MemOp {
    uint32_t addr;
    uint32_t data;
    uint8_t size;
    bool write;
    bool mmio;
};

// AXI: one beat (read data or write response) with the cycle it may be sent.
struct AxiBeat {
    uint64_t ready_at;
    uint64_t data;
    uint32_t id;
    bool last;
    bool answered;  // false while Java has not supplied the data of an access outside RAM
    uint8_t resp = 0;  // AXI response: 0 OKAY, 3 DECERR (a fetch that decodes to no memory)
};

struct AxiAddr {
    uint32_t addr;
    uint32_t id;
};

struct AxiData {
    uint32_t data;
    uint32_t strb;
};

// An access outside RAM waiting for Java, and the beat its answer completes.
struct MmioWait {
    MemOp op;
    AxiBeat* beat;
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
    std::deque<Held> held;      // retires not yet released: a store waiting for its bus write
    std::deque<MemOp> writes;   // bus writes not yet matched to a retiring store
    uint64_t released = 0;      // records handed to Java so far
    uint32_t pending_interrupt = 0;  // xcause of an interrupt taken, for the next retire
    bool mmio_waiting = false;  // an access outside RAM was handed to Java and not answered yet
    bool mmio_answered = false; // Java answered; the bus driver may complete the access
    uint32_t mmio_data = 0;
    MemOp mmio_op{};
    uint64_t mmio_cycle = 0;
    uint32_t reset_vector = 0;
    int wb_iwait = -1;  // Wishbone: cycles before the next instruction-bus ACK, -1 when idle
    int wb_dwait = -1;
    std::deque<AxiBeat> axi_ir;    // AXI: instruction read beats to send
    std::deque<AxiBeat> axi_dr;    // AXI: data read beats to send
    std::deque<AxiAddr> axi_aw;    // AXI: write addresses waiting for their data
    std::deque<AxiData> axi_w;     // AXI: write data waiting for its address
    std::deque<AxiBeat> axi_b;     // AXI: write responses to send
    std::deque<MmioWait> backlog;  // accesses outside RAM still to hand to Java, in order
    int64_t flip_index = -1;
    int flip_bit = 0;
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

// Stores whose bus write has not appeared within this many cycles are released without it
// (a failed SC, or a write the bus driver could not attribute).
constexpr uint64_t WRITE_WAIT_LIMIT = 256;

// Whether a retiring instruction writes memory: stores, AMOs, and an SC that succeeded.
bool expects_write(uint32_t insn, uint32_t rd_data) {
    uint32_t opcode = insn & 0x7F;
    if (opcode == 0x23) {
        return true;
    }
    if (opcode == 0x2F) {
        uint32_t funct5 = insn >> 27;
        if (funct5 == 0x02) {
            return false;           // LR
        }
        if (funct5 == 0x03) {
            return rd_data == 0;    // SC writes only when it succeeds
        }
        return true;                // AMO
    }
    return false;
}

void attach(Record& r, const MemOp& op) {
    r.mem_addr = op.addr;
    r.mem_data = op.data;
    r.mem_size = op.size;
    r.flags |= (uint8_t)(F_MEM_WRITE | (op.mmio ? F_MMIO : 0));
}

// Moves records whose memory write is known (or overdue) to the batch, in order.
void release(Dut* d, Record* out, int32_t* n) {
    while (!d->held.empty()) {
        Held& h = d->held.front();
        if (h.waiting && d->cycle - h.since < WRITE_WAIT_LIMIT) {
            break;
        }
        out[(*n)++] = h.r;
        d->held.pop_front();
        d->released++;
    }
}

// A write seen on the data bus: completes the oldest store waiting for one, or waits for its
// store to retire (cores that write before retiring, like RiscvCore).
void on_bus_write(Dut* d, const MemOp& op) {
#ifdef TANDEM_PROBE_RVFI
    (void)d;
    (void)op;
    return;  // the probe reports writes itself
#endif
    for (Held& h : d->held) {
        if (h.waiting) {
            attach(h.r, op);
            h.waiting = false;
            return;
        }
    }
    d->writes.push_back(op);
}

// One retire seen by the probe; {@code write} is its memory write when the probe reports it,
// else the write is matched from the data bus.
void emit(Dut* d, uint32_t pc, uint32_t insn, bool rd_valid, uint32_t rd, uint32_t rd_data, uint8_t priv,
          const MemOp* write = nullptr) {
    Held h{};
    Record& r = h.r;
    r.cycle = d->cycle;
    r.pc = pc;
    r.insn = insn;
    r.priv = priv;
    if (rd_valid && rd != 0) {
        r.rd_addr = (uint8_t)rd;
        r.rd_wdata = rd_data;
        r.flags |= F_RD;
    }
    if (d->pending_interrupt != 0) {
        r.flags |= F_INTERRUPT;
        r.mem_data = d->pending_interrupt;  // interrupt records carry the xcause here
        d->pending_interrupt = 0;
    }
    if (write != nullptr) {
        attach(r, *write);
    } else if (expects_write(insn, r.rd_wdata)) {
        if (!d->writes.empty()) {
            attach(r, d->writes.front());
            d->writes.pop_front();
        } else {
            h.waiting = true;
            h.since = d->cycle;
        }
    }
    if ((int64_t)d->retires == d->flip_index && (r.flags & F_RD)) {
        r.rd_wdata ^= 1u << d->flip_bit;
    }
    d->retires++;
    d->last_retire_cycle = d->cycle;
    d->held.push_back(h);
}

// ---- retire probes -------------------------------------------------------------------------

#if defined(TANDEM_PROBE_RISCVCORE)
// RiscvCore's write-back stage. With the simple interrupt extension a trapping instruction
// also fires, with pcLoad valid: it is not a retire.
void probe(Dut* d) {
    if (TANDEM_SIG(writeBack_inInst_valid) && TANDEM_SIG(writeBack_inInst_ready)
            && !TANDEM_SIG(writeBack_pcLoad_valid)) {
        emit(d, TANDEM_SIG(writeBack_inInst_payload_pc), TANDEM_SIG(writeBack_inInst_payload_instruction),
             TANDEM_SIG(writeBack_regFileWrite_valid), TANDEM_SIG(writeBack_regFileWrite_payload_address),
             TANDEM_SIG(writeBack_regFileWrite_payload_data), 3);
    }
}

void read_regs(Dut* d, uint32_t* out) {
    for (int i = 0; i < 32; i++) {
        out[i] = i == 0 ? 0 : TANDEM_SIG(regFile)[i];
    }
}

bool in_wfi(Dut*) {
    return false;
}
#elif defined(TANDEM_PROBE_VEXRISCV)
// VexRiscv's last stage (the signals its own harness marks public). A trapping instruction
// never fires; an interrupt shows as interruptJump, and the next instruction to fire is the
// handler's first: it carries the interrupt.
void probe(Dut* d) {
    if (TANDEM_SIG(CsrPlugin_interruptJump)) {
        d->pending_interrupt = 0x80000000u | TANDEM_SIG(CsrPlugin_interrupt_code);
    }
    if (TANDEM_SIG(lastStageIsFiring)) {
        emit(d, TANDEM_SIG(lastStagePc), TANDEM_SIG(lastStageInstruction),
             TANDEM_SIG(lastStageRegFileWrite_valid), TANDEM_SIG(lastStageRegFileWrite_payload_address),
             TANDEM_SIG(lastStageRegFileWrite_payload_data), (uint8_t)TANDEM_SIG(CsrPlugin_privilege));
    }
}

void read_regs(Dut* d, uint32_t* out) {
    for (int i = 0; i < 32; i++) {
        out[i] = i == 0 ? 0 : TANDEM_SIG(RegFilePlugin_regFile)[i];
    }
}

bool in_wfi(Dut* d) {
    return TANDEM_SIG(CsrPlugin_inWfi);
}
#elif defined(TANDEM_PROBE_RVFI)
// The RVFI port (VexRiscv's FormalPlugin). A store's address, mask and data come from RVFI
// itself, so the data bus is not consulted. RVFI does not flag VexRiscv's interrupts: when the
// core has them, its interrupt jump and code are read as in the last-stage probe.
void probe(Dut* d) {
#ifdef TANDEM_HAS_INTERRUPT_JUMP
    if (TANDEM_SIG(CsrPlugin_interruptJump)) {
        d->pending_interrupt = 0x80000000u | TANDEM_SIG(CsrPlugin_interrupt_code);
    }
#endif
    if (TANDEM_SIG(rvfi_valid)) {
        uint32_t wmask = TANDEM_SIG(rvfi_mem_wmask) & 0xF;
        MemOp op{};
        if (wmask != 0) {
            uint32_t lane = (uint32_t)__builtin_ctz(wmask);
            op.size = (uint8_t)__builtin_popcount(wmask);
            op.addr = (TANDEM_SIG(rvfi_mem_addr) & ~3u) + lane;
            uint32_t mask = op.size == 4 ? 0xFFFFFFFFu : (1u << (8 * op.size)) - 1;
            op.data = (TANDEM_SIG(rvfi_mem_wdata) >> (8 * lane)) & mask;
            op.write = true;
            op.mmio = !in_ram(d, op.addr, op.size);
        }
        uint32_t rd = TANDEM_SIG(rvfi_rd_addr);
        emit(d, TANDEM_SIG(rvfi_pc_rdata), TANDEM_SIG(rvfi_insn), rd != 0, rd, TANDEM_SIG(rvfi_rd_wdata),
             (uint8_t)TANDEM_SIG(rvfi_mode), wmask != 0 ? &op : nullptr);
    }
}

void read_regs(Dut* d, uint32_t* out) {
    for (int i = 0; i < 32; i++) {
        out[i] = i == 0 ? 0 : TANDEM_SIG(RegFilePlugin_regFile)[i];
    }
}

bool in_wfi(Dut*) {
    return false;
}
#else
#error "tandem_glue.h selects no retire probe"
#endif

// ---- bus drivers ---------------------------------------------------------------------------
// Each driver provides reset_ports, cycle (one clock; returns a Reason to stop before or after
// it, or -1), answer_mmio (Java's answer to an access outside RAM) and set_irq_ports.

void set_irq_ports(Dut* d, uint32_t external, uint32_t mip) {
#ifdef TANDEM_HAS_IRQ_ARRAY
    d->m->externalInterruptArray = external;
#endif
#ifdef TANDEM_HAS_TIMER_IRQ
    d->m->timerInterrupt = (mip >> 7) & 1;
#endif
#ifdef TANDEM_HAS_SOFTWARE_IRQ
    d->m->softwareInterrupt = (mip >> 3) & 1;
#endif
#ifdef TANDEM_HAS_EXTERNAL_IRQ
    d->m->externalInterrupt = (mip >> 11) & 1;
#endif
    (void)d;
    (void)external;
    (void)mip;
}

void hold_mmio(Dut* d, Status* st, const MemOp& op) {
    d->mmio_op = op;
    d->mmio_cycle = d->cycle;
    d->mmio_waiting = true;
    st->mmio_addr = op.addr;
    st->mmio_wdata = op.data;
    st->mmio_size = op.size;
    st->mmio_write = op.write;
}

#if defined(TANDEM_BUS_RISCVCORE_NATIVE)
// SpinalHDL RiscvCore native buses. Instruction responses echo the fetch pc and may be held
// back by rsp_ready; data responses come at least two cycles after the command, in order
// (with one cycle the core drops them), shifted down to the addressed byte. An access
// outside RAM is handed to Java after the command's clock edge; its answer is queued with the
// normal latency counted from that edge, so the RTL sees no difference.
constexpr uint64_t DATA_MIN_LATENCY = 2;

void reset_ports(Dut* d) {
    d->m->io_i_cmd_ready = 0;
    d->m->io_i_rsp_valid = 0;
    d->m->io_d_cmd_ready = 0;
    d->m->io_d_rsp_valid = 0;
}

int cycle(Dut* d, Status* st) {
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
        op.size = (uint8_t)(1u << m->io_d_cmd_payload_size);
        op.write = m->io_d_cmd_payload_wr;
        op.data = m->io_d_cmd_payload_data & (op.size == 4 ? 0xFFFFFFFFu : (1u << (8 * op.size)) - 1);
    }
    probe(d);

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
                on_bus_write(d, op);
            } else {
                uint32_t word = ram_load(d, op.addr & ~3u, 4);
                push_in_order(d->drsp, Response{now + latency(d, DATA_MIN_LATENCY), word >> (8 * (op.addr & 3)), 0});
            }
        } else {
            op.mmio = true;
            hold_mmio(d, st, op);
            d->mmio_cycle = now;
            return R_MMIO;
        }
    }
    return -1;
}

void answer_mmio(Dut* d, uint32_t data) {
    if (d->mmio_op.write) {
        on_bus_write(d, d->mmio_op);
    } else {
        push_in_order(d->drsp, Response{d->mmio_cycle + latency(d, DATA_MIN_LATENCY), data, 0});
    }
    d->mmio_waiting = false;
}
#elif defined(TANDEM_BUS_WISHBONE)
// LiteX's VexRiscv: classic Wishbone on both buses (incrementing bursts for cache lines).
// Every beat is acknowledged after the wait states, with seeded refusals; an access outside
// RAM stops the run before the cycle that would acknowledge it and is redone with Java's
// answer, so the RTL sees it as a slower device.
void reset_ports(Dut* d) {
    TANDEM_TOP* m = d->m;
    m->iBusWishbone_ACK = 0;
    m->iBusWishbone_ERR = 0;
    m->dBusWishbone_ACK = 0;
    m->dBusWishbone_ERR = 0;
#ifdef TANDEM_HAS_RESET_VECTOR
    m->externalResetVector = d->reset_vector;
#endif
    set_irq_ports(d, 0, 0);
}

int cycle(Dut* d, Status* st) {
    TANDEM_TOP* m = d->m;
    m->clk = 0;
    bool dack = false;
    bool dwrite = false;
    MemOp wop{};
    m->dBusWishbone_ACK = 0;
    if (m->dBusWishbone_CYC && m->dBusWishbone_STB) {
        if (d->wb_dwait < 0) {
            d->wb_dwait = d->wait_states;
        }
        if (d->wb_dwait > 0) {
            d->wb_dwait--;
        } else if (d->mmio_answered || !refuse(d)) {
            uint32_t sel = m->dBusWishbone_SEL & 0xF;
            if (sel == 0) {
                sel = 0xF;
            }
            uint32_t lane = (uint32_t)__builtin_ctz(sel);
            uint8_t size = (uint8_t)__builtin_popcount(sel);
            uint32_t a = (uint32_t)m->dBusWishbone_ADR << 2;
            bool we = m->dBusWishbone_WE;
            uint32_t mask = size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
            if (in_ram(d, a, 4)) {
                if (we) {
                    uint32_t data = m->dBusWishbone_DAT_MOSI;
                    for (int b = 0; b < 4; b++) {
                        if ((sel >> b) & 1) {
                            d->ram[a - d->ram_base + b] = (uint8_t)(data >> (8 * b));
                        }
                    }
                    wop = MemOp{a + lane, (data >> (8 * lane)) & mask, size, true, false};
                    dwrite = true;
                } else {
                    m->dBusWishbone_DAT_MISO = ram_load(d, a, 4);
                }
                m->dBusWishbone_ACK = 1;
                dack = true;
            } else if (d->mmio_answered) {
                if (we) {
                    wop = d->mmio_op;
                    dwrite = true;
                } else {
                    m->dBusWishbone_DAT_MISO = d->mmio_data << (8 * lane);
                }
                d->mmio_answered = false;
                m->dBusWishbone_ACK = 1;
                dack = true;
            } else {
                hold_mmio(d, st, MemOp{a + lane, we ? (m->dBusWishbone_DAT_MOSI >> (8 * lane)) & mask : 0, size, we, true});
                return R_MMIO;
            }
        }
    }
    bool iack = false;
    m->iBusWishbone_ACK = 0;
    if (m->iBusWishbone_CYC && m->iBusWishbone_STB) {
        if (d->wb_iwait < 0) {
            d->wb_iwait = d->wait_states;
        }
        if (d->wb_iwait > 0) {
            d->wb_iwait--;
        } else if (!refuse(d)) {
            uint32_t a = (uint32_t)m->iBusWishbone_ADR << 2;
            if (!in_ram(d, a, 4)) {
                st->mmio_addr = a;
                return R_FETCH_FAULT;
            }
            m->iBusWishbone_DAT_MISO = ram_load(d, a, 4);
            m->iBusWishbone_ACK = 1;
            iack = true;
        }
    }
    eval(d);
    probe(d);
    m->clk = 1;
    eval(d);
    d->cycle++;
    if (iack) {
        d->wb_iwait = -1;
    }
    if (dack) {
        d->wb_dwait = -1;
        if (dwrite) {
            on_bus_write(d, wop);
        }
    }
    return -1;
}

void answer_mmio(Dut* d, uint32_t data) {
    d->mmio_data = data;
    d->mmio_answered = true;
    d->mmio_waiting = false;
}
#elif defined(TANDEM_BUS_VEXRISCV_SIMPLE)
// VexRiscv's IBusSimplePlugin / DBusSimplePlugin buses: cmd/rsp streams, responses in order at
// least a cycle after the command and never held back; the instruction response is the word
// at the fetch pc; a data read answers the whole aligned word (the plugin selects the bytes),
// a store's data comes replicated across the lanes and gets no response.
void reset_ports(Dut* d) {
    TANDEM_TOP* m = d->m;
    m->iBus_cmd_ready = 0;
    m->iBus_rsp_valid = 0;
    m->iBus_rsp_payload_error = 0;
    m->dBus_cmd_ready = 0;
    m->dBus_rsp_ready = 0;
    m->dBus_rsp_error = 0;
#ifdef TANDEM_HAS_RESET_VECTOR
    m->externalResetVector = d->reset_vector;
#endif
    set_irq_ports(d, 0, 0);
}

int cycle(Dut* d, Status* st) {
    TANDEM_TOP* m = d->m;
    m->clk = 0;
    bool irsp_valid = !d->irsp.empty() && d->irsp.front().ready_at <= d->cycle;
    m->iBus_rsp_valid = irsp_valid;
    if (irsp_valid) {
        m->iBus_rsp_payload_inst = d->irsp.front().data;
    }
    bool drsp_valid = !d->drsp.empty() && d->drsp.front().ready_at <= d->cycle;
    m->dBus_rsp_ready = drsp_valid;
    if (drsp_valid) {
        m->dBus_rsp_data = d->drsp.front().data;
    }
    m->iBus_cmd_ready = !refuse(d);
    m->dBus_cmd_ready = !d->mmio_waiting && !refuse(d);
    eval(d);

    bool ifire = m->iBus_cmd_valid && m->iBus_cmd_ready;
    uint32_t ipc = m->iBus_cmd_payload_pc;
    bool dfire = m->dBus_cmd_valid && m->dBus_cmd_ready;
    MemOp op{};
    if (dfire) {
        op.addr = m->dBus_cmd_payload_address;
        op.size = (uint8_t)(1u << m->dBus_cmd_payload_size);
        op.write = m->dBus_cmd_payload_wr;
        uint32_t mask = op.size == 4 ? 0xFFFFFFFFu : (1u << (8 * op.size)) - 1;
        op.data = ((uint32_t)m->dBus_cmd_payload_data >> (8 * (op.addr & 3))) & mask;
    }
    probe(d);

    m->clk = 1;
    eval(d);

    if (irsp_valid) {
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
                on_bus_write(d, op);
            } else {
                push_in_order(d->drsp, Response{now + latency(d, 1), ram_load(d, op.addr & ~3u, 4), 0});
            }
        } else {
            op.mmio = true;
            hold_mmio(d, st, op);
            d->mmio_cycle = now;
            return R_MMIO;
        }
    }
    return -1;
}

void answer_mmio(Dut* d, uint32_t data) {
    if (d->mmio_op.write) {
        on_bus_write(d, d->mmio_op);
    } else {
        push_in_order(d->drsp, Response{d->mmio_cycle + latency(d, 1), data << (8 * (d->mmio_op.addr & 3)), 0});
    }
    d->mmio_waiting = false;
}
#elif defined(TANDEM_BUS_VEXRISCV_CACHED)
// VexRiscv's IBusCachedPlugin / DBusCachedPlugin memory buses: a read command asks for 2^size
// bytes (a cache line, or one word when uncached) and is answered by that many 32-bit beats in
// order, the data bus marking the last; writes (write-through, one per command, byte mask) get
// no response. Reads outside RAM are answered by Java beat by beat before the next cycle.
void reset_ports(Dut* d) {
    TANDEM_TOP* m = d->m;
    m->iBus_cmd_ready = 0;
    m->iBus_rsp_valid = 0;
    m->iBus_rsp_payload_error = 0;
    m->dBus_cmd_ready = 0;
    m->dBus_rsp_valid = 0;
    m->dBus_rsp_payload_error = 0;
    m->dBus_rsp_payload_last = 0;
#ifdef TANDEM_HAS_RESET_VECTOR
    m->externalResetVector = d->reset_vector;
#endif
    set_irq_ports(d, 0, 0);
}

bool beat_ready(const std::deque<AxiBeat>& q, uint64_t now) {
    return !q.empty() && q.front().ready_at <= now && q.front().answered;
}

void push_beat(std::deque<AxiBeat>& q, AxiBeat b) {
    if (!q.empty() && b.ready_at <= q.back().ready_at) {
        b.ready_at = q.back().ready_at + 1;
    }
    q.push_back(b);
}

int cycle(Dut* d, Status* st) {
    TANDEM_TOP* m = d->m;
    uint64_t now = d->cycle;
    m->clk = 0;
    bool ir_valid = beat_ready(d->axi_ir, now);
    m->iBus_rsp_valid = ir_valid;
    if (ir_valid) {
        m->iBus_rsp_payload_data = (uint32_t)d->axi_ir.front().data;
    }
    bool dr_valid = beat_ready(d->axi_dr, now);
    m->dBus_rsp_valid = dr_valid;
    if (dr_valid) {
        m->dBus_rsp_payload_data = (uint32_t)d->axi_dr.front().data;
        m->dBus_rsp_payload_last = d->axi_dr.front().last;
    }
    m->iBus_cmd_ready = !refuse(d);
    m->dBus_cmd_ready = !refuse(d);
    eval(d);

    bool ifire = m->iBus_cmd_valid && m->iBus_cmd_ready;
    uint32_t iaddr = m->iBus_cmd_payload_address;
    uint32_t isize = m->iBus_cmd_payload_size;
    bool dfire = m->dBus_cmd_valid && m->dBus_cmd_ready;
    bool dwr = m->dBus_cmd_payload_wr;
    uint32_t daddr = m->dBus_cmd_payload_address;
    uint32_t ddata = m->dBus_cmd_payload_data;
    uint32_t dmask = m->dBus_cmd_payload_mask & 0xF;
    uint32_t dsize = m->dBus_cmd_payload_size;
    probe(d);

    m->clk = 1;
    eval(d);
    d->cycle++;

    if (ir_valid) {
        d->axi_ir.pop_front();
    }
    if (dr_valid) {
        d->axi_dr.pop_front();
    }
    if (ifire) {
        uint32_t beats = (1u << isize) / 4;
        for (uint32_t k = 0; k < (beats == 0 ? 1 : beats); k++) {
            uint32_t a = (iaddr & ~3u) + 4 * k;
            if (!in_ram(d, a, 4)) {
                st->mmio_addr = a;
                return R_FETCH_FAULT;
            }
            push_beat(d->axi_ir, AxiBeat{now + latency(d, 1) + k, ram_load(d, a, 4), 0, k + 1 == beats, true});
        }
    }
    if (dfire && dwr) {
        uint32_t mask = dmask == 0 ? 0xF : dmask;
        uint32_t lane = (uint32_t)__builtin_ctz(mask);
        uint8_t size = (uint8_t)__builtin_popcount(mask);
        uint32_t bits = size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
        uint32_t word = daddr & ~3u;
        MemOp op{word + lane, (ddata >> (8 * lane)) & bits, size, true, false};
        if (in_ram(d, word, 4)) {
            for (int b = 0; b < 4; b++) {
                if ((mask >> b) & 1) {
                    d->ram[word - d->ram_base + b] = (uint8_t)(ddata >> (8 * b));
                }
            }
            on_bus_write(d, op);
        } else {
            op.mmio = true;
            d->backlog.push_back(MmioWait{op, nullptr});
        }
    } else if (dfire) {
        uint32_t beats = (1u << dsize) / 4;
        if (beats == 0) {
            beats = 1;
        }
        for (uint32_t k = 0; k < beats; k++) {
            uint32_t a = (daddr & ~3u) + 4 * k;
            bool ram = in_ram(d, a, 4);
            push_beat(d->axi_dr, AxiBeat{now + latency(d, 1) + k, ram ? ram_load(d, a, 4) : 0, 0, k + 1 == beats, ram});
            if (!ram) {
                // an uncached byte or halfword read goes to the device at its own size
                MemOp op = beats == 1 && dsize < 2 ? MemOp{daddr, 0, (uint8_t)(1u << dsize), false, true}
                                                   : MemOp{a, 0, 4, false, true};
                d->backlog.push_back(MmioWait{op, &d->axi_dr.back()});
            }
        }
    }
    return -1;
}

void answer_mmio(Dut* d, uint32_t data) {
    MmioWait w = d->backlog.front();
    d->backlog.pop_front();
    if (w.op.write) {
        on_bus_write(d, w.op);
    } else {
        w.beat->data = data << (8 * (w.op.addr & 3));
        w.beat->answered = true;
    }
    d->mmio_waiting = false;
}
#elif defined(TANDEM_BUS_AXI4)
// VexRiscvAxi4 as in the Baochip-1x SoC: a 64-bit instruction AXI4 (incrementing line bursts,
// r_ready tied high) and a 32-bit data AXI4 (word reads, single or line refills; posted
// single-beat writes whose W may come with or after AW; B responses). Handshakes are sampled
// before the clock edge. Beats outside RAM are handed to Java one by one before the next
// cycle; their read beat or write response waits for the answer.
void reset_ports(Dut* d) {
    TANDEM_TOP* m = d->m;
    m->iBusAxi_ar_ready = 0;
    m->iBusAxi_r_valid = 0;
    m->dBusAxi_aw_ready = 0;
    m->dBusAxi_w_ready = 0;
    m->dBusAxi_b_valid = 0;
    m->dBusAxi_ar_ready = 0;
    m->dBusAxi_r_valid = 0;
#ifdef TANDEM_HAS_RESET_VECTOR
    m->externalResetVector = d->reset_vector;
#endif
    set_irq_ports(d, 0, 0);
}

bool beat_ready(const std::deque<AxiBeat>& q, uint64_t now) {
    return !q.empty() && q.front().ready_at <= now && q.front().answered;
}

void push_beat(std::deque<AxiBeat>& q, AxiBeat b) {
    if (!q.empty() && b.ready_at <= q.back().ready_at) {
        b.ready_at = q.back().ready_at + 1;
    }
    q.push_back(b);
}

int cycle(Dut* d, Status* st) {
    TANDEM_TOP* m = d->m;
    uint64_t now = d->cycle;
    m->clk = 0;
    bool ir_valid = beat_ready(d->axi_ir, now);
    m->iBusAxi_r_valid = ir_valid;
    if (ir_valid) {
        m->iBusAxi_r_payload_data = d->axi_ir.front().data;
        m->iBusAxi_r_payload_id = d->axi_ir.front().id;
        m->iBusAxi_r_payload_resp = d->axi_ir.front().resp;
        m->iBusAxi_r_payload_last = d->axi_ir.front().last;
    }
    bool dr_valid = beat_ready(d->axi_dr, now);
    m->dBusAxi_r_valid = dr_valid;
    if (dr_valid) {
        m->dBusAxi_r_payload_data = (uint32_t)d->axi_dr.front().data;
        m->dBusAxi_r_payload_id = d->axi_dr.front().id;
        m->dBusAxi_r_payload_resp = 0;
        m->dBusAxi_r_payload_last = d->axi_dr.front().last;
    }
    bool b_valid = beat_ready(d->axi_b, now);
    m->dBusAxi_b_valid = b_valid;
    if (b_valid) {
        m->dBusAxi_b_payload_id = d->axi_b.front().id;
        m->dBusAxi_b_payload_resp = 0;
    }
    m->iBusAxi_ar_ready = !refuse(d);
    m->dBusAxi_ar_ready = !refuse(d);
    m->dBusAxi_aw_ready = !refuse(d);
    m->dBusAxi_w_ready = !refuse(d);
    eval(d);

    bool iar = m->iBusAxi_ar_valid && m->iBusAxi_ar_ready;
    uint32_t iar_addr = m->iBusAxi_ar_payload_addr;
    uint32_t iar_len = m->iBusAxi_ar_payload_len;
    uint32_t iar_id = m->iBusAxi_ar_payload_id;
    bool ir_fire = ir_valid && m->iBusAxi_r_ready;
    bool dar = m->dBusAxi_ar_valid && m->dBusAxi_ar_ready;
    uint32_t dar_addr = m->dBusAxi_ar_payload_addr;
    uint32_t dar_len = m->dBusAxi_ar_payload_len;
    uint32_t dar_id = m->dBusAxi_ar_payload_id;
    bool dr_fire = dr_valid && m->dBusAxi_r_ready;
    bool aw = m->dBusAxi_aw_valid && m->dBusAxi_aw_ready;
    AxiAddr aw_req{(uint32_t)m->dBusAxi_aw_payload_addr, (uint32_t)m->dBusAxi_aw_payload_id};
    bool w = m->dBusAxi_w_valid && m->dBusAxi_w_ready;
    AxiData w_req{(uint32_t)m->dBusAxi_w_payload_data, (uint32_t)(m->dBusAxi_w_payload_strb & 0xF)};
    bool b_fire = b_valid && m->dBusAxi_b_ready;
    probe(d);

    m->clk = 1;
    eval(d);
    d->cycle++;

    if (ir_fire) {
        d->axi_ir.pop_front();
    }
    if (dr_fire) {
        d->axi_dr.pop_front();
    }
    if (b_fire) {
        d->axi_b.pop_front();
    }
    if (iar) {
        // A line outside RAM decodes to nothing: DECERR on every beat, as the SoC's interconnect
        // answers, and the core raises an instruction access fault (C.JR x0 lands here).
        for (uint32_t k = 0; k <= iar_len; k++) {
            uint32_t a = (iar_addr & ~7u) + 8 * k;
            uint64_t v = 0;
            bool ram = in_ram(d, a, 8);
            if (ram) {
                std::memcpy(&v, &d->ram[a - d->ram_base], 8);
            }
            push_beat(d->axi_ir, AxiBeat{now + latency(d, 1) + k, v, iar_id, k == iar_len, true, (uint8_t)(ram ? 0 : 3)});
        }
    }
    if (dar) {
        for (uint32_t k = 0; k <= dar_len; k++) {
            uint32_t a = (dar_addr & ~3u) + 4 * k;
            bool ram = in_ram(d, a, 4);
            push_beat(d->axi_dr, AxiBeat{now + latency(d, 1) + k, ram ? ram_load(d, a, 4) : 0, dar_id, k == dar_len, ram});
            if (!ram) {
                d->backlog.push_back(MmioWait{MemOp{a, 0, 4, false, true}, &d->axi_dr.back()});
            }
        }
    }
    if (aw) {
        d->axi_aw.push_back(aw_req);
    }
    if (w) {
        d->axi_w.push_back(w_req);
    }
    while (!d->axi_aw.empty() && !d->axi_w.empty()) {
        AxiAddr wa = d->axi_aw.front();
        AxiData wd = d->axi_w.front();
        d->axi_aw.pop_front();
        d->axi_w.pop_front();
        uint32_t strb = wd.strb == 0 ? 0xF : wd.strb;
        uint32_t lane = (uint32_t)__builtin_ctz(strb);
        uint8_t size = (uint8_t)__builtin_popcount(strb);
        uint32_t mask = size == 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
        uint32_t word = wa.addr & ~3u;
        MemOp op{word + lane, (wd.data >> (8 * lane)) & mask, size, true, false};
        if (in_ram(d, word, 4)) {
            for (int b = 0; b < 4; b++) {
                if ((strb >> b) & 1) {
                    d->ram[word - d->ram_base + b] = (uint8_t)(wd.data >> (8 * b));
                }
            }
            on_bus_write(d, op);
            push_beat(d->axi_b, AxiBeat{now + latency(d, 1), 0, wa.id, true, true});
        } else {
            op.mmio = true;
            push_beat(d->axi_b, AxiBeat{now + latency(d, 1), 0, wa.id, true, false});
            d->backlog.push_back(MmioWait{op, &d->axi_b.back()});
        }
    }
    return -1;
}

void answer_mmio(Dut* d, uint32_t data) {
    MmioWait w = d->backlog.front();
    d->backlog.pop_front();
    if (w.op.write) {
        on_bus_write(d, w.op);
    } else {
        w.beat->data = data;
    }
    w.beat->answered = true;
    d->mmio_waiting = false;
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

// The last error line the model printed ($error, $fatal, a failed assertion print
// "%Error: file:line: Assertion failed in ..." before they stop), without its "[time] ".
static std::string last_rtl_error;

// Every printf of the model (VL_PRINTF, see tandem_rtl_printf.h): echoed to standard output, and
// error lines kept, so a stop names what failed and not only where.
extern "C" int tandem_vl_printf(const char* format, ...) {
    va_list ap;
    va_start(ap, format);
    char small[512];
    int n = std::vsnprintf(small, sizeof small, format, ap);
    va_end(ap);
    std::string text;
    if (n >= (int)sizeof small) {
        std::vector<char> big((size_t)n + 1);
        va_start(ap, format);
        std::vsnprintf(big.data(), big.size(), format, ap);
        va_end(ap);
        text.assign(big.data(), (size_t)n);
    } else if (n > 0) {
        text.assign(small, (size_t)n);
    }
    std::fputs(text.c_str(), stdout);
    size_t at = text.find("%Error: ");
    if (at != std::string::npos) {
        size_t end = text.find('\n', at);
        std::string line = text.substr(at + 8, end == std::string::npos ? std::string::npos : end - at - 8);
        // the stop names the file and line already: drop the message's own "file:line: "
        size_t colon = line.find(':');
        size_t digits = colon == std::string::npos ? 0 : line.find_first_not_of("0123456789", colon + 1);
        if (colon != std::string::npos && line.find(' ') > colon && digits > colon + 1
                && line.compare(digits, 2, ": ") == 0) {
            line = line.substr(digits + 2);
        }
        last_rtl_error = line;
    }
    return n;
}

static std::string stop_message(const char* filename, int linenum, const char* what) {
    std::string m = std::string(filename ? filename : "?") + ":" + std::to_string(linenum) + ": ";
    m += last_rtl_error.empty() ? std::string(what) : last_rtl_error;
    last_rtl_error.clear();
    return m;
}

void vl_stop(const char* filename, int linenum, const char*) VL_MT_UNSAFE {
    throw Fatal{stop_message(filename, linenum, "Verilog $stop")};
}

void vl_fatal(const char* filename, int linenum, const char*, const char* msg) VL_MT_UNSAFE {
    if (msg && *msg) {
        last_rtl_error.clear();
        throw Fatal{std::string(filename ? filename : "?") + ":" + std::to_string(linenum) + ": " + msg};
    }
    throw Fatal{stop_message(filename, linenum, "Verilog $fatal")};
}

// ---- the C ABI ----------------------------------------------------------------------------

TANDEM_API void* tandem_create(uint32_t ram_base, uint32_t ram_size, uint32_t reset_vector, uint64_t seed,
                               int32_t wait_states, int32_t backpressure_percent) {
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
    d->reset_vector = reset_vector;
    d->rng.s = seed * 0x9E3779B97F4A7C15ULL + 0x1234567ULL;
    if (d->rng.s == 0) {
        d->rng.s = 1;
    }
    d->wait_states = wait_states < 0 ? 0 : wait_states;
    d->backpressure = backpressure_percent < 0 ? 0 : (backpressure_percent > 90 ? 90 : backpressure_percent);
    return d;
}

// X-check builds (--x-initial unique --x-assign unique) draw uninitialised state and X
// assignments from the context's random generator when the model is constructed; the same
// as +verilator+rand+reset+2 +verilator+seed+N on a Verilator command line. Rebuilds the model
// (before reset) with those values drawn from seed, or all zeros for seed 0.
TANDEM_API void tandem_x_seed(void* h, int32_t seed) {
    Dut* d = (Dut*)h;
    delete d->m;
    d->ctx->randReset(seed == 0 ? 0 : 2);
    if (seed != 0) {
        d->ctx->randSeed(seed);
    }
    d->m = new TANDEM_TOP(d->ctx, "TOP");
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

TANDEM_API void tandem_set_irq(void* h, uint32_t external, uint32_t mip) {
    set_irq_ports((Dut*)h, external, mip);
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
            if (!d->backlog.empty()) {
                hold_mmio(d, st, d->backlog.front().op);
                reason = R_MMIO;
                break;
            }
            // a cycle adds at most one retire, and releasing held ones never outgrows them
            if (n + (int32_t)d->held.size() + 1 >= max_records) {
                reason = R_BATCH_FULL;
                break;
            }
            int r = cycle(d, st);
            release(d, out, &n);
            if (r >= 0) {
                reason = r;
                break;
            }
            if (d->ctx->gotFinish()) {
                reason = R_FINISH;
                break;
            }
            if (d->cycle - d->last_retire_cycle > d->stall_limit && !in_wfi(d)) {
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
    st->retires = d->released;
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
