/* Console output for the benchmark guests: the ns16550 UART of the `virt` layout. */
#include "bench.h"

#define UART_THR ((volatile uint8_t *) 0x10000000)

void bench_puts(const char *s)
{
    while (*s) {
        *UART_THR = (uint8_t) *s++;
    }
}

void bench_puthex(uint32_t v)
{
    char buf[11];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 8; i++) {
        uint32_t d = (v >> (28 - 4 * i)) & 15;
        buf[2 + i] = (char) (d < 10 ? '0' + d : 'a' + d - 10);
    }
    buf[10] = 0;
    bench_puts(buf);
}
