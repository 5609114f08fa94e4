/* memset/memcpy for freestanding code: the compiler emits calls to them for struct copies. */
#ifndef XABI_MEM_H
#define XABI_MEM_H
#define XABI_NO_PATTERNS __attribute__((optimize("no-tree-loop-distribute-patterns")))

XABI_NO_PATTERNS void *memset(void *d, int c, unsigned n) {
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}

XABI_NO_PATTERNS void *memcpy(void *d, const void *s, unsigned n) {
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--) *p++ = *q++;
    return d;
}
#endif
