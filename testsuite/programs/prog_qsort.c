/* qsort/bsearch differential test: ints, doubles, strings and structs, checked sorted,
 * with a checksum printed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t g_state = 88172645463325252ull;
static uint64_t xorshift(void)
{
    g_state ^= g_state << 13; g_state ^= g_state >> 7; g_state ^= g_state << 17;
    return g_state;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}
typedef struct { int key; int seq; char pad[20]; } Rec;
static int cmp_rec(const void *a, const void *b)
{
    const Rec *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

int main(void)
{
    enum { N = 100000 };
    int *v = malloc(N * sizeof *v);
    for (int i = 0; i < N; i++) v[i] = (int)(xorshift() % 2000001) - 1000000;
    qsort(v, N, sizeof *v, cmp_int);
    int ok = 1;
    uint64_t sum = 0;
    for (int i = 0; i < N; i++) {
        if (i && v[i - 1] > v[i]) ok = 0;
        sum = sum * 31 + (uint32_t)v[i];
    }
    printf("ints sorted %d min %d max %d hash %016llx\n", ok, v[0], v[N - 1], (unsigned long long)sum);
    int key = v[N / 2];
    int *hit = bsearch(&key, v, N, sizeof *v, cmp_int);
    printf("bsearch found %d\n", hit && *hit == key);
    key = 5000000;
    printf("bsearch missing %d\n", bsearch(&key, v, N, sizeof *v, cmp_int) == NULL);

    double *d = malloc(N * sizeof *d);
    for (int i = 0; i < N; i++) d[i] = (double)(int64_t)xorshift() / 3.0;
    qsort(d, N, sizeof *d, cmp_dbl);
    ok = 1;
    for (int i = 1; i < N; i++) if (d[i - 1] > d[i]) ok = 0;
    printf("doubles sorted %d %.17g %.17g\n", ok, d[0], d[N - 1]);

    enum { S = 5000 };
    char **s = malloc(S * sizeof *s);
    for (int i = 0; i < S; i++) {
        int len = (int)(xorshift() % 12) + 1;
        s[i] = malloc((size_t)len + 1);
        for (int j = 0; j < len; j++) s[i][j] = (char)('a' + xorshift() % 26);
        s[i][len] = 0;
    }
    qsort(s, S, sizeof *s, cmp_str);
    ok = 1;
    for (int i = 1; i < S; i++) if (strcmp(s[i - 1], s[i]) > 0) ok = 0;
    printf("strings sorted %d first %s last %s\n", ok, s[0], s[S - 1]);

    Rec *r = malloc(N * sizeof *r);
    for (int i = 0; i < N; i++) { r[i].key = (int)(xorshift() % 100); r[i].seq = i; }
    qsort(r, N, sizeof *r, cmp_rec);
    ok = 1;
    for (int i = 1; i < N; i++) if (cmp_rec(&r[i - 1], &r[i]) >= 0) ok = 0;
    printf("records sorted %d first (%d,%d) last (%d,%d)\n", ok, r[0].key, r[0].seq,
           r[N - 1].key, r[N - 1].seq);
    /* already sorted and reverse-sorted inputs */
    for (int i = 0; i < N; i++) v[i] = N - i;
    qsort(v, N, sizeof *v, cmp_int);
    printf("reverse -> %d %d\n", v[0], v[N - 1]);
    qsort(v, N, sizeof *v, cmp_int);
    printf("sorted -> %d %d\n", v[0], v[N - 1]);
    return 0;
}
