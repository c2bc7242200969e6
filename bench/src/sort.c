/* sort — sorting: a quicksort (median of three, insertion sort below 16 elements) and a
 * bottom-up merge sort of 32-bit keys written here, and the C library's qsort with a
 * comparison function (an indirect call per comparison).
 *
 * Checks are independent: every output is in order, quicksort and merge sort agree element by
 * element, and each output holds the same multiset as its input (order-independent sums of the
 * keys and of a hash of the keys). */
#include "bench.h"
#include <string.h>

#define N 40000               /* keys for quicksort and merge sort */
#define N_QSORT 15000         /* keys for qsort */

static void insertion_sort(uint32_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        uint32_t x = a[i];
        long j = i;
        for (; j > 0 && a[j - 1] > x; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

static void quick_sort(uint32_t *a, long n)
{
    while (n > 16) {
        uint32_t x = a[0], y = a[n / 2], z = a[n - 1];   /* median of three as the pivot */
        uint32_t p = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
        long i = 0, j = n - 1;
        for (;;) {
            while (a[i] < p)
                i++;
            while (a[j] > p)
                j--;
            if (i >= j)
                break;
            uint32_t t = a[i];
            a[i++] = a[j];
            a[j--] = t;
        }
        /* Recurse into the smaller part, loop on the larger: stack depth stays O(log n). */
        if (j + 1 < n - j - 1) {
            quick_sort(a, j + 1);
            a += j + 1;
            n -= j + 1;
        } else {
            quick_sort(a + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion_sort(a, n);
}

static void merge_sort(uint32_t *a, uint32_t *tmp, long n)
{
    uint32_t *src = a, *dst = tmp;
    for (long width = 1; width < n; width *= 2) {
        for (long lo = 0; lo < n; lo += 2 * width) {
            long mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            long i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, (size_t)n * sizeof *a);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

typedef struct { uint64_t sum, hashsum; } Multiset;
static Multiset multiset_of(const uint32_t *a, long n)
{
    Multiset m = { 0, 0 };
    for (long i = 0; i < n; i++) {
        m.sum += a[i];
        m.hashsum += (a[i] * 0x9e3779b97f4a7c15ULL) ^ (a[i] >> 7);
    }
    return m;
}

static long disorder(const uint32_t *a, long n)
{
    long bad = 0;
    for (long i = 1; i < n; i++)
        bad += a[i - 1] > a[i];
    return bad;
}

int main(int argc, char **argv)
{
    int units = bench_init("sort", argc, argv);
    uint32_t *a = bench_alloc(N * sizeof *a), *b = bench_alloc(N * sizeof *b);
    uint32_t *tmp = bench_alloc(N * sizeof *tmp), *c = bench_alloc(N_QSORT * sizeof *c);
    for (int u = 0; u < units && !bench_failures; u++) {
        uint64_t seed = 4242;
        BENCH_CLOBBER(&seed);
        for (long i = 0; i < N; i++)   /* a tenth of the keys repeat a small set of values */
            a[i] = (uint32_t)(i % 10 == 0 ? bench_rand(&seed) % 100 : bench_rand(&seed));
        for (long i = 0; i < N_QSORT; i++)
            c[i] = (uint32_t)bench_rand(&seed);
        memcpy(b, a, N * sizeof *a);
        Multiset in = multiset_of(a, N), in_c = multiset_of(c, N_QSORT);

        quick_sort(a, N);
        merge_sort(b, tmp, N);
        qsort(c, N_QSORT, sizeof *c, cmp_u32);

        Multiset out = multiset_of(a, N), out_c = multiset_of(c, N_QSORT);
        long bad_a = disorder(a, N), bad_c = disorder(c, N_QSORT);
        bench_check(bad_a == 0 && bad_c == 0, "unit %d: %ld keys out of order after quicksort,"
                    " %ld after qsort", u, bad_a, bad_c);
        bench_check(memcmp(a, b, N * sizeof *a) == 0, "unit %d: merge sort and quicksort differ",
                    u);
        bench_check(in.sum == out.sum && in.hashsum == out.hashsum && in_c.sum == out_c.sum &&
                    in_c.hashsum == out_c.hashsum, "unit %d: the keys changed while sorting", u);
    }
    uint32_t median = a[N / 2];
    free(c);
    free(tmp);
    free(b);
    free(a);
    return bench_finish("%d units, median key %" PRIu32, units, median);
}
