/*
 * Benchmark guest: the mixed workload under Sv32, half the iterations in S-mode and half in
 * U-mode. M-mode builds two identity maps of the first 4 MiB of RAM in 4 KiB pages (one
 * supervisor-only, one user), both with A and D set; the UART is not mapped, so results are
 * printed from M-mode afterwards.
 */
#include "bench.h"

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_W 0x04u
#define PTE_X 0x08u
#define PTE_U 0x10u
#define PTE_A 0x40u
#define PTE_D 0x80u
#define RAM_BASE 0x80000000u

uint32_t run_in_mode(void (*fn)(void), uint32_t mpp, uint32_t satp);

static uint32_t root_s[1024] __attribute__((aligned(4096)));
static uint32_t leaf_s[1024] __attribute__((aligned(4096)));
static uint32_t root_u[1024] __attribute__((aligned(4096)));
static uint32_t leaf_u[1024] __attribute__((aligned(4096)));
static volatile uint32_t result_s;
static volatile uint32_t result_u;

static uint32_t build_map(uint32_t *root, uint32_t *leaf, uint32_t flags)
{
    for (uint32_t i = 0; i < 1024; i++) {
        leaf[i] = (((RAM_BASE >> 12) + i) << 10) | flags;
    }
    root[RAM_BASE >> 22] = (((uint32_t) leaf >> 12) << 10) | PTE_V;
    return 0x80000000u | ((uint32_t) root >> 12);
}

static void supervisor_part(void)
{
    result_s = mixed_workload(ITERATIONS / 2);
}

static void user_part(void)
{
    result_u = mixed_workload(ITERATIONS - ITERATIONS / 2);
}

int main(void)
{
    uint32_t all = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
    uint32_t satp_s = build_map(root_s, leaf_s, all);
    uint32_t satp_u = build_map(root_u, leaf_u, all | PTE_U);
    uint32_t cause_s = run_in_mode(supervisor_part, 1, satp_s);
    uint32_t cause_u = run_in_mode(user_part, 0, satp_u);
    bench_puts("sv32-modes ");
    bench_puthex(result_s);
    bench_puts(" ");
    bench_puthex(result_u);
    bench_puts("\n");
    if (cause_s != 9 || cause_u != 8) {
        bench_puts("unexpected trap: mcause ");
        bench_puthex(cause_s);
        bench_puts(" ");
        bench_puthex(cause_u);
        bench_puts("\n");
        return 1;
    }
    return 0;
}
