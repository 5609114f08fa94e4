/*
 * xabi "spinner" process: two threads that never yield, spinning until the ticktimer shows
 * 15 ms have passed, so the timer tick must preempt them. Then it serves "xabi-spin-server"
 * (BlockingScalar: returns the milliseconds it spun), which is how the driver waits for it.
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
    u32 start = now_ms();
    struct result stack = map_memory(0, 0, 8192, MEMF_R | MEMF_W);
    struct result t = xcall(SYS_CREATE_THREAD, (u32)helper, stack.a[1], 8192, start + 15, 0, 0, 0);
    spin(start + 15);
    while (!finished_threads) yield();
    u32 spun = now_ms() - start;
    check(t.a[0] == RES_THREAD_ID && spun >= 15, "sched.spinners-finished", "threads=2 ms=%d", spun);
    u32 sid[4];
    if (create_server(SPIN_SERVER, sid)) return 2;
    for (;;) {
        r = receive(sid);
        if (r.a[0] == RES_MESSAGE_ENVELOPE && r.a[2] + 1 == MSG_BLOCKING_SCALAR)
            xcall(SYS_RETURN_SCALAR1, r.a[1], spun, 0, 0, 0, 0, 0);
    }
}
