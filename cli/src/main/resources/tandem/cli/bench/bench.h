/* Shared declarations of Tandem's benchmark guests (our own code, not CoreMark or Dhrystone). */
#ifndef TANDEM_BENCH_H
#define TANDEM_BENCH_H

#include <stdint.h>

#ifndef ITERATIONS
#define ITERATIONS 10
#endif

void bench_puts(const char *s);
void bench_puthex(uint32_t v);

/* A CPU-bound mix of list, matrix, state-machine and CRC work; returns a checksum. */
uint32_t mixed_workload(uint32_t iterations);

#endif
