/*
 * xabi "driver" process: runs the scenario table xabi_scenario[] (patched into this ELF by the
 * image builder; the default below is the full self-test) and reports each outcome as a CHECK
 * line through the log server. Operation codes are listed in scenario.h and the module README.
 */
#include "libxabi.h"
#include "scenario.h"

struct step xabi_scenario[SCENARIO_STEPS] __attribute__((used)) = {
    {OP_SCALAR, 0x10, 0, 0},
    {OP_BLOCKING_SCALAR, 1, 0, 0},
    {OP_BLOCKING_SCALAR, 2, 0, 0},
    {OP_BLOCKING_SCALAR, 5, 0, 0},
    {OP_BORROW, 0x21, 2, 0},
    {OP_MUTABLE_BORROW, 0x22, 1, 0},
    {OP_MOVE, 0x23, 1, 0},
    {OP_UNALIGNED, MSG_BORROW, 0, 0},
    {OP_UNALIGNED, MSG_MOVE, 0, 0},
    {OP_CONNECT_UNKNOWN, 0, 0, 0},
    {OP_QUEUE_FULL, 0, 0, 0},
    {OP_HANDLED_FAULT, 0x30000000, 0, 0},
    {OP_HANDLED_FAULT, 0x30001000, 1, 0},
    {OP_LENT_ACCESS, 0x24, 0, 0},
    {OP_HEAP_TOUCH, 2, 0, 0},
    {OP_MAP_TOUCH, 2, 0, 0},
    {OP_SPIN, 0, 0, 0},
    {OP_VICTIM, 1, 0, 0},
    {OP_ALIVE, 0, 0, 0},
    {OP_END, 0, 0, 0},
};

static u32 echo, heap_next, heap_end;
static u8 handler_stack[2048] __attribute__((aligned(16)));
static u8 toucher_stack[2048] __attribute__((aligned(16)));

/* Exception-handler state, shared with the handler context. */
static volatile u32 h_count, h_type, h_addr, h_wait_for_return, lend_done;
static volatile u32 toucher_done, toucher_value;

static void handler(u32 type, u32 pc, u32 addr) {
    (void)pc;
    h_count++;
    h_type = type;
    h_addr = addr;
    if (h_wait_for_return) {
        while (!lend_done) yield();
    } else {
        map_memory(0, addr & ~0xFFFu, 4096, MEMF_R | MEMF_W);
    }
}

static u32 buffer(u32 pages) {
    while (heap_next + pages * 4096 > heap_end) {
        struct result r = xcall(SYS_INCREASE_HEAP, 16 * 4096, MEMF_R | MEMF_W, 0, 0, 0, 0, 0);
        if (r.a[0] != RES_MEMORY_RANGE) return 0;
        heap_end = r.a[1] + r.a[2];
    }
    u32 b = heap_next;
    heap_next += pages * 4096;
    return b;
}

static void fill(u32 b, u32 len, u32 id) {
    for (u32 i = 0; i < len; i++) ((volatile u8 *)b)[i] = (u8)(id * 7 + i);
}

static void scalar_args(u32 id, u32 *a) {
    for (int k = 0; k < 4; k++) a[k] = id * 16 + (u32)k + 1;
}

static void op_blocking_scalar(u32 id) {
    u32 a[4];
    scalar_args(id, a);
    struct result r = send(echo, MSG_BLOCKING_SCALAR, id, a[0], a[1], a[2], a[3]);
    int ok;
    if (id == 2) ok = r.a[0] == RES_SCALAR2 && r.a[1] == a[0] + a[1] && r.a[2] == (a[2] ^ a[3]);
    else if (id == 5) ok = r.a[0] == RES_SCALAR5 && r.a[1] == a[0] + 1 && r.a[4] == a[3] + 1 && r.a[5] == 5;
    else ok = r.a[0] == RES_SCALAR1 && r.a[1] == a[0] + a[1] + a[2] + a[3];
    check(ok, "ipc.blocking-scalar.reply", "id=%d tag=%d a1=%x", id, r.a[0], r.a[1]);
}

static void op_lend(u32 kind, u32 id, u32 pages) {
    u32 len = pages * 4096, b = buffer(pages);
    fill(b, len, id);
    struct result r = send(echo, kind, id, b, len, 0x10, len - 1);
    if (kind == MSG_MOVE) {
        check(r.a[0] == RES_OK, "ipc.move.sent", "va=%08x tag=%d", b, r.a[0]);
        u32 before = h_count;
        h_wait_for_return = 0;
        u32 v = *(volatile u32 *)b; /* the page left with the message: must fault, handler maps a fresh one */
        check(h_count == before + 1 && h_type == EXC_LOAD_PAGE_FAULT && h_addr == b && v == 0,
              "ipc.move.sender-loses-page", "va=%08x faults=%d type=%d addr=%08x value=%x", b, h_count - before,
              h_type, h_addr, v);
        return;
    }
    const char *name = kind == MSG_BORROW ? "ipc.borrow.returned" : "ipc.mutable-borrow.returned";
    check(r.a[0] == RES_MEMORY_RETURNED && r.a[1] == 0x10 && r.a[2] == len - 1, name,
          "va=%08x tag=%d offset=%x valid=%x", b, r.a[0], r.a[1], r.a[2]);
    int intact = 1;
    for (u32 i = 0; i < len; i++) {
        u8 want = kind == MSG_BORROW ? (u8)(id * 7 + i) : (u8)(id * 13 + i);
        if (((volatile u8 *)b)[i] != want) { intact = 0; break; }
    }
    check(intact, kind == MSG_BORROW ? "ipc.borrow.buffer-unchanged" : "ipc.mutable-borrow.writes-visible",
          "va=%08x len=%x", b, len);
}

static void op_unaligned(u32 kind) {
    u32 b = buffer(2);
    fill(b, 8192, 1);
    struct result r = send(echo, kind, 0x30, b + 0x800, 4096, 0, 0);
    u32 want = kind == MSG_MOVE ? ERR_BAD_ADDRESS : ERR_BAD_ALIGNMENT;
    check(r.a[0] == RES_ERROR && r.a[1] == want, "ipc.unaligned-rejected", "kind=%d va=%08x error=%d", kind,
          b + 0x800, r.a[1]);
}

static void op_connect_unknown(void) {
    u32 s[4];
    sid_of("xabi-nobody-here", s);
    struct result r = xcall(SYS_TRY_CONNECT, s[0], s[1], s[2], s[3], 0, 0, 0);
    check(r.a[0] == RES_ERROR && r.a[1] == ERR_SERVER_NOT_FOUND, "ipc.connect-unknown", "tag=%d error=%d", r.a[0],
          r.a[1]);
}

static void op_queue_full(void) {
    struct result c = xcall(SYS_CREATE_SERVER, 0, 0, 0, 0, 0, 0, 0);
    if (!check(c.a[0] == RES_NEW_SERVER_ID, "ipc.create-server", "tag=%d cid=%d", c.a[0], c.a[5])) return;
    u32 sent = 0;
    struct result r;
    for (;;) {
        r = xcall(SYS_TRY_SEND_MESSAGE, c.a[5], MSG_SCALAR, 1, 0, 0, 0, 0);
        if (r.a[0] != RES_OK || sent > 64) break;
        sent++;
    }
    check(r.a[0] == RES_ERROR && r.a[1] == ERR_SERVER_QUEUE_FULL, "ipc.queue-full", "accepted=%d error=%d", sent,
          r.a[1]);
}

static void op_handled_fault(u32 addr, u32 store) {
    u32 before = h_count;
    h_wait_for_return = 0;
    u32 v = 0;
    if (store) *(volatile u32 *)addr = 0x1234;
    else v = *(volatile u32 *)addr;
    u32 want = store ? EXC_STORE_PAGE_FAULT : EXC_LOAD_PAGE_FAULT;
    check(h_count == before + 1 && h_type == want && h_addr == addr && v == 0, "fault.handler-called",
          "addr=%08x type=%d calls=%d", addr, h_type, h_count - before);
}

static void toucher(u32 addr) {
    toucher_value = *(volatile u8 *)addr;
    toucher_done = 1;
}

static void op_lent_access(u32 id) {
    u32 b = buffer(1);
    fill(b, 4096, id);
    u32 before = h_count;
    h_wait_for_return = 1;
    lend_done = 0;
    toucher_done = 0;
    struct result t = xcall(SYS_CREATE_THREAD, (u32)toucher, (u32)toucher_stack, sizeof toucher_stack, b, 0, 0, 0);
    struct result r = send(echo, MSG_BORROW, id | 0x100, b, 4096, 0, 0);
    lend_done = 1;
    while (!toucher_done) yield();
    check(t.a[0] == RES_THREAD_ID && h_count == before + 1 && h_type == EXC_LOAD_PAGE_FAULT && h_addr == b,
          "ipc.borrow.lender-faults-while-lent", "va=%08x type=%d addr=%08x", b, h_type, h_addr);
    check(r.a[0] == RES_MEMORY_RETURNED && toucher_value == (u8)(id * 7), "ipc.return.lender-access-restored",
          "va=%08x value=%x", b, toucher_value);
    h_wait_for_return = 0;
}

static void op_heap_touch(u32 pages) {
    struct result r = xcall(SYS_INCREASE_HEAP, pages * 4096, MEMF_R | MEMF_W, 0, 0, 0, 0, 0);
    if (!check(r.a[0] == RES_MEMORY_RANGE, "mm.increase-heap", "tag=%d va=%08x len=%x", r.a[0], r.a[1], r.a[2]))
        return;
    heap_end = r.a[1] + r.a[2];
    heap_next = heap_end;
    int ok = 1;
    for (u32 p = 0; p < pages; p++) {
        volatile u32 *w = (volatile u32 *)(r.a[1] + p * 4096);
        if (*w != 0) ok = 0;
        *w = p + 1;
        if (*w != p + 1) ok = 0;
    }
    check(ok, "mm.heap-demand-paged", "va=%08x pages=%d", r.a[1], pages);
}

static void op_map_touch(u32 pages) {
    struct result r = map_memory(0, 0, pages * 4096, MEMF_R | MEMF_W);
    if (!check(r.a[0] == RES_MEMORY_RANGE, "mm.map-memory", "tag=%d va=%08x", r.a[0], r.a[1])) return;
    int ok = 1;
    for (u32 p = 0; p < pages; p++) {
        volatile u32 *w = (volatile u32 *)(r.a[1] + p * 4096 + 4092);
        if (*w != 0) ok = 0;
        *w = 0xC0DE0000 + p;
    }
    check(ok, "mm.map-memory-demand-paged", "va=%08x pages=%d", r.a[1], pages);
    struct result u = xcall(SYS_UNMAP_MEMORY, r.a[1], pages * 4096, 0, 0, 0, 0, 0);
    check(u.a[0] == RES_OK, "mm.unmap-memory", "va=%08x tag=%d", r.a[1], u.a[0]);
}

static void op_spin(void) {
    u32 cid = connect_to(SPIN_SERVER);
    struct result r = send(cid, MSG_BLOCKING_SCALAR, 1, 0, 0, 0, 0);
    check(r.a[0] == RES_SCALAR1 && r.a[1] >= 12, "sched.spinner-reply", "ms=%d", r.a[1]);
}

static void op_victim(u32 kind) {
    u32 cid = connect_to(VICTIM_SERVER);
    send(cid, MSG_SCALAR, kind, 0, 0, 0, 0);
    struct result r = send(cid, MSG_BLOCKING_SCALAR, 0, 0, 0, 0, 0);
    check(r.a[0] == RES_ERROR, "fault.victim-terminated", "kind=%d tag=%d error=%d", kind, r.a[0], r.a[1]);
}

static void op_alive(void) {
    u32 a[4];
    scalar_args(1, a);
    struct result r = send(echo, MSG_BLOCKING_SCALAR, 1, a[0], a[1], a[2], a[3]);
    check(r.a[0] == RES_SCALAR1 && r.a[1] == a[0] + a[1] + a[2] + a[3], "fault.others-continue", "tag=%d",
          r.a[0]);
}

int main(void) {
    log_line("XABI DRIVER: scenario start");
    struct result h = xcall(SYS_SET_EXCEPTION_HANDLER, (u32)handler, (u32)handler_stack + sizeof handler_stack,
                            0, 0, 0, 0, 0);
    check(h.a[0] == RES_OK, "fault.handler-installed", "tag=%d", h.a[0]);
    heap_next = heap_end = HEAP_BASE;
    echo = connect_to(ECHO_SERVER);
    check(echo >= 2, "ipc.connect", "cid=%d", echo);
    int steps = 0;
    for (struct step *s = xabi_scenario; s < xabi_scenario + SCENARIO_STEPS && s->op != OP_END; s++, steps++) {
        u32 a[4];
        switch (s->op) {
        case OP_SCALAR:
            scalar_args(s->a, a);
            check(send(echo, MSG_SCALAR, s->a, a[0], a[1], a[2], a[3]).a[0] == RES_OK, "ipc.scalar.sent", "id=%x",
                  s->a);
            break;
        case OP_BLOCKING_SCALAR: op_blocking_scalar(s->a); break;
        case OP_BORROW: op_lend(MSG_BORROW, s->a, s->b); break;
        case OP_MUTABLE_BORROW: op_lend(MSG_MUTABLE_BORROW, s->a, s->b); break;
        case OP_MOVE: op_lend(MSG_MOVE, s->a, s->b); break;
        case OP_UNALIGNED: op_unaligned(s->a); break;
        case OP_CONNECT_UNKNOWN: op_connect_unknown(); break;
        case OP_QUEUE_FULL: op_queue_full(); break;
        case OP_HANDLED_FAULT: op_handled_fault(s->a, s->b); break;
        case OP_LENT_ACCESS: op_lent_access(s->a); break;
        case OP_HEAP_TOUCH: op_heap_touch(s->a); break;
        case OP_MAP_TOUCH: op_map_touch(s->a); break;
        case OP_SPIN: op_spin(); break;
        case OP_VICTIM: op_victim(s->a); break;
        case OP_ALIVE: op_alive(); break;
        default: check(0, "driver.unknown-op", "op=%d", s->op); break;
        }
    }
    struct result sum = send(connect_to(LOG_SERVER), MSG_BLOCKING_SCALAR, 2, 0, 0, 0, 0);
    log_line("XABI DRIVER: scenario complete: %d steps, user checks %d passed, %d failed", steps, sum.a[1],
             sum.a[2]);
    return 0;
}
