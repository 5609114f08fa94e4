/* Benchmark guest: the mixed workload in M-mode with physical addressing. */
#include "bench.h"

int main(void)
{
    uint32_t sum = mixed_workload(ITERATIONS);
    bench_puts("coremark-like ");
    bench_puthex(sum);
    bench_puts("\n");
    return 0;
}
