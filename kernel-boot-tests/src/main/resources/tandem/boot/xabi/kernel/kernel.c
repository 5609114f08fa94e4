/*
 * xabi test kernel: a small S-mode kernel that follows the Xous system-call ABI, IPC memory
 * semantics and page-table conventions, so that booting it exercises what real Xous exercises
 * (Sv32 with software A/D, lent-bit PTEs, direct switches on blocking IPC, demand paging, the
 * VexRiscv interrupt-array CSRs). It is not Xous; it is a test workload written for Tandem.
 *
 * Every IPC page transfer and protection event is checked by reading the PTEs back through the
 * MMU's recursive window and reported as one "CHECK <name> PASS|FAIL <details>" line.
 * Platform constants (UART, timer, IRQ line, reload) come from -D flags set by the image builder.
 */
#include "../xabi.h"
#include "../mem.h"

#define PAGE 4096u
#define PTE_V 0x001u
#define PTE_R 0x002u
#define PTE_W 0x004u
#define PTE_X 0x008u
#define PTE_U 0x010u
#define PTE_A 0x040u
#define PTE_D 0x080u
#define PTE_S 0x100u /* software: page is lent out */
#define PTE_P 0x200u /* software: swapped / was writable */
#define PTE_RWX (PTE_R | PTE_W | PTE_X)

#define PT_WINDOW 0xFF400000u
#define WINDOW_L0 (PT_WINDOW + 0x3FDu * PAGE)   /* level-0 table mapping the window itself */
#define KERNEL_L0 (PT_WINDOW + 0x3FFu * PAGE)   /* level-0 table of 0xFFC0_0000.., shared */
#define ROOT_VA 0xFF800000u
#define KUART_VA 0xFFCF0000u
#define TIMER_VA 0xFFCF2000u

#define MAX_PROCS 10
#define MAX_THREADS 24
#define MAX_SERVERS 16
#define QUEUE_LEN 16
#define MAX_PENDING 32
#define MAX_REGIONS 8

#define CSR_SIM 0x9C0 /* VexRiscv supervisor interrupt mask */
#define CSR_SIP 0xDC0 /* VexRiscv supervisor interrupt pending */

#ifdef TIMER_LAYOUT_LITEX
#define TIMER_EV_PENDING 0x18
#define TIMER_EV_ENABLE 0x1C
#else
#define TIMER_EV_PENDING 0x10
#define TIMER_EV_ENABLE 0x14
#endif

#define csr_read(csr) ({ u32 v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" ::"r"(v))
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" ::"r"(v))
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" ::"r"(v))
#define XSTR(x) #x
#define STR(x) XSTR(x)

struct context { u32 regs[32]; u32 pc; };

enum thread_state { T_FREE, T_READY, T_RECEIVING, T_WAIT_REPLY, T_WAIT_HANDLER };
enum process_state { P_FREE, P_ALIVE, P_DEAD };

struct thread {
    struct context ctx;
    u8 pid, tid, state, server;
};

struct process {
    u8 state;
    u8 next_tid;
    u32 satp;
    const char *name;
    u32 handler_pc, handler_sp;
    int handler_thread;   /* thread running the exception handler, or -1 */
    int faulted_thread;   /* thread waiting for it */
    u32 heap_end, mapmem_next;
    u8 conn[32];          /* server index + 1 per connection slot; CID = slot + 2 */
    u32 window[MESSAGE_WINDOW_PAGES / 32];
    int demand_pages;
};

struct message { u32 sender, kind, id, a[4]; };

struct server {
    u8 used, pid, quiet;
    u32 sid[4];
    struct message q[QUEUE_LEN];
    u8 head, count;
};

struct pending {
    u8 used, kind, client_thread, client_pid, server_pid, quiet;
    u32 client_va, server_va, len;
};

struct region { u32 start, len, xpt_base; };

void resume_context(struct context *c) __attribute__((noreturn));

static struct thread threads[MAX_THREADS];
static struct process procs[MAX_PROCS];
static struct server servers[MAX_SERVERS];
static struct pending pendings[MAX_PENDING];
static struct region regions[MAX_REGIONS];
static int nregions;
static u32 ram_start, ram_pages, alloc_hint;
static volatile u8 *rpt, *xpt;
static int cur, cur_space = 1, need_resched, preempt_tick, preempt_checked;
static u32 ticks, sid_counter;
static int checks_passed, checks_failed;
/* Set while handling traffic to the log server: its IPC is checked like any other but not reported,
   since every reported line is itself a log message. */
static int quiet;
static char pnames[MAX_PROCS][16];

/* ---- console ---- */

static void kputc(char c) {
#ifdef KUART_DUART
    volatile u32 *u = (volatile u32 *)KUART_VA;
    while (u[2] & 1) { }
    u[0] = (u8)c;
#else
    volatile u32 *u = (volatile u32 *)KUART_VA;
    while (u[1] & 1) { }
    u[0] = (u8)c;
#endif
}

static void kputs(const char *s) { while (*s) kputc(*s++); }

static void kputhex(u32 v, int digits) {
    for (int i = digits - 1; i >= 0; i--) kputc("0123456789abcdef"[(v >> (4 * i)) & 0xF]);
}

static void kputdec(u32 v) {
    char b[11];
    int n = 0;
    do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) kputc(b[--n]);
}

/* printf subset: %s %d %u %x %08x %c */
static void kvprintf(const char *f, __builtin_va_list ap) {
    for (; *f; f++) {
        if (*f != '%') { if (*f == '\n') kputc('\r'); kputc(*f); continue; }
        f++;
        int width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        switch (*f) {
        case 's': kputs(__builtin_va_arg(ap, const char *)); break;
        case 'd': { int v = __builtin_va_arg(ap, int); if (v < 0) { kputc('-'); v = -v; } kputdec((u32)v); break; }
        case 'u': kputdec(__builtin_va_arg(ap, u32)); break;
        case 'x': { u32 v = __builtin_va_arg(ap, u32); int d = 8;
                    if (!width) { d = 1; while (d < 8 && (v >> (4 * d))) d++; } else d = width;
                    kputhex(v, d); break; }
        case 'c': kputc((char)__builtin_va_arg(ap, int)); break;
        default: kputc(*f); break;
        }
    }
}

static void kprintf(const char *f, ...) {
    __builtin_va_list ap;
    __builtin_va_start(ap, f);
    kvprintf(f, ap);
    __builtin_va_end(ap);
}

/* One machine-parseable check line: CHECK <name> PASS|FAIL <details>. */
static void check(int ok, const char *name, const char *f, ...) {
    if (quiet && ok) return;
    __builtin_va_list ap;
    __builtin_va_start(ap, f);
    kprintf("CHECK %s %s ", name, ok ? "PASS" : "FAIL");
    kvprintf(f, ap);
    kputs("\r\n");
    __builtin_va_end(ap);
    if (ok) checks_passed++; else checks_failed++;
}

static void halt(void) __attribute__((noreturn));
static void halt(void) {
    volatile u32 *t = (volatile u32 *)TIMER_VA;
    t[2] = 0;
    t[TIMER_EV_ENABLE / 4] = 0;
    csr_write(0x9C0, 0);
    csr_write(sie, 0);
    for (;;) __asm__ volatile("wfi");
}

static void panic(const char *why, u32 a, u32 b) __attribute__((noreturn));
static void panic(const char *why, u32 a, u32 b) {
    kprintf("PANIC in PID 1: %s (%08x %08x)\n", why, a, b);
    halt();
}

void kernel_trap(void) {
    panic("trap taken in supervisor mode", csr_read(scause), csr_read(sepc));
}

/* ---- memory ---- */

static void sfence(void) { __asm__ volatile("sfence.vma" ::: "memory"); }

static void zero_page(u32 va) {
    volatile u32 *p = (volatile u32 *)va;
    for (u32 i = 0; i < PAGE / 4; i++) p[i] = 0;
}

/* Makes pid's address space current (the kernel area is shared by every space). */
static void space(int pid) {
    if (cur_space != pid) {
        csr_write(satp, procs[pid].satp);
        sfence();
        cur_space = pid;
    }
}

static u32 alloc_page(int pid) {
    for (u32 n = 0; n < ram_pages; n++) {
        u32 i = (alloc_hint + n) % ram_pages;
        if (!rpt[i]) {
            rpt[i] = (u8)pid;
            alloc_hint = i + 1;
            return ram_start + i * PAGE;
        }
    }
    return 0;
}

static int region_of(u32 pa) {
    for (int i = 0; i < nregions; i++)
        if (pa - regions[i].start < regions[i].len) return i;
    return -1;
}

static void release_page(u32 pa, int pid) {
    if (pa - ram_start < ram_pages * PAGE) {
        if (rpt[(pa - ram_start) / PAGE] == pid) rpt[(pa - ram_start) / PAGE] = 0;
        return;
    }
    int r = region_of(pa);
    if (r >= 0 && xpt[regions[r].xpt_base + (pa - regions[r].start) / PAGE] == pid)
        xpt[regions[r].xpt_base + (pa - regions[r].start) / PAGE] = 0;
}

/* The PTE of va in the current space through the recursive window; creates the level-0 table if asked. */
static volatile u32 *pte_of(u32 va, int create) {
    volatile u32 *root = (volatile u32 *)ROOT_VA;
    u32 vpn1 = va >> 22, vpn0 = (va >> 12) & 0x3FF;
    if (!(root[vpn1] & PTE_V)) {
        if (!create) return 0;
        u32 pa = alloc_page(cur_space);
        if (!pa) return 0;
        ((volatile u32 *)WINDOW_L0)[vpn1] = (pa >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
        sfence();
        zero_page(PT_WINDOW + vpn1 * PAGE);
        root[vpn1] = (pa >> 12) << 10 | PTE_V;
        sfence();
    }
    return (volatile u32 *)(PT_WINDOW + vpn1 * PAGE) + vpn0;
}

static u32 pte_value(int pid, u32 va) {
    space(pid);
    volatile u32 *p = pte_of(va, 0);
    return p ? *p : 0;
}

/* Maps a fresh zeroed RAM page at va with the given RWX bits: zeroed while still without U, as Xous does. */
static int back_page(volatile u32 *p, u32 va, u32 rwx) {
    u32 pa = alloc_page(cur_space);
    if (!pa) return 0;
    *p = (pa >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
    sfence();
    zero_page(va & ~(PAGE - 1));
    *p = (pa >> 12) << 10 | rwx | PTE_U | PTE_V | PTE_A | PTE_D;
    sfence();
    return 1;
}

/* Demand paging: a reserved (V=0, RWX!=0, not lent) page gets backed. 1 if the page is now present. */
static int ensure_page(u32 va) {
    volatile u32 *p = pte_of(va, 0);
    if (!p) return 0;
    u32 e = *p;
    if (e & PTE_V) return 1;
    if ((e & PTE_S) || !(e & PTE_RWX)) return 0;
    if (!back_page(p, va, e & PTE_RWX)) return 0;
    procs[cur_space].demand_pages++;
    kprintf("DEMAND pid=%d va=%08x pa=%08x\n", cur_space, va & ~(PAGE - 1), (*p >> 10) << 12);
    return 1;
}

static u32 window_alloc(int pid, u32 pages) {
    struct process *p = &procs[pid];
    for (u32 start = 0; start + pages <= MESSAGE_WINDOW_PAGES; start++) {
        u32 n = 0;
        while (n < pages && !(p->window[(start + n) / 32] & (1u << ((start + n) % 32)))) n++;
        if (n == pages) {
            for (n = 0; n < pages; n++) p->window[(start + n) / 32] |= 1u << ((start + n) % 32);
            return MESSAGE_WINDOW + start * PAGE;
        }
        start += n;
    }
    return 0;
}

static void window_free(int pid, u32 va, u32 pages) {
    u32 start = (va - MESSAGE_WINDOW) / PAGE;
    for (u32 n = 0; n < pages && start + n < MESSAGE_WINDOW_PAGES; n++)
        procs[pid].window[(start + n) / 32] &= ~(1u << ((start + n) % 32));
}

/* ---- threads and results ---- */

static void ret(struct thread *t, u32 tag, u32 a1, u32 a2, u32 a3, u32 a4, u32 a5, u32 a6, u32 a7) {
    u32 *r = t->ctx.regs;
    r[10] = tag; r[11] = a1; r[12] = a2; r[13] = a3; r[14] = a4; r[15] = a5; r[16] = a6; r[17] = a7;
}

static void ret_ok(struct thread *t) { ret(t, RES_OK, 0, 0, 0, 0, 0, 0, 0); }
static void ret_err(struct thread *t, u32 code) { ret(t, RES_ERROR, code, 0, 0, 0, 0, 0, 0); }

static int new_thread(int pid, u32 pc, u32 sp) {
    for (int i = 0; i < MAX_THREADS; i++) {
        if (threads[i].state == T_FREE) {
            struct thread *t = &threads[i];
            for (int k = 0; k < 32; k++) t->ctx.regs[k] = 0;
            t->ctx.pc = pc;
            t->ctx.regs[2] = sp;
            t->pid = (u8)pid;
            t->tid = procs[pid].next_tid++;
            t->state = T_READY;
            return i;
        }
    }
    return -1;
}

static void switch_to(int ti) { cur = ti; }

/* ---- processes ---- */

static void kill_process(int pid, const char *why);

static void wake_client(struct pending *pd, u32 tag, u32 a1) {
    struct thread *c = &threads[pd->client_thread];
    if (c->state == T_WAIT_REPLY && c->pid == pd->client_pid) {
        ret(c, tag, a1, 0, 0, 0, 0, 0, 0);
        c->state = T_READY;
    }
}

static void kill_process(int pid, const char *why) {
    struct process *p = &procs[pid];
    kprintf("XABI KERNEL: terminating PID %d (%s): %s\n", pid, p->name, why);
    for (int i = 0; i < MAX_PENDING; i++) {
        struct pending *pd = &pendings[i];
        if (!pd->used) continue;
        if (pd->server_pid == pid) {
            if (pd->kind == MSG_BORROW || pd->kind == MSG_MUTABLE_BORROW) {
                space(pd->client_pid);
                for (u32 off = 0; off < pd->len; off += PAGE) {
                    volatile u32 *e = pte_of(pd->client_va + off, 0);
                    if (e) *e = (*e & ~(PTE_S | PTE_P)) | PTE_V;
                }
                sfence();
            }
            wake_client(pd, RES_ERROR, 12 /* ProcessTerminated */);
            pd->used = 0;
        } else if (pd->client_pid == pid) {
            pd->client_pid = 0;
        }
    }
    for (int s = 0; s < MAX_SERVERS; s++)
        if (servers[s].used && servers[s].pid == pid) servers[s].used = 0;
    for (int i = 0; i < MAX_THREADS; i++)
        if (threads[i].pid == pid) threads[i].state = T_FREE;
    space(1);
    for (u32 i = 0; i < ram_pages; i++)
        if (rpt[i] == pid) rpt[i] = 0;
    for (int r = 0; r < nregions; r++)
        for (u32 i = 0; i < regions[r].len / PAGE; i++)
            if (xpt[regions[r].xpt_base + i] == pid) xpt[regions[r].xpt_base + i] = 0;
    p->state = P_DEAD;
    int alive = 0;
    for (int i = 2; i < MAX_PROCS; i++) alive += procs[i].state == P_ALIVE;
    check(1, "proc.terminated", "pid=%d others-alive=%d", pid, alive);
}

/* ---- IPC ---- */

static int find_server(const u32 *sid) {
    for (int s = 0; s < MAX_SERVERS; s++)
        if (servers[s].used && servers[s].sid[0] == sid[0] && servers[s].sid[1] == sid[1]
            && servers[s].sid[2] == sid[2] && servers[s].sid[3] == sid[3])
            return s;
    return -1;
}

static int connect(int pid, int s) {
    struct process *p = &procs[pid];
    for (int i = 0; i < 32; i++) if (p->conn[i] == s + 1) return i + 2;
    for (int i = 0; i < 32; i++) if (!p->conn[i]) { p->conn[i] = (u8)(s + 1); return i + 2; }
    return -1;
}

static void envelope(struct thread *t, const struct message *m) {
    ret(t, RES_MESSAGE_ENVELOPE, m->sender, m->kind - 1, m->id, m->a[0], m->a[1], m->a[2], m->a[3]);
}

static int parked_receiver(int s) {
    for (int i = 0; i < MAX_THREADS; i++)
        if (threads[i].state == T_RECEIVING && threads[i].server == s) return i;
    return -1;
}

static const char *kind_name(u32 kind) {
    switch (kind) {
    case MSG_MUTABLE_BORROW: return "mutable-borrow";
    case MSG_BORROW: return "borrow";
    case MSG_MOVE: return "move";
    case MSG_SCALAR: return "scalar";
    default: return "blocking-scalar";
    }
}

/* Moves or lends [va, va+len) of src to [dva, ..) of dst. Returns 0 or an error code. */
static u32 transfer(int src, u32 va, int dst, u32 dva, u32 len, u32 kind) {
    space(src);
    for (u32 off = 0; off < len; off += PAGE) {
        if (!ensure_page(va + off)) return ERR_SHARE_VIOLATION;
        if (!(*pte_of(va + off, 0) & PTE_U)) return ERR_BAD_ADDRESS;
    }
    u32 first_src = *pte_of(va, 0);
    for (u32 off = 0; off < len; off += PAGE) {
        space(src);
        volatile u32 *p = pte_of(va + off, 0);
        u32 e = *p, leaf;
        if (kind == MSG_MOVE) {
            *p = 0;
            leaf = (e & ~0x3FFu) | (e & PTE_RWX) | PTE_U | PTE_V | PTE_A | PTE_D;
            if (((e >> 10) << 12) - ram_start < ram_pages * PAGE) rpt[(((e >> 10) << 12) - ram_start) / PAGE] = (u8)dst;
        } else {
            *p = (e & ~PTE_V) | PTE_S;
            leaf = (e & ~0x3FFu) | PTE_R | (kind == MSG_MUTABLE_BORROW ? (e & PTE_W) : 0) | PTE_U | PTE_V | PTE_A | PTE_D;
        }
        sfence();
        space(dst);
        volatile u32 *q = pte_of(dva + off, 1);
        if (!q) return ERR_OUT_OF_MEMORY;
        *q = leaf;
        sfence();
    }
    u32 s_after = pte_value(src, va), d_after = pte_value(dst, dva);
    const char *k = kind_name(kind);
    if (kind == MSG_MOVE) {
        check(s_after == 0, "ipc.move.sender-pte-cleared", "pid=%d va=%08x pte=%08x", src, va, s_after);
        check((d_after & (PTE_V | PTE_U)) == (PTE_V | PTE_U) && (d_after >> 10) == (first_src >> 10)
              && (d_after & PTE_RWX) == (first_src & PTE_RWX),
              "ipc.move.receiver-owns-page", "pid=%d va=%08x pte=%08x", dst, dva, d_after);
    } else {
        char name[48];
        const char *parts[] = {"ipc.", k, ".lender-locked"};
        int n = 0;
        for (int i = 0; i < 3; i++) for (const char *c = parts[i]; *c; c++) name[n++] = *c;
        name[n] = 0;
        check(!(s_after & PTE_V) && (s_after & PTE_S), name, "pid=%d va=%08x pte=%08x", src, va, s_after);
        int want_w = kind == MSG_MUTABLE_BORROW && (first_src & PTE_W);
        int ok = (d_after & (PTE_V | PTE_R | PTE_U)) == (PTE_V | PTE_R | PTE_U) && !!(d_after & PTE_W) == want_w
                 && !(d_after & PTE_X);
        check(ok, kind == MSG_BORROW ? "ipc.borrow.server-read-only" : "ipc.mutable-borrow.server-writable",
              "pid=%d va=%08x pte=%08x", dst, dva, d_after);
    }
    return 0;
}

static void sys_send(struct thread *t, int try_only) {
    u32 *a = t->ctx.regs;
    int pid = t->pid;
    u32 cid = a[11], kind = a[12];
    int s = (cid >= 2 && cid < 34 && procs[pid].conn[cid - 2]) ? procs[pid].conn[cid - 2] - 1 : -1;
    if (s < 0 || !servers[s].used) { ret_err(t, ERR_SERVER_NOT_FOUND); return; }
    if (kind < MSG_MUTABLE_BORROW || kind > MSG_BLOCKING_SCALAR) { ret_err(t, ERR_INVALID_ARGUMENT); return; }
    struct server *sv = &servers[s];
    quiet = sv->quiet;
    int receiver = parked_receiver(s);
    if (receiver < 0 && sv->count == QUEUE_LEN) {
        if (try_only) { ret_err(t, ERR_SERVER_QUEUE_FULL); return; }
        t->ctx.pc -= 4; /* SendMessage retries, as Xous does */
        need_resched = 1;
        return;
    }
    struct message m = {0, kind, a[13], {a[14], a[15], a[16], a[17]}};
    int blocking = kind != MSG_MOVE && kind != MSG_SCALAR;
    int memory = kind <= MSG_MOVE;
    u32 server_va = 0;
    if (memory) {
        u32 va = a[14], len = a[15];
        if ((va | len) & (PAGE - 1) || !len || va + len > USER_AREA_END || va + len < va) {
            ret_err(t, kind == MSG_MOVE ? ERR_BAD_ADDRESS : ERR_BAD_ALIGNMENT);
            return;
        }
        server_va = window_alloc(sv->pid, len / PAGE);
        if (!server_va) { ret_err(t, ERR_OUT_OF_MEMORY); return; }
        u32 err = transfer(pid, va, sv->pid, server_va, len, kind);
        if (err) { window_free(sv->pid, server_va, len / PAGE); space(pid); ret_err(t, err); return; }
        m.a[0] = server_va;
    }
    u32 slot = 0;
    if (blocking) {
        int i;
        for (i = 0; i < MAX_PENDING && pendings[i].used; i++) { }
        if (i == MAX_PENDING) { ret_err(t, ERR_INTERNAL); return; }
        pendings[i] = (struct pending){1, (u8)kind, (u8)(t - threads), (u8)pid, sv->pid, sv->quiet, a[14], server_va,
                                       a[15]};
        slot = (u32)i + 1;
    }
    m.sender = (u32)pid << 24 | (u32)s << 16 | slot;
    if (receiver >= 0) {
        envelope(&threads[receiver], &m);
        threads[receiver].state = T_READY;
    } else {
        sv->q[(sv->head + sv->count) % QUEUE_LEN] = m;
        sv->count++;
    }
    if (blocking) {
        t->state = T_WAIT_REPLY;
        if (receiver >= 0) {
            check(1, "ipc.blocking.direct-switch", "client=%d server=%d kind=%s", pid, sv->pid, kind_name(kind));
            switch_to(receiver);
        }
    } else {
        ret_ok(t);
    }
}

static struct pending *reply_slot(struct thread *t, u32 sender) {
    u32 slot = sender & 0xFFFF;
    if (!slot || slot > MAX_PENDING) return 0;
    struct pending *pd = &pendings[slot - 1];
    if (!pd->used || pd->server_pid != t->pid || (sender >> 24) != pd->client_pid) return 0;
    quiet = pd->quiet;
    return pd;
}

static void finish_reply(struct thread *t, struct pending *pd) {
    struct thread *c = &threads[pd->client_thread];
    int direct = pd->client_pid && c->state == T_WAIT_REPLY && c->pid == pd->client_pid;
    pd->used = 0;
    ret_ok(t);
    if (direct) {
        c->state = T_READY;
        check(1, "ipc.reply.direct-switch", "server=%d client=%d", t->pid, c->pid);
        switch_to((int)(c - threads));
    }
}

static void sys_return_memory(struct thread *t) {
    u32 *a = t->ctx.regs;
    struct pending *pd = reply_slot(t, a[11]);
    if (!pd || (pd->kind != MSG_BORROW && pd->kind != MSG_MUTABLE_BORROW)) { ret_err(t, ERR_DOUBLE_FREE); return; }
    for (u32 off = 0; off < pd->len; off += PAGE) {
        space(pd->server_pid);
        volatile u32 *q = pte_of(pd->server_va + off, 0);
        if (q) *q = 0;
        sfence();
        if (pd->client_pid) {
            space(pd->client_pid);
            volatile u32 *p = pte_of(pd->client_va + off, 0);
            if (p) *p = (*p & ~(PTE_S | PTE_P)) | PTE_V;
            sfence();
        }
    }
    window_free(pd->server_pid, pd->server_va, pd->len / PAGE);
    if (pd->client_pid) {
        u32 e = pte_value(pd->client_pid, pd->client_va);
        check((e & PTE_V) && !(e & PTE_S), "ipc.return.lender-restored", "pid=%d va=%08x pte=%08x",
              pd->client_pid, pd->client_va, e);
        u32 srv = pte_value(pd->server_pid, pd->server_va);
        check(srv == 0, "ipc.return.server-unmapped", "pid=%d va=%08x pte=%08x", pd->server_pid, pd->server_va, srv);
        ret(&threads[pd->client_thread], RES_MEMORY_RETURNED, a[14], a[15], 0, 0, 0, 0, 0);
    }
    finish_reply(t, pd);
}

static void sys_return_scalar(struct thread *t, int words) {
    u32 *a = t->ctx.regs;
    struct pending *pd = reply_slot(t, a[11]);
    if (!pd || pd->kind != MSG_BLOCKING_SCALAR) { ret_err(t, ERR_DOUBLE_FREE); return; }
    if (pd->client_pid) {
        struct thread *c = &threads[pd->client_thread];
        if (words == 1) ret(c, RES_SCALAR1, a[12], 0, 0, 0, 0, 0, 0);
        else if (words == 2) ret(c, RES_SCALAR2, a[12], a[13], 0, 0, 0, 0, 0);
        else ret(c, RES_SCALAR5, a[12], a[13], a[14], a[15], a[16], 0, 0);
    }
    finish_reply(t, pd);
}

static void sys_receive(struct thread *t) {
    int s = find_server(&t->ctx.regs[11]);
    if (s < 0 || servers[s].pid != t->pid) { ret_err(t, ERR_SERVER_NOT_FOUND); return; }
    struct server *sv = &servers[s];
    if (sv->count) {
        envelope(t, &sv->q[sv->head]);
        sv->head = (u8)((sv->head + 1) % QUEUE_LEN);
        sv->count--;
    } else {
        t->state = T_RECEIVING;
        t->server = (u8)s;
    }
}

static void sys_create_server(struct thread *t, const u32 *sid) {
    if (find_server(sid) >= 0) { ret_err(t, ERR_SERVER_EXISTS); return; }
    for (int s = 0; s < MAX_SERVERS; s++) {
        if (!servers[s].used) {
            servers[s] = (struct server){0};
            servers[s].used = 1;
            servers[s].pid = t->pid;
            servers[s].quiet = sid[0] == 0x69626178 && sid[1] == 0x676f6c2d; /* "xabi-log" */
            for (int i = 0; i < 4; i++) servers[s].sid[i] = sid[i];
            int cid = connect(t->pid, s);
            ret(t, RES_NEW_SERVER_ID, sid[0], sid[1], sid[2], sid[3], (u32)cid, 0, 0);
            return;
        }
    }
    ret_err(t, ERR_OUT_OF_MEMORY);
}

static void sys_connect(struct thread *t, int try_only) {
    int s = find_server(&t->ctx.regs[11]);
    if (s < 0) {
        if (try_only) { ret_err(t, ERR_SERVER_NOT_FOUND); return; }
        t->ctx.pc -= 4; /* Connect retries until the server exists */
        need_resched = 1;
        return;
    }
    int cid = connect(t->pid, s);
    if (cid < 0) ret_err(t, ERR_OUT_OF_MEMORY);
    else ret(t, RES_CONNECTION_ID, (u32)cid, 0, 0, 0, 0, 0, 0);
}

/* ---- memory syscalls ---- */

static u32 reserve_range(u32 va, u32 len, u32 rwx) {
    for (u32 off = 0; off < len; off += PAGE) {
        volatile u32 *p = pte_of(va + off, 0);
        if (p && (*p & (PTE_V | PTE_RWX | PTE_S))) return ERR_MEMORY_IN_USE;
    }
    for (u32 off = 0; off < len; off += PAGE) {
        volatile u32 *p = pte_of(va + off, 1);
        if (!p) return ERR_OUT_OF_MEMORY;
        *p = rwx | PTE_U | PTE_A | PTE_D;
    }
    sfence();
    return 0;
}

static void sys_map_memory(struct thread *t) {
    u32 *a = t->ctx.regs;
    struct process *p = &procs[t->pid];
    u32 phys = a[11], va = a[12], len = a[13], rwx = a[14] & PTE_RWX;
    if (!len || ((phys | va | len) & (PAGE - 1))) { ret_err(t, ERR_BAD_ALIGNMENT); return; }
    if (!va) { va = p->mapmem_next; p->mapmem_next += len; }
    if (va + len > USER_AREA_END || va + len < va) { ret_err(t, ERR_BAD_ADDRESS); return; }
    space(t->pid);
    if (!phys) {
        u32 err = reserve_range(va, len, rwx ? rwx : PTE_R | PTE_W);
        if (err) ret_err(t, err); else ret(t, RES_MEMORY_RANGE, va, len, 0, 0, 0, 0, 0);
        return;
    }
    for (u32 off = 0; off < len; off += PAGE) {
        u32 pa = phys + off;
        volatile u32 *e = pte_of(va + off, 1);
        if (!e || (*e & PTE_V)) { ret_err(t, ERR_MEMORY_IN_USE); return; }
        if (pa - ram_start < ram_pages * PAGE) {
            volatile u8 *owner = &rpt[(pa - ram_start) / PAGE];
            if (*owner && *owner != t->pid) { ret_err(t, ERR_MEMORY_IN_USE); return; }
            *owner = t->pid;
            *e = (pa >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
            sfence();
            zero_page(va + off);
        } else {
            int r = region_of(pa);
            if (r < 0) { ret_err(t, ERR_BAD_ADDRESS); return; }
            volatile u8 *owner = &xpt[regions[r].xpt_base + (pa - regions[r].start) / PAGE];
            if (*owner && *owner != t->pid) { ret_err(t, ERR_MEMORY_IN_USE); return; }
            *owner = t->pid;
        }
        *e = (pa >> 12) << 10 | rwx | PTE_U | PTE_V | PTE_A | PTE_D;
        sfence();
    }
    ret(t, RES_MEMORY_RANGE, va, len, 0, 0, 0, 0, 0);
}

static void sys_unmap_memory(struct thread *t) {
    u32 va = t->ctx.regs[11], len = t->ctx.regs[12];
    if (!len || ((va | len) & (PAGE - 1))) { ret_err(t, ERR_BAD_ALIGNMENT); return; }
    space(t->pid);
    for (u32 off = 0; off < len; off += PAGE) {
        volatile u32 *e = pte_of(va + off, 0);
        if (!e) continue;
        if (*e & PTE_S) { ret_err(t, ERR_SHARE_VIOLATION); return; }
        if (*e & PTE_V) release_page((*e >> 10) << 12, t->pid);
        *e = 0;
        if (va + off >= MESSAGE_WINDOW && va + off < MESSAGE_WINDOW + MESSAGE_WINDOW_PAGES * PAGE)
            window_free(t->pid, va + off, 1);
    }
    sfence();
    ret_ok(t);
}

static void sys_increase_heap(struct thread *t) {
    struct process *p = &procs[t->pid];
    u32 len = t->ctx.regs[11], rwx = t->ctx.regs[12] & PTE_RWX;
    if (len & (PAGE - 1)) { ret_err(t, ERR_BAD_ALIGNMENT); return; }
    u32 start = p->heap_end;
    if (start + len > HEAP_BASE + 0x80000) { ret_err(t, ERR_OUT_OF_MEMORY); return; }
    space(t->pid);
    u32 err = reserve_range(start, len, rwx ? rwx : PTE_R | PTE_W);
    if (err) { ret_err(t, err); return; }
    p->heap_end += len;
    ret(t, RES_MEMORY_RANGE, start, len, 0, 0, 0, 0, 0);
}

static void sys_create_thread(struct thread *t) {
    u32 *a = t->ctx.regs;
    int ti = new_thread(t->pid, a[11], (a[12] + a[13]) & ~15u);
    if (ti < 0) { ret_err(t, ERR_THREAD_NOT_AVAILABLE); return; }
    struct thread *n = &threads[ti];
    n->ctx.regs[1] = EXIT_THREAD;
    for (int i = 0; i < 4; i++) n->ctx.regs[10 + i] = a[14 + i];
    ret(t, RES_THREAD_ID, n->tid, 0, 0, 0, 0, 0, 0);
}

static void syscall(struct thread *t) {
    u32 *a = t->ctx.regs;
    struct process *p = &procs[t->pid];
    switch (a[10]) {
    case SYS_MAP_MEMORY: sys_map_memory(t); break;
    case SYS_YIELD: ret_ok(t); need_resched = 1; break;
    case SYS_INCREASE_HEAP: sys_increase_heap(t); break;
    case SYS_CREATE_SERVER_WITH_ADDRESS: sys_create_server(t, &a[11]); break;
    case SYS_CREATE_SERVER: {
        u32 sid[4] = {0x69626178 /* "xabi" */, t->pid, ++sid_counter, ticks};
        sys_create_server(t, sid);
        break;
    }
    case SYS_RECEIVE_MESSAGE: sys_receive(t); break;
    case SYS_SEND_MESSAGE: sys_send(t, 0); break;
    case SYS_TRY_SEND_MESSAGE: sys_send(t, 1); break;
    case SYS_CONNECT: sys_connect(t, 0); break;
    case SYS_TRY_CONNECT: sys_connect(t, 1); break;
    case SYS_CREATE_THREAD: sys_create_thread(t); break;
    case SYS_UNMAP_MEMORY: sys_unmap_memory(t); break;
    case SYS_RETURN_MEMORY: sys_return_memory(t); break;
    case SYS_RETURN_SCALAR1: sys_return_scalar(t, 1); break;
    case SYS_RETURN_SCALAR2: sys_return_scalar(t, 2); break;
    case SYS_RETURN_SCALAR5: sys_return_scalar(t, 5); break;
    case SYS_TERMINATE_PROCESS: {
        kprintf("XABI KERNEL: PID %d (%s) exited with code %d\n", t->pid, p->name, a[11]);
        kill_process(t->pid, "exited");
        break;
    }
    case SYS_GET_THREAD_ID: ret(t, RES_THREAD_ID, t->tid, 0, 0, 0, 0, 0, 0); break;
    case SYS_GET_PROCESS_ID: ret(t, RES_PROCESS_ID, t->pid, 0, 0, 0, 0, 0, 0); break;
    case SYS_SET_EXCEPTION_HANDLER: p->handler_pc = a[11]; p->handler_sp = a[12]; ret_ok(t); break;
    default: ret_err(t, ERR_UNHANDLED_SYSCALL); break;
    }
}

/* ---- exceptions and interrupts ---- */

static const char *cause_name(u32 c) {
    switch (c) {
    case 0: return "instruction address misaligned";
    case 1: return "instruction access fault";
    case 2: return "illegal instruction";
    case 3: return "breakpoint";
    case 4: return "load address misaligned";
    case 5: return "load access fault";
    case 6: return "store address misaligned";
    case 7: return "store access fault";
    case 12: return "instruction page fault";
    case 13: return "load page fault";
    case 15: return "store page fault";
    default: return "exception";
    }
}

static void exception(struct thread *t, u32 scause, u32 stval) {
    struct process *p = &procs[t->pid];
    int pid = t->pid;
    int is_pf = scause == 12 || scause == 13 || scause == 15;
    if (is_pf && p->handler_pc && p->handler_thread < 0) {
        int h = new_thread(pid, p->handler_pc, p->handler_sp);
        if (h >= 0) {
            struct thread *ht = &threads[h];
            ht->tid = 1;
            p->next_tid--;
            ht->ctx.regs[1] = RETURN_FROM_EXCEPTION_HANDLER;
            ht->ctx.regs[10] = scause == 12 ? EXC_INSTRUCTION_PAGE_FAULT
                             : scause == 13 ? EXC_LOAD_PAGE_FAULT : EXC_STORE_PAGE_FAULT;
            ht->ctx.regs[11] = t->ctx.pc;
            ht->ctx.regs[12] = stval;
            p->handler_thread = h;
            p->faulted_thread = (int)(t - threads);
            t->state = T_WAIT_HANDLER;
            kprintf("EXCEPTION pid=%d tid=%d cause=%d (%s) pc=%08x addr=%08x -> handler\n", pid, t->tid,
                    ht->ctx.regs[10], cause_name(scause), t->ctx.pc, stval);
            switch_to(h);
            return;
        }
    }
    kprintf("PROGRAM HALT: CPU Exception on PID %d: %s at pc=%08x addr=%08x (scause=%x)\n", pid,
            cause_name(scause), t->ctx.pc, stval, scause);
    kill_process(pid, cause_name(scause));
}

static void page_fault(struct thread *t, u32 scause, u32 stval) {
    struct process *p = &procs[t->pid];
    if (scause == 12 && stval == RETURN_FROM_EXCEPTION_HANDLER && p->handler_thread == (int)(t - threads)) {
        struct thread *f = &threads[p->faulted_thread];
        t->state = T_FREE;
        p->handler_thread = -1;
        f->state = T_READY;
        switch_to(p->faulted_thread);
        return;
    }
    if (scause == 12 && stval == EXIT_THREAD) {
        if (t->tid == 2) { kill_process(t->pid, "main thread returned"); return; }
        t->state = T_FREE;
        return;
    }
    if (stval < USER_AREA_END) {
        space(t->pid);
        volatile u32 *e = pte_of(stval, 0);
        if (e && !(*e & PTE_V) && ensure_page(stval)) return; /* retry the access */
    }
    exception(t, scause, stval);
}

static void timer_ack(void) {
    volatile u32 *tm = (volatile u32 *)TIMER_VA;
    tm[TIMER_EV_PENDING / 4] = 1;
}

static void interrupt(void) {
    u32 pending = csr_read(0xDC0) & csr_read(0x9C0);
    if (pending & (1u << TIMER_IRQ)) {
        timer_ack();
        ticks++;
        if (ticks == 1) check(1, "sched.timer-tick", "irq=%d via=sip(0xdc0)", TIMER_IRQ);
        need_resched = 1;
        preempt_tick = 1;
    }
    u32 other = pending & ~(1u << TIMER_IRQ);
    if (other) {
        kprintf("XABI KERNEL: masking unclaimed interrupt lines %08x\n", other);
        csr_clear(0x9C0, other);
    }
}

static struct context *schedule(void) {
    if (threads[cur].state != T_READY || need_resched) {
        int from = cur, found = -1;
        for (int n = 1; n <= MAX_THREADS; n++) {
            int i = (from + n) % MAX_THREADS;
            if (threads[i].state == T_READY) { found = i; break; }
        }
        if (found < 0) {
            int alive = 0;
            for (int i = 2; i < MAX_PROCS; i++) alive += procs[i].state == P_ALIVE;
            kprintf("XABI KERNEL: no runnable threads (%d processes alive, %d ticks)\n", alive, ticks);
            kprintf("XABI KERNEL: halt: kernel checks %d passed, %d failed\n", checks_passed, checks_failed);
            halt();
        }
        if (preempt_tick && !preempt_checked && found != from && threads[from].state == T_READY) {
            preempt_checked = 1;
            check(1, "sched.preempt", "from=%d.%d to=%d.%d tick=%d", threads[from].pid, threads[from].tid,
                  threads[found].pid, threads[found].tid, ticks);
        }
        cur = found;
    }
    need_resched = 0;
    preempt_tick = 0;
    quiet = 0;
    space(threads[cur].pid);
    return &threads[cur].ctx;
}

struct context *trap_handler(void) {
    struct thread *t = &threads[cur];
    u32 scause = csr_read(scause), stval = csr_read(stval);
    quiet = 0;
    if (scause & 0x80000000u) {
        interrupt();
    } else if (scause == 8) {
        t->ctx.pc += 4;
        syscall(t);
    } else if (scause == 12 || scause == 13 || scause == 15) {
        page_fault(t, scause, stval);
    } else {
        exception(t, scause, stval);
    }
    return schedule();
}

/* ---- boot ---- */

static void map_kernel_device(u32 va, u32 pa) {
    ((volatile u32 *)KERNEL_L0)[(va >> 12) & 0x3FF] = (pa >> 12) << 10 | PTE_R | PTE_W | PTE_V | PTE_A | PTE_D;
    sfence();
}

static const char *tag_name(u32 fourcc, char *buf) {
    for (int i = 0; i < 4; i++) buf[i] = (char)(fourcc >> (8 * i));
    buf[4] = 0;
    return buf;
}

void kmain(const u32 *args, const u32 *ptable, volatile u8 *rpt_va, volatile u8 *xpt_va) {
    map_kernel_device(KUART_VA, KUART_PHYS);
    map_kernel_device(TIMER_VA, TIMER_PHYS);
    rpt = rpt_va;
    xpt = xpt_va;
    kputs("\r\nKernel arguments:\r\n");
    u32 total = args[2], nproc = 0, xpt_base = 0;
    char nb[5];
    for (u32 w = 0; w < total;) {
        u32 name = args[w], words = args[w + 1] >> 16;
        const u32 *d = &args[w + 2];
        kprintf("    %s (%08x, %u bytes):", tag_name(name, nb), name, words * 4);
        for (u32 i = 0; i < words; i++) kprintf(" %08x", d[i]);
        kputs("\r\n");
        if (name == 0x67724158) { ram_start = d[2]; ram_pages = d[3] / PAGE; }
        if (name == 0x7845524d) {
            for (u32 i = 0; i + 3 < words && nregions < MAX_REGIONS; i += 4) {
                regions[nregions] = (struct region){d[i], d[i + 1], xpt_base};
                xpt_base += (d[i + 1] + PAGE - 1) / PAGE;
                nregions++;
            }
        }
        if (name == 0x45696e49 || name == 0x46696e49) nproc++;
        if (name == 0x6d614e50) {
            for (u32 i = 0; i + 1 < words;) {
                u32 pid = d[i], len = d[i + 1];
                if (pid < MAX_PROCS) {
                    for (u32 k = 0; k < len && k < 15; k++) pnames[pid][k] = (char)(d[i + 2 + k / 4] >> (8 * (k % 4)));
                }
                i += 2 + (len + 3) / 4;
            }
        }
        w += 2 + words;
    }
    procs[1] = (struct process){.state = P_ALIVE, .satp = csr_read(satp), .name = "kernel", .handler_thread = -1};
    if (nproc + 2 > MAX_PROCS) panic("too many initial processes", nproc, MAX_PROCS);
    kprintf("XABI KERNEL: supervisor mode started: xabi test kernel, %u processes, RAM %08x+%x\n", nproc,
            ram_start, ram_pages * PAGE);
    for (u32 pid = 2; pid < nproc + 2; pid++) {
        const u32 *ip = &ptable[4 * (pid - 1)];
        struct process *p = &procs[pid];
        *p = (struct process){.state = P_ALIVE, .next_tid = 2, .satp = ip[0], .handler_thread = -1,
                              .faulted_thread = -1, .heap_end = HEAP_BASE, .mapmem_next = MAPMEM_BASE};
        p->name = pnames[pid][0] ? pnames[pid] : "?";
        int ti = new_thread((int)pid, ip[1], ip[2]);
        threads[ti].ctx.regs[11] = ip[3];
        kprintf("XABI KERNEL: PID %u %s satp=%08x entry=%08x sp=%08x\n", pid, p->name, ip[0], ip[1], ip[2]);
    }
    check((csr_read(sstatus) & (1u << 18)) == 0, "boot.sum-clear", "sstatus=%08x", csr_read(sstatus));
    volatile u32 *tm = (volatile u32 *)TIMER_VA;
    tm[2] = 0;
    tm[0] = TIMER_RELOAD;
    tm[1] = TIMER_RELOAD;
    tm[TIMER_EV_PENDING / 4] = 1;
    tm[TIMER_EV_ENABLE / 4] = 1;
    tm[2] = 1;
    csr_set(0x9C0, 1u << TIMER_IRQ);
    csr_set(sie, 0x200u);
    kprintf("XABI KERNEL: timer0 irq %d every %u cycles (10 ms); entering user mode\n", TIMER_IRQ, TIMER_RELOAD + 1);
    cur = 0;
    space(threads[0].pid);
    resume_context(&threads[0].ctx);
}
