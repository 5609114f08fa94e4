/*
 * xabi "spinner" process: serves "xabi-spin-server". A BlockingScalar makes it start a second
 * thread and spin in both, never yielding, until the ticktimer shows 12 ms have passed (more than
 * one 10 ms tick), so the timer must preempt one for the other; it then answers with the ms spun.
 */
#include "libxabi.h"

static volatile u32 *ticktimer;
static volatile u32 finished_threads;

static u32 now_ms(void) { return ticktimer[2]; }

static void spin(u32 until) {
    volatile u32 counter = 0;
    while (now_ms() < until) counter++;
}

static void helper(u32 until) {
    spin(until);
    finished_threads++;
}

int main(void) {
    struct result r = map_memory(TICKTIMER_PHYS, 0, 4096, MEMF_R | MEMF_W);
    if (r.a[0] != RES_MEMORY_RANGE) return 1;
    ticktimer = (volatile u32 *)r.a[1];
    struct result stack = map_memory(0, 0, 8192, MEMF_R | MEMF_W);
    u32 sid[4];
    if (create_server(SPIN_SERVER, sid)) return 2;
    for (;;) {
        r = receive(sid);
        if (r.a[0] != RES_MESSAGE_ENVELOPE || r.a[2] + 1 != MSG_BLOCKING_SCALAR) continue;
        u32 start = now_ms();
        finished_threads = 0;
        struct result t = xcall(SYS_CREATE_THREAD, (u32)helper, stack.a[1], 8192, start + 12, 0, 0, 0);
        spin(start + 12);
        while (t.a[0] == RES_THREAD_ID && !finished_threads) yield();
        u32 spun = now_ms() - start;
        check(t.a[0] == RES_THREAD_ID && spun >= 12, "sched.spinners-finished", "threads=2 ms=%d", spun);
        xcall(SYS_RETURN_SCALAR1, r.a[1], spun, 0, 0, 0, 0, 0);
    }
}
