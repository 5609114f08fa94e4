/*
 * xabi "echo" process: a server that checks what arrives and answers.
 * Scalar args are expected to be id*16+1..4; buffers are expected to hold (u8)(id*7 + i).
 * BlockingScalar id 1/2/5 answers with ReturnScalar1/2/5; a MutableBorrow is rewritten with
 * (u8)(id*13 + i) before it is returned; a moved buffer is written then unmapped.
 * Message ids with bit 0x100 set make the server yield 20 times before answering, so other
 * threads of the client can run while its buffer is lent.
 */
#include "libxabi.h"

static int scalar_args_ok(const struct result *r) {
    u32 id = r->a[3];
    for (int k = 0; k < 4; k++)
        if (r->a[4 + k] != id * 16 + (u32)k + 1) return 0;
    return 1;
}

static int pattern_ok(const volatile u8 *b, u32 len, u32 id) {
    for (u32 i = 0; i < len; i++)
        if (b[i] != (u8)(id * 7 + i)) return 0;
    return 1;
}

int main(void) {
    u32 sid[4];
    if (create_server(ECHO_SERVER, sid)) return 1;
    log_line("XABI ECHO: echo server started");
    for (;;) {
        struct result r = receive(sid);
        if (r.a[0] != RES_MESSAGE_ENVELOPE) continue;
        u32 sender = r.a[1], kind = r.a[2] + 1, id = r.a[3];
        u32 client = sender >> 24;
        if (id & 0x100)
            for (int i = 0; i < 20; i++) yield();
        if (kind == MSG_SCALAR) {
            check(scalar_args_ok(&r), "ipc.scalar.args-intact", "from=%d id=%x args=%x,%x,%x,%x", client, id,
                  r.a[4], r.a[5], r.a[6], r.a[7]);
        } else if (kind == MSG_BLOCKING_SCALAR) {
            check(scalar_args_ok(&r), "ipc.blocking-scalar.args-intact", "from=%d id=%x", client, id);
            if (id == 2) xcall(SYS_RETURN_SCALAR2, sender, r.a[4] + r.a[5], r.a[6] ^ r.a[7], 0, 0, 0, 0);
            else if (id == 5) xcall(SYS_RETURN_SCALAR5, sender, r.a[4] + 1, r.a[5] + 1, r.a[6] + 1, r.a[7] + 1, id, 0);
            else xcall(SYS_RETURN_SCALAR1, sender, r.a[4] + r.a[5] + r.a[6] + r.a[7], 0, 0, 0, 0, 0);
        } else {
            volatile u8 *b = (volatile u8 *)r.a[4];
            u32 len = r.a[5];
            const char *name = kind == MSG_MOVE ? "ipc.move.server-reads"
                             : kind == MSG_BORROW ? "ipc.borrow.server-reads" : "ipc.mutable-borrow.server-reads";
            check(pattern_ok(b, len, id & 0xFF), name, "from=%d id=%x va=%08x len=%x", client, id, r.a[4], len);
            if (kind == MSG_MUTABLE_BORROW)
                for (u32 i = 0; i < len; i++) b[i] = (u8)((id & 0xFF) * 13 + i);
            if (kind == MSG_MOVE) {
                b[0] = 0x5A;
                struct result u = xcall(SYS_UNMAP_MEMORY, r.a[4], len, 0, 0, 0, 0, 0);
                check(u.a[0] == RES_OK, "ipc.move.server-unmaps", "va=%08x result=%d", r.a[4], u.a[0]);
            } else {
                xcall(SYS_RETURN_MEMORY, sender, r.a[4], len, r.a[6], r.a[7], 0, 0);
            }
        }
    }
}
