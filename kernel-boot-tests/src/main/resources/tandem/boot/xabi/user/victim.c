/*
 * xabi "victim" process: sets no exception handler and, when asked by a Scalar message, makes one
 * bad access, so the kernel must print PROGRAM HALT and terminate only this process.
 * Fault kinds (message id): 1 load from a kernel page, 2 store to its own read-only text,
 * 3 load from an unmapped address, 4 jump into a kernel page, 5 illegal instruction.
 * A BlockingScalar id 0 is answered with 0x600D.
 */
#include "libxabi.h"

int main(void) {
    u32 sid[4];
    if (create_server(VICTIM_SERVER, sid)) return 1;
    log_line("XABI VICTIM: started");
    for (;;) {
        struct result r = receive(sid);
        if (r.a[0] != RES_MESSAGE_ENVELOPE) continue;
        u32 kind = r.a[2] + 1, id = r.a[3];
        if (kind == MSG_BLOCKING_SCALAR) {
            xcall(SYS_RETURN_SCALAR1, r.a[1], 0x600D, 0, 0, 0, 0, 0);
            continue;
        }
        log_line("XABI VICTIM: making fault kind %d", id);
        switch (id) {
        case 1: (void)*(volatile u32 *)0xFFD00000u; break;
        case 2: *(volatile u32 *)(u32)&main = 0; break;
        case 3: (void)*(volatile u32 *)0x0F000000u; break;
        case 4: ((void (*)(void))0xFFD00000u)(); break;
        default: __asm__ volatile(".word 0"); break;
        }
        log_line("XABI VICTIM: fault kind %d did not stop me", id);
    }
}
