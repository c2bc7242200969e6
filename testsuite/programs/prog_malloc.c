/* malloc differential test: many sizes, realloc growth/shrink, big blocks served by
 * mmap and grown with mremap, calloc zeroing, free patterns, posix_memalign. */
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t g_seed = 12345;
static uint32_t rnd(void) { g_seed = g_seed * 1103515245u + 12345u; return g_seed >> 8; }

static int check_fill(const unsigned char *p, size_t n, unsigned char v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v) return 0;
    return 1;
}

int main(void)
{
    int errors = 0;
    /* 1. many small blocks, random free order */
    enum { N = 2000 };
    static unsigned char *ptrs[N];
    static size_t sizes[N];
    for (int i = 0; i < N; i++) {
        sizes[i] = rnd() % 300 + 1;
        ptrs[i] = malloc(sizes[i]);
        if (!ptrs[i]) { printf("malloc failed\n"); return 1; }
        memset(ptrs[i], i & 0xff, sizes[i]);
    }
    for (int r = 0; r < 3 * N; r++) {
        int i = (int)(rnd() % N);
        if (!check_fill(ptrs[i], sizes[i], (unsigned char)(i & 0xff))) errors++;
        free(ptrs[i]);
        sizes[i] = rnd() % 1000 + 1;
        ptrs[i] = malloc(sizes[i]);
        memset(ptrs[i], i & 0xff, sizes[i]);
    }
    for (int i = 0; i < N; i++) {
        if (!check_fill(ptrs[i], sizes[i], (unsigned char)(i & 0xff))) errors++;
        free(ptrs[i]);
    }
    printf("small blocks: errors %d\n", errors);

    /* 2. realloc growth chain keeps contents */
    size_t n = 1;
    unsigned char *p = malloc(n);
    p[0] = 0x5a;
    for (int step = 0; step < 26; step++) {
        size_t m = n * 2;
        p = realloc(p, m);
        if (!p) { printf("realloc failed at %zu\n", m); return 1; }
        if (p[n - 1] != (unsigned char)(0x5a + step)) errors++;
        memset(p + n, 0x5a + step + 1, m - n);
        n = m;
    }
    printf("realloc grew to %zu bytes, errors %d\n", n, errors);
    /* shrink */
    p = realloc(p, 100);
    printf("shrunk: first %02x last %02x\n", p[0], p[99]);
    free(p);

    /* 3. big blocks (mmap threshold) and mremap-style growth */
    for (size_t sz = 128 * 1024; sz <= 64u * 1024 * 1024; sz *= 4) {
        unsigned char *b = malloc(sz);
        if (!b) { printf("big malloc %zu failed\n", sz); return 1; }
        b[0] = 1; b[sz / 2] = 2; b[sz - 1] = 3;
        unsigned char *c = realloc(b, sz * 2 + 12345);
        if (!c) { printf("big realloc failed\n"); return 1; }
        printf("big %zu: %d %d %d\n", sz, c[0], c[sz / 2], c[sz - 1]);
        c[sz * 2 + 12344] = 9;
        free(c);
    }

    /* 4. calloc returns zeroed memory, also after reuse */
    for (int round = 0; round < 4; round++) {
        size_t cn = 1000u << (round * 4);
        unsigned char *d = malloc(cn);
        memset(d, 0xff, cn);
        free(d);
        unsigned char *z = calloc(cn, 1);
        if (!check_fill(z, cn, 0)) errors++;
        free(z);
    }
    printf("calloc: errors %d\n", errors);
    volatile size_t half = SIZE_MAX / 2;
    void *ov = calloc(half, 4);
    printf("calloc overflow -> %s\n", ov ? "non-null" : "NULL");
    volatile size_t hugesz = (size_t)1 << 60;
    void *huge = malloc(hugesz);
    printf("malloc 2^60 -> %s\n", huge ? "non-null" : "NULL");

    /* 5. alignment */
    for (size_t al = 16; al <= 65536; al *= 16) {
        void *q = NULL;
        int rc = posix_memalign(&q, al, 1000);
        printf("posix_memalign %zu: rc %d aligned %d\n", al, rc, ((uintptr_t)q % al) == 0);
        free(q);
        q = aligned_alloc(al, al * 2);
        printf("aligned_alloc %zu: aligned %d\n", al, ((uintptr_t)q % al) == 0);
        free(q);
    }
    /* 6. malloc(0), free(NULL), realloc(NULL) */
    void *z0 = malloc(0);
    free(z0);
    free(NULL);
    char *s = realloc(NULL, 10);
    strcpy(s, "realloc0");
    printf("%s usable>=10: %d\n", s, malloc_usable_size(s) >= 10);
    free(s);
    printf("total errors %d\n", errors);
    return errors != 0;
}
