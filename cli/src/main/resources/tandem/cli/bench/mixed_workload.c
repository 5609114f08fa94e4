/*
 * A CPU-bound workload in the spirit of CoreMark, written for Tandem: each iteration walks and
 * reorders a linked list, multiplies small matrices, runs a character-class state machine over
 * a buffer and folds everything into a CRC-16. All data is generated, nothing is read from
 * outside, so every simulator executes the same instruction stream.
 */
#include "bench.h"

#define LIST_LEN 64
#define MAT_N 8
#define TEXT_LEN 96

struct node {
    struct node *next;
    int32_t key;
    int32_t value;
};

static struct node nodes[LIST_LEN];
static int32_t mat_a[MAT_N][MAT_N];
static int32_t mat_b[MAT_N][MAT_N];
static int32_t mat_c[MAT_N][MAT_N];
static char text[TEXT_LEN];

static uint16_t crc16(uint16_t crc, uint32_t data)
{
    for (int i = 0; i < 32; i++) {
        uint32_t bit = (data ^ crc) & 1;
        crc >>= 1;
        if (bit) {
            crc ^= 0xA001;
        }
        data >>= 1;
    }
    return crc;
}

static uint32_t lcg(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static struct node *build_list(uint32_t seed)
{
    uint32_t s = seed;
    for (int i = 0; i < LIST_LEN; i++) {
        nodes[i].key = (int32_t) (lcg(&s) % 1000);
        nodes[i].value = i;
        nodes[i].next = i + 1 < LIST_LEN ? &nodes[i + 1] : 0;
    }
    return &nodes[0];
}

/* Insertion sort of the list by key; returns the new head. */
static struct node *sort_list(struct node *head)
{
    struct node *sorted = 0;
    while (head) {
        struct node *n = head;
        head = head->next;
        if (!sorted || n->key < sorted->key) {
            n->next = sorted;
            sorted = n;
        } else {
            struct node *p = sorted;
            while (p->next && p->next->key <= n->key) {
                p = p->next;
            }
            n->next = p->next;
            p->next = n;
        }
    }
    return sorted;
}

static struct node *reverse_list(struct node *head)
{
    struct node *prev = 0;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static uint32_t list_work(uint32_t seed)
{
    struct node *head = sort_list(build_list(seed));
    head = reverse_list(head);
    uint32_t acc = 0;
    int32_t find = (int32_t) (seed % 1000);
    for (struct node *n = head; n; n = n->next) {
        acc = acc * 31 + (uint32_t) n->key + (uint32_t) n->value;
        if (n->key == find) {
            acc ^= 0x5a5a;
        }
    }
    return acc;
}

static uint32_t matrix_work(uint32_t seed)
{
    uint32_t s = seed;
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (int32_t) (lcg(&s) & 0xff) - 128;
            mat_b[i][j] = (int32_t) (lcg(&s) & 0xff) - 128;
        }
    }
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            int32_t sum = 0;
            for (int k = 0; k < MAT_N; k++) {
                sum += mat_a[i][k] * mat_b[k][j];
            }
            mat_c[i][j] = sum;
        }
    }
    uint32_t acc = 0;
    for (int i = 0; i < MAT_N; i++) {
        for (int j = 0; j < MAT_N; j++) {
            acc += (uint32_t) mat_c[i][j] ^ (uint32_t) (i * MAT_N + j);
            acc = (acc << 3) | (acc >> 29);
        }
    }
    return acc;
}

enum state { START, NUMBER, WORD, SPACE, OTHER };

static uint32_t state_machine_work(uint32_t seed)
{
    static const char alphabet[] = "0123456789 abcdefxyz,.-+";
    uint32_t s = seed;
    for (int i = 0; i < TEXT_LEN; i++) {
        text[i] = alphabet[lcg(&s) % (sizeof(alphabet) - 1)];
    }
    uint32_t counts[5] = {0, 0, 0, 0, 0};
    enum state st = START;
    for (int i = 0; i < TEXT_LEN; i++) {
        char c = text[i];
        enum state next;
        if (c >= '0' && c <= '9') {
            next = st == WORD ? WORD : NUMBER;
        } else if (c >= 'a' && c <= 'z') {
            next = WORD;
        } else if (c == ' ') {
            next = SPACE;
        } else {
            next = OTHER;
        }
        if (next != st) {
            counts[next]++;
        }
        st = next;
    }
    return counts[NUMBER] * 1000003u + counts[WORD] * 10007u + counts[SPACE] * 101u + counts[OTHER];
}

uint32_t mixed_workload(uint32_t iterations)
{
    uint16_t crc = 0xffff;
    for (uint32_t it = 0; it < iterations; it++) {
        crc = crc16(crc, list_work(it * 7 + 1));
        crc = crc16(crc, matrix_work(it * 13 + 5));
        crc = crc16(crc, state_machine_work(it * 17 + 3));
        crc = crc16(crc, it / 3 + it % 5);
    }
    return crc;
}
