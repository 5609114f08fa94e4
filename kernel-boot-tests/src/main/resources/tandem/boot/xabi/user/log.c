/*
 * xabi "log" process: owns the console UART (mapped with MapMemory from its physical address) and
 * prints every line other processes lend it. Counts the CHECK lines it forwards.
 */
#include "libxabi.h"

static volatile u32 *uart;
#ifdef CONSOLE_UDMA
static volatile u8 *dma_buffer;
#endif
static u32 passed, failed;

static void write_bytes(const char *s, u32 n) {
#ifdef CONSOLE_UDMA
    /* UDMA UART: copy into IFRAM, point TX at it, start, wait for the transfer to drain. */
    while (n) {
        u32 chunk = n > 4096 ? 4096 : n;
        for (u32 i = 0; i < chunk; i++) dma_buffer[i] = (u8)s[i];
        uart[4] = IFRAM_PHYS;
        uart[5] = chunk;
        uart[6] = 0x10;
        while (uart[5] != 0) { }
        s += chunk;
        n -= chunk;
    }
#else
    for (u32 i = 0; i < n; i++) {
        while (uart[1] & 1) { }
        uart[0] = (u8)s[i];
    }
#endif
}

static void print(const char *s) {
    u32 n = 0;
    while (s[n]) n++;
    write_bytes(s, n);
}

static int starts_with(const char *s, const char *p) {
    while (*p) if (*s++ != *p++) return 0;
    return 1;
}

static int contains(const char *s, const char *p) {
    for (; *s; s++) if (starts_with(s, p)) return 1;
    return 0;
}

int main(void) {
    struct result r = map_memory(CONSOLE_PHYS, 0, 4096, MEMF_R | MEMF_W);
    if (r.a[0] != RES_MEMORY_RANGE) return 1;
    uart = (volatile u32 *)r.a[1];
#ifdef CONSOLE_UDMA
    r = map_memory(IFRAM_PHYS, 0, 4096, MEMF_R | MEMF_W);
    if (r.a[0] != RES_MEMORY_RANGE) return 2;
    dma_buffer = (volatile u8 *)r.a[1];
#endif
    u32 sid[4];
    if (create_server(LOG_SERVER, sid)) return 3;
    print("XABI LOG: log server started\r\n");
    for (;;) {
        r = receive(sid);
        if (r.a[0] != RES_MESSAGE_ENVELOPE) continue;
        u32 sender = r.a[1], kind = r.a[2] + 1, id = r.a[3];
        if (kind == MSG_BORROW || kind == MSG_MUTABLE_BORROW) {
            const char *text = (const char *)r.a[4];
            u32 n = 0;
            while (n < r.a[5] && text[n]) n++;
            if (starts_with(text, "CHECK ")) {
                if (contains(text, " PASS")) passed++;
                else if (contains(text, " FAIL")) failed++;
            }
            write_bytes(text, n);
            print("\r\n");
            xcall(SYS_RETURN_MEMORY, sender, r.a[4], r.a[5], 0, n, 0, 0);
        } else if (kind == MSG_BLOCKING_SCALAR) {
            /* id 2: report how many CHECK lines passed and failed so far */
            if (id == 2) print("XABI LOG: user checks reported\r\n");
            xcall(SYS_RETURN_SCALAR2, sender, passed, failed, 0, 0, 0, 0);
        } else if (kind == MSG_MOVE) {
            xcall(SYS_UNMAP_MEMORY, r.a[4], r.a[5], 0, 0, 0, 0, 0);
        }
    }
}
