/* strings — the C library's string and memory functions: memcpy, memmove, memset, memcmp,
 * memchr, strlen, strcmp, strchr, strcpy, strcat over a few thousand short strings with long
 * common prefixes and over 64 KiB blocks at odd alignments.
 *
 * Check: the same unit run once with plain byte loops written here in place of the library
 * functions must produce the same digest (and it must equal the digest of a native run). */
#include "bench.h"
#include <string.h>

#define NSTR 3000
#define MAXLEN 160
#define BLOCK 65536
#define LINE_PARTS 40
#define PASSES 64            /* passes per unit */

/* Digest of one unit, from a native x86-64 run (identical under qemu-riscv64). */
#define UNIT_DIGEST 0xc78094004a77656dULL

typedef struct {
    size_t (*strlen)(const char *);
    int (*strcmp)(const char *, const char *);
    char *(*strchr)(const char *, int);
    char *(*strcpy)(char *, const char *);
    char *(*strcat)(char *, const char *);
    void *(*memcpy)(void *, const void *, size_t);
    void *(*memmove)(void *, const void *, size_t);
    void *(*memset)(void *, int, size_t);
    int (*memcmp)(const void *, const void *, size_t);
    void *(*memchr)(const void *, int, size_t);
} StrOps;

/* The reference: byte loops, kept as loops (gcc would otherwise turn some into calls). */
#define PLAIN __attribute__((noinline, optimize("no-tree-loop-distribute-patterns")))
static PLAIN size_t ref_strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static PLAIN int ref_strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}
static PLAIN char *ref_strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}
static PLAIN char *ref_strcpy(char *d, const char *s) { char *r = d; while ((*d++ = *s++)) {} return r; }
static PLAIN char *ref_strcat(char *d, const char *s) { ref_strcpy(d + ref_strlen(d), s); return d; }
static PLAIN void *ref_memcpy(void *d, const void *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ((char *)d)[i] = ((const char *)s)[i];
    return d;
}
static PLAIN void *ref_memmove(void *d, const void *s, size_t n)
{
    if ((char *)d < (const char *)s)
        return ref_memcpy(d, s, n);
    for (size_t i = n; i-- > 0;)
        ((char *)d)[i] = ((const char *)s)[i];
    return d;
}
static PLAIN void *ref_memset(void *d, int c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ((char *)d)[i] = (char)c;
    return d;
}
static PLAIN int ref_memcmp(const void *a, const void *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (((const unsigned char *)a)[i] != ((const unsigned char *)b)[i])
            return ((const unsigned char *)a)[i] - ((const unsigned char *)b)[i];
    return 0;
}
static PLAIN void *ref_memchr(const void *s, int c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (((const unsigned char *)s)[i] == (unsigned char)c)
            return (void *)((const char *)s + i);
    return NULL;
}

static const StrOps libc_ops = { strlen, strcmp, strchr, strcpy, strcat,
                                 memcpy, memmove, memset, memcmp, memchr };
static const StrOps ref_ops = { ref_strlen, ref_strcmp, ref_strchr, ref_strcpy, ref_strcat,
                                ref_memcpy, ref_memmove, ref_memset, ref_memcmp, ref_memchr };

typedef struct {
    char *text;                    /* source of the strings' tails */
    uint16_t off[NSTR], len[NSTR], prefix[NSTR];
    char (*pool)[MAXLEN + 1];
    char *src, *dst;               /* BLOCK + 64 bytes each */
    char line[LINE_PARTS * (MAXLEN + 1) + 1];
} Work;

static inline int sign(int x) { return (x > 0) - (x < 0); }
static inline uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ULL; }

/* One unit with the functions of `ops`.  Always inlined into callers that pass a constant
 * table, so the library version makes direct calls. */
static inline __attribute__((always_inline)) uint64_t unit(Work *w, const StrOps *ops)
{
    static const char prefix[] = "the quick brown fox jumps over the lazy dog, then over the "
                                 "lazy dog again, and once more over the lazy dog";
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int i = 0; i < NSTR; i++) {
        char *s = w->pool[i];
        ops->memcpy(s, prefix, w->prefix[i]);
        ops->memcpy(s + w->prefix[i], w->text + w->off[i], w->len[i]);
        s[w->prefix[i] + w->len[i]] = '\0';
    }
    for (int i = 0; i < NSTR; i++) {
        const char *s = w->pool[i], *t = w->pool[(i * 7 + 1) % NSTR];
        h = mix(h, ops->strlen(s));
        h = mix(h, (uint64_t)(sign(ops->strcmp(s, t)) + 1));
        const char *z = ops->strchr(s, 'z');
        h = mix(h, z ? (uint64_t)(z - s) : 999);
    }
    for (int k = 0; k < 16; k++) {
        ops->memcpy(w->dst + k, w->src + 3 * k, BLOCK - 64);
        ops->memmove(w->dst + 7, w->dst + k + 5, BLOCK - 128);
        const char *c = ops->memchr(w->dst + k, 0x7f, BLOCK - 64);
        h = mix(h, c ? (uint64_t)(c - w->dst) : 0);
        w->src[BLOCK / 2 + k * 100] ^= 1;     /* memcmp finds a difference at a new place */
        h = mix(h, (uint64_t)(sign(ops->memcmp(w->src, w->dst, BLOCK - 64)) + 1));
        h = mix(h, (uint64_t)(sign(ops->memcmp(w->src + 3 * k, w->src + 3 * k, BLOCK - 64)) + 1));
        w->src[BLOCK / 2 + k * 100] ^= 1;
        ops->memset(w->dst + k * 1000, k, 3000);
        h = mix(h, (unsigned char)w->dst[k * 1000 + 2999 - k]);
    }
    for (int i = 0; i < BLOCK; i += 4093)
        h = mix(h, (unsigned char)w->dst[i]);
    for (int r = 0; r < 20; r++) {
        ops->strcpy(w->line, w->pool[r]);
        for (int i = 1; i < LINE_PARTS; i++)
            ops->strcat(w->line, w->pool[(r * LINE_PARTS + i * 13) % NSTR]);
        h = mix(h, ops->strlen(w->line));
    }
    return h;
}

static __attribute__((noinline)) uint64_t unit_libc(Work *w) { return unit(w, &libc_ops); }
static __attribute__((noinline)) uint64_t unit_ref(Work *w) { return unit(w, &ref_ops); }

int main(int argc, char **argv)
{
    int units = bench_init("strings", argc, argv);
    static Work work;
    Work *w = &work;
    uint64_t seed = 5;
    w->text = bench_alloc(BLOCK);
    for (int i = 0; i < BLOCK; i++)   /* letters a..z with 'z' rare; no NUL */
        w->text[i] = (char)('a' + (bench_rand(&seed) % 100 < 2 ? 25 : bench_rand(&seed) % 25));
    for (int i = 0; i < NSTR; i++) {
        w->prefix[i] = (uint16_t)(bench_rand(&seed) % 100);
        w->len[i] = (uint16_t)(bench_rand(&seed) % (MAXLEN - 100));
        w->off[i] = (uint16_t)(bench_rand(&seed) % (BLOCK - MAXLEN));
    }
    w->pool = bench_alloc(NSTR * sizeof *w->pool);
    w->src = bench_alloc(BLOCK + 64);
    w->dst = bench_alloc(BLOCK + 64);
    for (int i = 0; i < BLOCK + 64; i++) {
        w->src[i] = (char)(bench_rand(&seed) & 0x7e);   /* never 0x7f: memchr misses ... */
        w->dst[i] = 0;
    }
    w->src[BLOCK - 300] = 0x7f;                          /* ... except at one place */

    uint64_t ref = unit_ref(w);
    bench_check(ref == UNIT_DIGEST, "reference digest %#" PRIx64 ", expected %#" PRIx64, ref,
                (uint64_t)UNIT_DIGEST);
    for (int u = 0; u < units && !bench_failures; u++) {
        for (int pass = 0; pass < PASSES && !bench_failures; pass++) {
            memset(w->dst, 0, BLOCK + 64);
            BENCH_CLOBBER(w);
            uint64_t h = unit_libc(w);
            bench_check(h == ref, "unit %d: digest %#" PRIx64 ", reference %#" PRIx64, u, h, ref);
        }
    }
    free(w->dst);
    free(w->src);
    free(w->pool);
    free(w->text);
    return bench_finish("%d units, digest %#" PRIx64, units, ref);
}
