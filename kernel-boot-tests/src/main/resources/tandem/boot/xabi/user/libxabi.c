/* xabi test processes: system-call wrappers and the logging client. */
#include "libxabi.h"
#include "../mem.h"

struct result xcall(u32 n, u32 a1, u32 a2, u32 a3, u32 a4, u32 a5, u32 a6, u32 a7) {
    register u32 r0 __asm__("a0") = n;
    register u32 r1 __asm__("a1") = a1;
    register u32 r2 __asm__("a2") = a2;
    register u32 r3 __asm__("a3") = a3;
    register u32 r4 __asm__("a4") = a4;
    register u32 r5 __asm__("a5") = a5;
    register u32 r6 __asm__("a6") = a6;
    register u32 r7 __asm__("a7") = a7;
    __asm__ volatile("ecall"
                     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
                     :
                     : "memory");
    struct result r = {{r0, r1, r2, r3, r4, r5, r6, r7}};
    return r;
}

void sid_of(const char *name, u32 sid[4]) {
    for (int i = 0; i < 4; i++) {
        sid[i] = 0;
        for (int k = 0; k < 4; k++) sid[i] |= (u32)(u8)name[4 * i + k] << (8 * k);
    }
}

u32 connect_to(const char *name) {
    u32 s[4];
    sid_of(name, s);
    struct result r = xcall(SYS_CONNECT, s[0], s[1], s[2], s[3], 0, 0, 0);
    return r.a[0] == RES_CONNECTION_ID ? r.a[1] : 0;
}

u32 create_server(const char *name, u32 sid[4]) {
    sid_of(name, sid);
    struct result r = xcall(SYS_CREATE_SERVER_WITH_ADDRESS, sid[0], sid[1], sid[2], sid[3], 0, 0, 0);
    return r.a[0] == RES_NEW_SERVER_ID ? 0 : r.a[1];
}

struct result receive(const u32 sid[4]) {
    return xcall(SYS_RECEIVE_MESSAGE, sid[0], sid[1], sid[2], sid[3], 0, 0, 0);
}

struct result send(u32 cid, u32 kind, u32 id, u32 a4, u32 a5, u32 a6, u32 a7) {
    return xcall(SYS_SEND_MESSAGE, cid, kind, id, a4, a5, a6, a7);
}

struct result map_memory(u32 phys, u32 virt, u32 size, u32 flags) {
    return xcall(SYS_MAP_MEMORY, phys, virt, size, flags, 0, 0, 0);
}

void yield(void) { xcall(SYS_YIELD, 0, 0, 0, 0, 0, 0, 0); }

static void put(char *out, int cap, int *n, char c) {
    if (*n < cap - 1) out[*n] = c;
    (*n)++;
}

/* printf subset: %s %d %u %x %08x %c */
int format(char *out, int cap, const char *f, __builtin_va_list ap) {
    int n = 0;
    for (; *f; f++) {
        if (*f != '%') { put(out, cap, &n, *f); continue; }
        f++;
        int width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        switch (*f) {
        case 's': for (const char *s = __builtin_va_arg(ap, const char *); *s; s++) put(out, cap, &n, *s); break;
        case 'd':
        case 'u': {
            u32 v = __builtin_va_arg(ap, u32);
            if (*f == 'd' && (int)v < 0) { put(out, cap, &n, '-'); v = (u32)(-(int)v); }
            char b[11]; int k = 0;
            do { b[k++] = (char)('0' + v % 10); v /= 10; } while (v);
            while (k) put(out, cap, &n, b[--k]);
            break;
        }
        case 'x': {
            u32 v = __builtin_va_arg(ap, u32);
            int d = width;
            if (!d) { d = 1; while (d < 8 && (v >> (4 * d))) d++; }
            for (int i = d - 1; i >= 0; i--) put(out, cap, &n, "0123456789abcdef"[(v >> (4 * i)) & 0xF]);
            break;
        }
        case 'c': put(out, cap, &n, (char)__builtin_va_arg(ap, int)); break;
        default: put(out, cap, &n, *f); break;
        }
    }
    out[n < cap ? n : cap - 1] = 0;
    return n;
}

static char log_page[4096] __attribute__((aligned(4096)));
static u32 log_cid;

static void log_vline(const char *fmt, __builtin_va_list ap) {
    if (!log_cid) log_cid = connect_to(LOG_SERVER);
    format(log_page, sizeof log_page, fmt, ap);
    send(log_cid, MSG_BORROW, 1, (u32)log_page, sizeof log_page, 0, 0);
}

void log_line(const char *fmt, ...) {
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    log_vline(fmt, ap);
    __builtin_va_end(ap);
}

int check(int ok, const char *name, const char *fmt, ...) {
    char details[200];
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    format(details, sizeof details, fmt, ap);
    __builtin_va_end(ap);
    log_line("CHECK %s %s %s", name, ok ? "PASS" : "FAIL", details);
    return ok;
}
