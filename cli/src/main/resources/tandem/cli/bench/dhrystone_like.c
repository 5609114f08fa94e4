/*
 * Benchmark guest in the spirit of Dhrystone, written for Tandem: record copies, short string
 * handling, enumerations, small procedures and integer arithmetic, the kind of code a kernel's
 * bookkeeping runs. Its own string routines keep it free of libc.
 */
#include "bench.h"

enum colour { RED, GREEN, BLUE, YELLOW };

struct record {
    struct record *link;
    enum colour colour;
    int32_t number;
    int32_t weight;
    char name[32];
};

static struct record records[4];
static char buffer_a[32];
static char buffer_b[32];
static int32_t table[16][16];

static void copy_string(char *dst, const char *src)
{
    while ((*dst++ = *src++) != 0) {
    }
}

static int compare_strings(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char) *a - (unsigned char) *b;
}

static void copy_record(struct record *dst, const struct record *src)
{
    const uint32_t *s = (const uint32_t *) src;
    uint32_t *d = (uint32_t *) dst;
    for (unsigned i = 0; i < sizeof(struct record) / 4; i++) {
        d[i] = s[i];
    }
}

static enum colour next_colour(enum colour c, int32_t n)
{
    switch (c) {
    case RED:
        return n > 10 ? BLUE : GREEN;
    case GREEN:
        return YELLOW;
    case BLUE:
        return n & 1 ? RED : YELLOW;
    default:
        return RED;
    }
}

static int32_t weigh(struct record *r, int32_t salt)
{
    int32_t w = r->number * 3 + salt;
    if (r->colour == BLUE) {
        w -= 7;
    } else if (r->colour == YELLOW) {
        w /= 3;
    }
    r->weight = w;
    return w;
}

static int32_t fill_table(int32_t base)
{
    int32_t sum = 0;
    for (int i = 0; i < 16; i++) {
        table[i][(i + base) & 15] = base + i;
        sum += table[i][i];
    }
    return sum;
}

int main(void)
{
    static const char *names[4] = {"TANDEM RECORD, ALPHA", "TANDEM RECORD, BRAVO",
                                   "TANDEM RECORD, CHARLIE", "TANDEM RECORD, DELTA"};
    for (int i = 0; i < 4; i++) {
        records[i].link = &records[(i + 1) & 3];
        records[i].colour = (enum colour) i;
        records[i].number = i * 5 + 1;
        copy_string(records[i].name, names[i]);
    }
    uint32_t check = 0;
    for (uint32_t it = 0; it < ITERATIONS * 20u; it++) {
        struct record *r = &records[it & 3];
        struct record tmp;
        copy_record(&tmp, r);
        tmp.number += (int32_t) it;
        r->link->colour = next_colour(r->colour, tmp.number);
        int32_t w = weigh(&tmp, (int32_t) (it % 17));
        copy_string(buffer_a, tmp.name);
        copy_string(buffer_b, r->link->name);
        int c = compare_strings(buffer_a, buffer_b);
        int32_t q = w / (int32_t) ((it & 7) + 1);
        int32_t m = w % (int32_t) ((it & 3) + 2);
        check = check * 33 + (uint32_t) (c < 0 ? 1 : c > 0 ? 2 : 3) + (uint32_t) q + (uint32_t) m
                + (uint32_t) tmp.colour + (uint32_t) fill_table(w & 255);
        if (it % 64 == 0) {
            copy_record(r->link, &tmp);
            copy_string(r->link->name, names[(it / 64) & 3]);
        }
    }
    bench_puts("dhrystone-like ");
    bench_puthex(check);
    bench_puts("\n");
    return 0;
}
